//! Field-level validation errors, shared by every parser in the domain.
//!
//! A `FieldError` names the API property (lowerCamelCase), a machine code and a Dutch message for the
//! person at the screen. Messages never echo the value that was typed: values can be personal data
//! (a BSN), and these errors end up in logs and problem+json bodies.

use std::fmt;

use chrono::NaiveDate;

/// One refused field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldError {
    /// API property name, lowerCamelCase, e.g. "vNummer".
    pub field: &'static str,
    /// Machine code: "required", "invalid", "too_long", "unknown_value", "out_of_range",
    /// "inconsistent" or "duplicate".
    pub code: &'static str,
    /// Dutch, for a person: "Dit BSN voldoet niet aan de elfproef."
    pub message: String,
}

/// All refused fields of one input; parsers collect every error instead of stopping at the first, so
/// a form shows everything that needs fixing at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    pub fn push(&mut self, field: &'static str, code: &'static str, message: impl Into<String>) {
        self.0.push(FieldError {
            field,
            code,
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error for `field`, to show next to that form field.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// `Ok(ok)` when nothing was refused, otherwise all collected errors.
    pub fn into_result<T>(self, ok: T) -> Result<T, ValidationErrors> {
        if self.is_empty() { Ok(ok) } else { Err(self) }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{}: {}", e.field, e.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("Onbekende datumnotatie: gebruik dag-maand-jaar, bijvoorbeeld 15-01-2025.")]
    Format,
    #[error("Deze datum bestaat niet.")]
    NotACalendarDate,
    #[error("Vul een jaar tussen 1900 en 2100 in.")]
    YearOutOfRange,
}

impl DateError {
    /// The machine code of the field error this becomes.
    pub fn code(self) -> &'static str {
        match self {
            DateError::YearOutOfRange => "out_of_range",
            DateError::Format | DateError::NotACalendarDate => "invalid",
        }
    }
}

/// The years a date may have. Nothing in an inburgering trajectory (nor a birth date of someone alive)
/// lies outside them, while a mistyped year (0001, 9999) would be stored as a real date: a deadline
/// centuries away, a timeline drawn over two thousand years.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// `jjjj-mm-dd` exactly, as the API takes dates (whether the day exists is [`parse_date`]'s question).
pub fn is_iso_date_shape(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Parses "jjjj-mm-dd" (what date inputs and the API send) and "dd-mm-jjjj" (what case workers type),
/// with a year from [`MIN_YEAR`] to [`MAX_YEAR`]. The API refuses the second notation before this
/// (`web/src/api/dates.rs`).
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = input.trim().split('-').collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(DateError::Format);
    };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return Err(DateError::Format);
    }
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        _ => return Err(DateError::Format),
    };
    // At most four ASCII digits each, so these cannot overflow.
    let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format);
    let year = i32::try_from(num(y)?).map_err(|_| DateError::Format)?;
    let date =
        NaiveDate::from_ymd_opt(year, num(m)?, num(d)?).ok_or(DateError::NotACalendarDate)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange);
    }
    Ok(date)
}

/// A date that came in already parsed (serde's ISO dates in the API and in stored intake content)
/// within the same years as [`parse_date`].
pub fn check_year(date: NaiveDate) -> Result<NaiveDate, DateError> {
    use chrono::Datelike;
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(DateError::YearOutOfRange)
    }
}

/// Control characters in user text. `multi_line` fields (none yet; a future note or letter text) keep
/// tab and line breaks; everything else (NUL, escape, DEL, the C1 range, ...) is refused everywhere:
/// nobody types them, they break CSV exports and letters, and PostgreSQL refuses NUL in text outright.
pub fn has_control_chars(value: &str, multi_line: bool) -> bool {
    value.chars().any(|c| {
        (c.is_control() && !(multi_line && matches!(c, '\t' | '\n' | '\r'))) || is_invisible(c)
    })
}

