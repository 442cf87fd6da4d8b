//! Dutch postcode: four digits (not starting with 0) and two letters, written "1234 AB".
//!
//! PostNL never issues the letter pairs SA, SD and SS (they recall the occupation era), so those are
//! refused too. Parsing normalises what people type ("1234ab", "1234 ab") to the one stored form.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("Een postcode bestaat uit 4 cijfers en 2 letters, zoals 1234 AB.")]
    Format,
    #[error("Een postcode begint niet met een 0.")]
    LeadingZero,
    #[error("De letters SA, SD en SS komen in postcodes niet voor.")]
    ForbiddenLetters,
}

impl Postcode {
    pub fn parse(input: &str) -> Result<Postcode, PostcodeError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = compact.as_bytes();
        let well_formed = bytes.len() == 6
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4..].iter().all(u8::is_ascii_uppercase);
        if !well_formed {
            return Err(PostcodeError::Format);
        }
        if bytes[0] == b'0' {
            return Err(PostcodeError::LeadingZero);
        }
        let (digits, letters) = compact.split_at(4);
        if matches!(letters, "SA" | "SD" | "SS") {
            return Err(PostcodeError::ForbiddenLetters);
        }
        Ok(Postcode(format!("{digits} {letters}")))
    }

    /// The normalised form, "1234 AB".
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Postcode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Postcode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_parsed(d, Postcode::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_what_people_type() {
        for typed in ["1234 AB", "1234ab", "1234 ab", " 1234AB ", "1234  aB"] {
            assert_eq!(
                Postcode::parse(typed).map(|p| p.to_string()),
                Ok("1234 AB".to_owned()),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn refuses_impossible_postcodes() {
        assert_eq!(Postcode::parse("0123 AB"), Err(PostcodeError::LeadingZero));
        assert_eq!(
            Postcode::parse("1234 SS"),
            Err(PostcodeError::ForbiddenLetters)
        );
        assert_eq!(
            Postcode::parse("1234 sa"),
            Err(PostcodeError::ForbiddenLetters)
        );
        assert_eq!(
            Postcode::parse("1234 SD"),
            Err(PostcodeError::ForbiddenLetters)
        );
        assert!(Postcode::parse("1234 SE").is_ok());
        for bad in [
            "", "123 AB", "12345 AB", "1234 A", "1234 ABC", "1234 Å1", "ABCD 12",
        ] {
            assert_eq!(Postcode::parse(bad), Err(PostcodeError::Format), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn every_valid_postcode_normalises_and_is_stable(n in 1000u32..10000, letters in "[a-zA-Z]{2}", space in " ?") {
            let upper = letters.to_ascii_uppercase();
            prop_assume!(!matches!(upper.as_str(), "SA" | "SD" | "SS"));
            let p = Postcode::parse(&format!("{n}{space}{letters}")).expect("valid postcode");
            prop_assert_eq!(p.as_str(), format!("{n} {upper}"));
            prop_assert_eq!(Postcode::parse(p.as_str()), Ok(p.clone()));
        }
    }
}
