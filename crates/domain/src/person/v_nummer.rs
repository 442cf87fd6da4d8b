//! V-nummer: the ten-digit number the IND and DUO use for a migrant before (and next to) a BSN.
//!
//! Same shape as [`super::Bsn`]: only [`VNummer::parse`] makes one, `Debug` is redacted and there is
//! no `Display`, because it identifies a person as directly as a BSN does.

use std::fmt;

/// A V-nummer, stored as exactly ten ASCII digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VNummer(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VNummerError {
    #[error("Een V-nummer bestaat uit 10 cijfers.")]
    Format,
}

impl VNummer {
    /// Accepts exactly ten digits; spaces anywhere are ignored ("12 3456 7890").
    pub fn parse(input: &str) -> Result<VNummer, VNummerError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 10 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(VNummer(digits))
        } else {
            Err(VNummerError::Format)
        }
    }

    /// The ten digits, for storage and for showing to an authorised person.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for VNummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VNummer(***)")
    }
}

impl serde::Serialize for VNummer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for VNummer {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_parsed(d, VNummer::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StrDeserializer};

    #[test]
    fn ten_digits_with_spaces_ignored() {
        let v = VNummer::parse(" 12 3456 7890 ").expect("valid");
        assert_eq!(v.as_str(), "1234567890");
        assert_eq!(VNummer::parse("123456789"), Err(VNummerError::Format));
        assert_eq!(VNummer::parse("12345678901"), Err(VNummerError::Format));
        assert_eq!(VNummer::parse("12345678-0"), Err(VNummerError::Format));
        assert_eq!(
            VNummerError::Format.to_string(),
            "Een V-nummer bestaat uit 10 cijfers."
        );
    }

    #[test]
    fn debug_is_redacted_and_deserializing_validates() {
        let v = VNummer::parse("1234567890").expect("valid");
        assert_eq!(format!("{v:?}"), "VNummer(***)");
        let de: StrDeserializer<'_, DeError> = "1234567890".into_deserializer();
        assert_eq!(VNummer::deserialize(de), Ok(v));
        let de: StrDeserializer<'_, DeError> = "12345".into_deserializer();
        assert!(VNummer::deserialize(de).is_err());
    }

    proptest! {
        #[test]
        fn exactly_ten_digits_are_accepted(digits in "[0-9]{1,20}") {
            prop_assert_eq!(VNummer::parse(&digits).is_ok(), digits.len() == 10);
        }
    }
}
