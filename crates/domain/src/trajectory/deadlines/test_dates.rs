//! Test helper: a date from a literal.

use chrono::NaiveDate;

/// `d("2026-03-02")`; panics on a typo in the test itself.
pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid test date")
}
