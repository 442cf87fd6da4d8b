//! Collects the errors of one person form while turning each typed field into its typed value.
//!
//! Each method reads one raw field, records a Dutch error when it is unusable and returns `None`,
//! so `PersonDetails::parse` reads as one line per field and reports every problem at once.

use std::fmt::Display;

use chrono::{Months, NaiveDate};

use crate::code_enum::Coded;
use crate::validation::{ValidationErrors, parse_date, text_problem};

/// The earliest key date (koppeling, BRP-inschrijving, ...) that makes sense for this caseload.
const EARLIEST_KEY_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2000, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The trimmed value, or `None` when the field is absent or blank ("onbekend").
pub(crate) fn present(raw: &Option<String>) -> Option<&str> {
    raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn dutch(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

pub(crate) struct FieldParser {
    errors: ValidationErrors,
    today: NaiveDate,
}

impl FieldParser {
    pub(crate) fn new(today: NaiveDate) -> Self {
        Self {
            errors: ValidationErrors::new(),
            today,
        }
    }

    pub(crate) fn push(
        &mut self,
        field: &'static str,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.errors.push(field, code, message);
    }

    pub(crate) fn has_error(&self, field: &str) -> bool {
        self.errors.for_field(field).is_some()
    }

    pub(crate) fn finish<T>(self, ok: T) -> Result<T, ValidationErrors> {
        self.errors.into_result(ok)
    }

    /// One line of free text of at most `max` characters.
    pub(crate) fn text(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
        max: usize,
    ) -> Option<String> {
        self.checked(field, raw, |v| text_problem(v, max))
    }

    /// Like [`Self::text`], but blank is an error; returns "" when refused.
    pub(crate) fn required_text(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
        max: usize,
    ) -> String {
        if present(raw).is_none() {
            self.push(field, "required", "Dit veld is verplicht.");
            return String::new();
        }
        self.text(field, raw, max).unwrap_or_default()
    }

    /// Free text checked by `problem`, which returns (code, message) when the value is unusable.
    pub(crate) fn checked(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
        problem: impl FnOnce(&str) -> Option<(&'static str, String)>,
    ) -> Option<String> {
        let value = present(raw)?;
        match problem(value) {
            Some((code, message)) => {
                self.push(field, code, message);
                None
            }
            None => Some(value.to_owned()),
        }
    }

    /// A value with its own parser (BSN, V-nummer, postcode); its Display is the Dutch message.
    pub(crate) fn parsed<T, E: Display>(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let value = present(raw)?;
        parse(value)
            .map_err(|e| self.push(field, "invalid", e.to_string()))
            .ok()
    }

    /// A code from a code list; case-insensitive because spreadsheets capitalise.
    pub(crate) fn code<T: Coded>(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
    ) -> Option<T> {
        let value = present(raw)?;
        let parsed = T::from_code(&value.to_lowercase());
        if parsed.is_none() {
            let allowed = T::CODES.join(", ");
            self.push(
                field,
                "unknown_value",
                format!("Onbekende waarde. Kies uit: {allowed}."),
            );
        }
        parsed
    }

    /// "ja"/"nee" (or "true"/"false", as checkboxes and JSON send them).
    pub(crate) fn flag(&mut self, field: &'static str, raw: &Option<String>) -> Option<bool> {
        match present(raw)?.to_lowercase().as_str() {
            "ja" | "true" => Some(true),
            "nee" | "false" => Some(false),
            _ => {
                self.push(field, "invalid", "Kies ja of nee.");
                None
            }
        }
    }

    pub(crate) fn date(&mut self, field: &'static str, raw: &Option<String>) -> Option<NaiveDate> {
        self.parsed(field, raw, parse_date)
    }

    /// Not in the future and not more than 120 years ago.
    pub(crate) fn birth_date(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
    ) -> Option<NaiveDate> {
        let date = self.date(field, raw)?;
        let oldest = self
            .today
            .checked_sub_months(Months::new(120 * 12))
            .unwrap_or(NaiveDate::MIN);
        if date > self.today {
            self.push(
                field,
                "out_of_range",
                "De geboortedatum ligt in de toekomst.",
            );
            return None;
        }
        if date < oldest {
            self.push(
                field,
                "out_of_range",
                "De geboortedatum ligt meer dan 120 jaar terug.",
            );
            return None;
        }
        Some(date)
    }

    /// A date in the inburgering process: from 2000-01-01 up to one year ahead (planned dates).
    pub(crate) fn key_date(
        &mut self,
        field: &'static str,
        raw: &Option<String>,
    ) -> Option<NaiveDate> {
        let date = self.date(field, raw)?;
        let latest = self
            .today
            .checked_add_months(Months::new(12))
            .unwrap_or(NaiveDate::MAX);
        if date < EARLIEST_KEY_DATE || date > latest {
            let message = format!(
                "Kies een datum tussen {} en {}.",
                dutch(EARLIEST_KEY_DATE),
                dutch(latest)
            );
            self.push(field, "out_of_range", message);
            return None;
        }
        Some(date)
    }
}
