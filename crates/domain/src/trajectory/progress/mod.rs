//! Progress after the PIP: voortgangsgesprekken, exams, hours, the termijn's verlengingen, DUO's
//! vrijstellingen and ontheffingen, and the afronding (PVT, MAP, Z-route, onderwijsroute, voldaan).
//!
//! Pure input parsing: pages and the API hand over what was typed or sent (text), the parsers return a
//! valid value or every field error at once, in Dutch, named by the API property (lowerCamelCase, also
//! the form field's name). Rules that need the termijn or the current facts (MAP/PVT dates, DUO rules
//! M-7/M-8; "voldaan" only when nothing is due) take them as parameters, with `today` injected.

pub mod afronding;
pub mod duo_besluit;
pub mod exam;
pub mod hours;
pub mod review;
pub mod verlenging;

use chrono::NaiveDate;

use crate::validation::{ValidationErrors, parse_date, text_problem};

/// A required date field: parsed, and refused when missing, malformed or after `today` when
/// `not_future`.
pub(crate) fn datum(
    errors: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    today: NaiveDate,
    not_future: bool,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(field, "required", "Vul een datum in.");
        return None;
    }
    datum_opt(errors, field, raw, today, not_future).flatten()
}

/// An optional date field: `Some(None)` when empty, `None` when refused.
pub(crate) fn datum_opt(
    errors: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    today: NaiveDate,
    not_future: bool,
) -> Option<Option<NaiveDate>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(None);
    }
    match parse_date(raw) {
        Ok(d) if not_future && d > today => {
            errors.push(field, "out_of_range", "Deze datum ligt in de toekomst.");
            None
        }
        Ok(d) => Some(Some(d)),
        Err(e) => {
            errors.push(field, e.code(), e.to_string());
            None
        }
    }
}

/// A code from a list: refused with the allowed labels when unknown, "required" when empty.
pub(crate) fn code<T: Copy>(
    errors: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
    choices: &[(&str, &str)],
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(field, "required", "Maak een keuze.");
        return None;
    }
    let found = parse(raw);
    if found.is_none() {
        let allowed: Vec<&str> = choices.iter().map(|(c, _)| *c).collect();
        errors.push(
            field,
            "unknown_value",
            format!("Onbekende waarde. Kies uit: {}.", allowed.join(", ")),
        );
    }
    found
}

/// Free text of at most `max` characters; `multi_line` keeps line breaks (notes, decisions).
pub(crate) fn tekst(
    errors: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    max: usize,
    multi_line: bool,
) -> String {
    let value = raw.trim();
    // The limit counts what was sent, spaces included, as the API document's maxLength does.
    let len = raw.chars().count();
    let problem = if len > max {
        Some((
            "too_long",
            format!("Gebruik hoogstens {max} tekens, spaties meegeteld (nu {len})."),
        ))
    } else if multi_line {
        crate::validation::has_control_chars(value, true).then(|| {
            (
                "invalid",
                "Gebruik geen onzichtbare tekens of andere stuurtekens.".to_owned(),
            )
        })
    } else {
        text_problem(value, max)
    };
    if let Some((c, m)) = problem {
        errors.push(field, c, m);
    }
    value.to_owned()
}

#[cfg(test)]
mod tekst_tests {
    use super::tekst;
    use crate::validation::ValidationErrors;

    #[test]
    fn the_limit_counts_spaces_as_sent_and_the_value_is_trimmed() {
        let mut e = ValidationErrors::new();
        assert_eq!(tekst(&mut e, "t", "  ja  ", 6, false), "ja");
        assert!(e.is_empty());
        tekst(&mut e, "t", &" ".repeat(7), 6, false);
        tekst(&mut e, "m", &format!("ja{}", "\n".repeat(6)), 6, true);
        assert_eq!(e.for_field("t").map(|f| f.code), Some("too_long"));
        assert_eq!(e.for_field("m").map(|f| f.code), Some("too_long"));
    }
}
