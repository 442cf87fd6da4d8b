//! Dates in request bodies. The domain reads what people type in the forms ("15-01-2025" as well as
//! "2025-01-15"); the API document promises `format: date`, so a body is held to jjjj-mm-dd here,
//! before the domain sees it. Whether the day exists and its year are still the domain's questions.

use serde::{Deserialize, Deserializer};
use wegwijs_domain::validation::is_iso_date_shape;

/// The start of the serde message `problem::field_problem` recognises and answers in Dutch.
pub(crate) const NOT_ISO: &str = "wegwijs: not an ISO date";

/// The Dutch reason for a date that is not jjjj-mm-dd.
pub(crate) const NOT_ISO_REASON: &str = "Gebruik jjjj-mm-dd, bijvoorbeeld 2025-01-15.";

fn check<E: serde::de::Error>(s: String) -> Result<String, E> {
    // Blank passes: the domain answers it as "verplicht" or as "(nog) niet", per field.
    if s.trim().is_empty() || is_iso_date_shape(&s) {
        Ok(s)
    } else {
        Err(E::custom(NOT_ISO))
    }
}

/// A date field as jjjj-mm-dd.
pub fn iso<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    check(String::deserialize(d)?)
}

/// An optional date field as jjjj-mm-dd, or null. Blank is refused: "(nog) niet" is `null`, as the
/// API's conventions say for every date (docs/API.md, "Unknown values").
pub fn iso_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| {
            if s.trim().is_empty() {
                Err(serde::de::Error::custom(NOT_ISO))
            } else {
                check::<D::Error>(s)
            }
        })
        .transpose()
}

/// A required date field as jjjj-mm-dd: blank is refused too (an object that is sent needs its date;
/// "none" is the whole object as `null`).
pub fn iso_req<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(serde::de::Error::custom(NOT_ISO));
    }
    check(s)
}