/// Zero-width and direction-override characters: they let a required field be "filled" with nothing
/// visible, make a name render reversed, or make one account look exactly like another.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Problems with one line of free text (already trimmed): too long, or containing control characters
/// that would break CSV exports and letters. Returns (code, Dutch message).
pub fn text_problem(value: &str, max: usize) -> Option<(&'static str, String)> {
    let len = value.chars().count();
    if len > max {
        return Some((
            "too_long",
            format!("Gebruik hoogstens {max} tekens (nu {len})."),
        ));
    }
    if has_control_chars(value, false) {
        return Some((
            "invalid",
            "Gebruik geen tabs, regeleinden, onzichtbare tekens of andere stuurtekens.".to_owned(),
        ));
    }
    None
}

/// The longest search term (name, BSN or V-nummer).
pub const SEARCH_MAX: usize = 100;

/// A search term as typed into a search box or the API's `zoek`: trimmed, at most [`SEARCH_MAX`]
/// characters, no control characters. The error is the Dutch message for next to the field.
pub fn search_term(value: &str) -> Result<String, String> {
    let value = value.trim();
    match text_problem(value, SEARCH_MAX) {
        None => Ok(value.to_owned()),
        Some(("too_long", _)) => Err(format!("Een zoekterm is hoogstens {SEARCH_MAX} tekens.")),
        Some(_) => {
            Err("Een zoekterm mag geen tabs, regeleinden of andere stuurtekens bevatten.".into())
        }
    }
}

/// A search term that is a number written with separators ("123-456-789", "123.456.789",
/// "123 456 789") as its digits, so it is recognised as a BSN or V-nummer; any other term unchanged.
/// Only digits and the separators people type between groups count: a name is never changed.
pub fn number_search_form(term: &str) -> String {
    let t = term.trim();
    let only_number = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '));
    if only_number {
        t.chars().filter(char::is_ascii_digit).collect()
    } else {
        t.to_string()
    }
}

/// The highest page number a list answers (far below where `(page - 1) * size` could overflow).
pub const MAX_PAGE: i64 = 1_000_000;

/// A requested page number: absent means 1; otherwise 1 to [`MAX_PAGE`]. The error is Dutch.
pub fn page_number(value: Option<i64>) -> Result<u32, String> {
    let page = value.unwrap_or(1);
    if (1..=MAX_PAGE).contains(&page) {
        u32::try_from(page).map_err(|_| page_message())
    } else {
        Err(page_message())
    }
}

