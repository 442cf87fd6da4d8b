//! Text and code values in request bodies, held to what the API document says before the domain reads
//! them. The domain reads what the forms send, where blank means "not chosen" and text is trimmed; the
//! document promises codes exactly as listed (or null) and a `maxLength` that counts every character.

use serde::{Deserialize, Deserializer};

/// The start of the serde message `problem::field_problem` answers as too_long.
pub(crate) const TOO_LONG: &str = "wegwijs: too long, max ";

/// Optional free text of at most `N` characters as sent, spaces included.
pub fn max_chars_opt<'de, D: Deserializer<'de>, const N: usize>(
    d: D,
) -> Result<Option<String>, D::Error> {
    let v = Option::<String>::deserialize(d)?;
    if v.as_ref().is_some_and(|s| s.chars().count() > N) {
        return Err(serde::de::Error::custom(format_args!("{TOO_LONG}{N}")));
    }
    Ok(v)
}

/// An optional code: one of the list, or null. Blank is refused as an unknown value (the message
/// starts as serde's own for an unknown variant, which `field_problem` answers in Dutch).
pub fn code_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<String>::deserialize(d)?;
    if v.as_ref().is_some_and(|s| s.trim().is_empty()) {
        return Err(serde::de::Error::custom("unknown variant ``"));
    }
    Ok(v)
}

/// A code from a body the API has already read, passed on to the domain's parser. The domain reads
/// blank as "not chosen" (the forms' empty option); in the API that is `null`, so a blank code is
/// passed on as a value no list holds and refused as unknown.
pub fn code_for_domain(v: Option<&str>) -> String {
    match v {
        Some(c) if c.trim().is_empty() => "(leeg)".into(),
        v => v.unwrap_or_default().to_string(),
    }
}
