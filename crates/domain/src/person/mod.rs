//! The person in the caseload: identifying numbers, code lists and the validated person record.
//!
//! Everything is re-exported here, so callers write `person::Bsn` and `person::PersonDetails`.

pub mod bsn;
pub mod codes;
pub mod completeness;
mod contact;
pub mod details;
pub(crate) mod field_parser;
pub mod fields;
pub mod postcode;
pub mod raw;
pub mod v_nummer;

pub use bsn::{Bsn, BsnError, is_valid_bsn_digits};
pub use codes::{Alfabetisering, Doelgroep, Geslacht, Opleidingsniveau, Regime, Werkervaring};
pub use completeness::{Completeness, field_label};
pub use fields::{FIELDS, PersonColumns, PersonDetails};
pub use postcode::{Postcode, PostcodeError};
pub use raw::RawPerson;
pub use v_nummer::{VNummer, VNummerError};

/// Deserializes a string and runs it through `parse`, so a deserialized value is as valid as a parsed
/// one. The error shows only the parser's Dutch message, never the input (it may be a BSN).
pub(crate) fn deserialize_parsed<'de, D, T, E>(
    d: D,
    parse: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    E: std::fmt::Display,
{
    let text = <String as serde::Deserialize>::deserialize(d)?;
    parse(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod details_proptest;
#[cfg(test)]
mod details_tests;
#[cfg(test)]
mod test_fixtures;