fn page_message() -> String {
    format!("Kies een paginanummer van 1 tot en met {MAX_PAGE}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_separators_are_searched_as_their_digits() {
        for typed in [
            "123-456-782",
            "123.456.782",
            "123 456 782",
            " 12-34.56 782 ",
        ] {
            assert_eq!(number_search_form(typed), "123456782", "{typed}");
        }
        assert_eq!(number_search_form("El-Amrani"), "El-Amrani");
        assert_eq!(number_search_form("Jan 2"), "Jan 2");
        assert_eq!(number_search_form("--"), "--");
    }
    use proptest::prelude::*;

    #[test]
    fn collects_errors_and_finds_them_per_field() {
        let mut errors = ValidationErrors::new();
        assert_eq!(errors.clone().into_result(7), Ok(7));
        errors.push("bsn", "invalid", "Dit BSN voldoet niet aan de elfproef.");
        errors.push("email", "too_long", "Te lang.");
        assert!(!errors.is_empty());
        assert_eq!(errors.for_field("email").map(|e| e.code), Some("too_long"));
        assert_eq!(errors.for_field("postcode"), None);
        assert_eq!(
            errors.to_string(),
            "bsn: Dit BSN voldoet niet aan de elfproef.; email: Te lang."
        );
        assert_eq!(errors.clone().into_result(()), Err(errors));
    }

    #[test]
    fn dates_in_both_notations_and_impossible_dates() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).expect("leap day");
        assert_eq!(parse_date("2024-02-29"), Ok(d));
        assert_eq!(parse_date(" 29-02-2024 "), Ok(d));
        assert_eq!(parse_date("29-2-2024"), Ok(d));
        assert_eq!(parse_date("2031-02-30"), Err(DateError::NotACalendarDate));
        assert_eq!(parse_date("2023-02-29"), Err(DateError::NotACalendarDate));
        assert_eq!(parse_date("2024-13-01"), Err(DateError::NotACalendarDate));
        for bad in [
            "",
            "2024/02/29",
            "24-02-29",
            "2024-02",
            "2024-02-29-1",
            "+202-02-29",
            "2024-0x-01",
        ] {
            assert_eq!(parse_date(bad), Err(DateError::Format), "{bad:?}");
        }
        assert_eq!(
            DateError::NotACalendarDate.to_string(),
            "Deze datum bestaat niet."
        );
        for far in [
            "0000-01-01",
            "0001-01-01",
            "1899-12-31",
            "2101-01-01",
            "9999-12-31",
            "31-12-9999",
        ] {
            assert_eq!(parse_date(far), Err(DateError::YearOutOfRange), "{far}");
        }
        assert_eq!(
            DateError::YearOutOfRange.to_string(),
            "Vul een jaar tussen 1900 en 2100 in."
        );
        assert!(parse_date("1900-01-01").is_ok() && parse_date("31-12-2100").is_ok());
    }

    #[test]
    fn text_problems() {
        assert_eq!(text_problem("Amsterdam", 9), None);
        assert_eq!(text_problem("Amsterdam", 8).map(|p| p.0), Some("too_long"));
        assert_eq!(
            text_problem("Ams\tterdam", 100).map(|p| p.0),
            Some("invalid")
        );
        assert_eq!(
            text_problem("Çelik–Öztürk", 12),
            None,
            "counts characters, not bytes"
        );
    }

    #[test]
    fn control_characters_are_refused_except_line_breaks_in_multi_line_text() {
        for bad in ["a\0b", "\u{1b}[31m", "a\u{7f}", "a\u{85}b"] {
            assert!(
                has_control_chars(bad, false) && has_control_chars(bad, true),
                "{bad:?}"
            );
        }
        assert!(has_control_chars("a\tb", false) && !has_control_chars("a\tb\r\nc", true));
        assert!(!has_control_chars("Çelik–Öztürk", false));
    }

    #[test]
    fn search_terms_and_page_numbers() {
        assert_eq!(search_term("  van Dijk "), Ok("van Dijk".to_owned()));
        assert!(search_term("\0").is_err());
        assert!(search_term("a\tb").is_err());
        assert!(search_term(&"x".repeat(101)).is_err());
        assert_eq!(page_number(None), Ok(1));
        assert_eq!(page_number(Some(7)), Ok(7));
        for bad in [0, -1, MAX_PAGE + 1, i64::MAX, i64::MIN] {
            assert!(page_number(Some(bad)).is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn every_calendar_date_parses_in_both_notations(days in 0i64..73_414) {
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).expect("start") + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
            prop_assert_eq!(parse_date(&date.format("%d-%m-%Y").to_string()), Ok(date));
        }

        #[test]
        fn day_beyond_month_end_is_not_a_calendar_date(year in 1900i32..2100, month in 1u32..=12, extra in 1u32..=5) {
            let first_next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            }.expect("first of next month");
            let last = first_next.pred_opt().expect("last day").format("%d").to_string();
            let day: u32 = last.parse::<u32>().expect("digits") + extra;
            prop_assume!(day <= 99);
            let text = format!("{year:04}-{month:02}-{day:02}");
            prop_assert_eq!(parse_date(&text), Err(DateError::NotACalendarDate));
        }

        #[test]
        fn only_years_from_1900_to_2100_are_accepted(year in 0i32..=9999, month in 1u32..=12, day in 1u32..=28) {
            let date = NaiveDate::from_ymd_opt(year, month, day).expect("day 1-28 exists");
            let accepted = (1900..=2100).contains(&year);
            for text in [format!("{year:04}-{month:02}-{day:02}"), format!("{day:02}-{month:02}-{year:04}")] {
                let parsed = parse_date(&text);
                if accepted {
                    prop_assert_eq!(parsed, Ok(date));
                } else {
                    prop_assert_eq!(parsed, Err(DateError::YearOutOfRange));
                }
            }
            prop_assert_eq!(check_year(date).is_ok(), accepted);
        }

        #[test]
        fn text_length_limit_is_exact(len in 0usize..300, max in 1usize..260) {
            let value = "é".repeat(len);
            let problem = text_problem(&value, max);
            prop_assert_eq!(problem.is_some(), len > max);
        }
    }
}
