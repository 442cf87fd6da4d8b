//! Burgerservicenummer: nine digits that pass the elfproef.
//!
//! A `Bsn` can only be made by [`Bsn::parse`], so holding one proves it is well-formed. Its `Debug`
//! prints `Bsn(***)` and it has no `Display`: a BSN is personal data and must never reach a log line
//! by accident; code that really needs the digits asks for them with [`Bsn::as_str`].

use std::fmt;

/// A valid BSN, stored as exactly nine ASCII digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bsn(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BsnError {
    #[error("Een BSN bestaat uit 9 cijfers.")]
    Format,
    #[error("Dit BSN voldoet niet aan de elfproef.")]
    Elfproef,
    /// 000000000 passes the arithmetic of the elfproef but is never issued.
    #[error("Een BSN bestaat niet uit alleen nullen.")]
    AllZeros,
}

impl Bsn {
    /// Accepts nine digits, or eight digits to which the BRP's leading zero is added. Spaces (around
    /// and inside, as in "123 456 782") are ignored.
    pub fn parse(input: &str) -> Result<Bsn, BsnError> {
        let digits: String = input.trim().chars().filter(|c| *c != ' ').collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BsnError::Format);
        }
        let digits = match digits.len() {
            9 => digits,
            8 => format!("0{digits}"),
            _ => return Err(BsnError::Format),
        };
        let mut values = [0u8; 9];
        for (v, b) in values.iter_mut().zip(digits.bytes()) {
            *v = b - b'0';
        }
        if values.iter().all(|d| *d == 0) {
            return Err(BsnError::AllZeros);
        }
        if !passes_elfproef(&values) {
            return Err(BsnError::Elfproef);
        }
        Ok(Bsn(digits))
    }

    /// The nine digits, for storage and for showing to an authorised person.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11.
fn passes_elfproef(d: &[u8; 9]) -> bool {
    let weighted: i32 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(digit, weight)| i32::from(*digit) * weight)
        .sum();
    (weighted - i32::from(d[8])).rem_euclid(11) == 0
}

/// Whether `n`, written as nine digits with leading zeros, is a valid BSN (for the demo generator,
/// which walks through numbers and keeps the valid ones).
pub fn is_valid_bsn_digits(n: u32) -> bool {
    if n == 0 || n >= 1_000_000_000 {
        return false;
    }
    let mut d = [0u8; 9];
    let mut rest = n;
    for slot in d.iter_mut().rev() {
        // `rest % 10` is below 10, so the cast cannot truncate.
        *slot = (rest % 10) as u8;
        rest /= 10;
    }
    passes_elfproef(&d)
}

impl fmt::Debug for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bsn(***)")
    }
}

impl serde::Serialize for Bsn {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Bsn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::deserialize_parsed(d, Bsn::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StrDeserializer};

    /// Eight random digits plus the one ninth digit that satisfies the elfproef (when there is one).
    fn valid_bsn() -> impl Strategy<Value = String> {
        proptest::collection::vec(0u8..10, 8).prop_filter_map("no check digit", |d| {
            let s: u32 = d
                .iter()
                .zip((2..=9).rev())
                .map(|(x, w)| u32::from(*x) * w)
                .sum();
            let check = s % 11;
            (check < 10 && s != 0).then(|| {
                d.iter()
                    .chain(std::iter::once(&(check as u8)))
                    .map(|x| char::from(b'0' + x))
                    .collect()
            })
        })
    }

    #[test]
    fn known_numbers() {
        assert_eq!(
            Bsn::parse("111222333").map(|b| b.as_str().to_owned()),
            Ok("111222333".into())
        );
        assert!(Bsn::parse(" 123 456 782 ").is_ok());
        assert_eq!(Bsn::parse("123456781"), Err(BsnError::Elfproef));
        assert_eq!(Bsn::parse("000000000"), Err(BsnError::AllZeros));
        assert_eq!(Bsn::parse("12345678a"), Err(BsnError::Format));
        assert_eq!(Bsn::parse("1234567"), Err(BsnError::Format));
        assert_eq!(Bsn::parse("1234567890"), Err(BsnError::Format));
        assert_eq!(
            BsnError::Elfproef.to_string(),
            "Dit BSN voldoet niet aan de elfproef."
        );
        assert_eq!(
            BsnError::Format.to_string(),
            "Een BSN bestaat uit 9 cijfers."
        );
    }

    #[test]
    fn eight_digits_get_the_leading_zero_the_brp_drops() {
        // 012345672: 0+8+14+18+20+20+18+14-2 = 110 = 10 * 11.
        let bsn = Bsn::parse("12345672").expect("valid with leading zero");
        assert_eq!(bsn.as_str(), "012345672");
    }

    #[test]
    fn debug_never_prints_the_number() {
        let bsn = Bsn::parse("111222333").expect("valid");
        assert_eq!(format!("{bsn:?}"), "Bsn(***)");
        assert!(!format!("{:?}", Some(bsn)).contains("111"));
    }

    #[test]
    fn deserializing_validates() {
        let de: StrDeserializer<'_, DeError> = "111222333".into_deserializer();
        assert!(Bsn::deserialize(de).is_ok());
        let de: StrDeserializer<'_, DeError> = "111222334".into_deserializer();
        let err = Bsn::deserialize(de).expect_err("elfproef");
        assert_eq!(err.to_string(), "Dit BSN voldoet niet aan de elfproef.");
    }

    proptest! {
        #[test]
        fn generated_valid_numbers_parse(digits in valid_bsn()) {
            let bsn = Bsn::parse(&digits);
            prop_assert!(bsn.is_ok());
            prop_assert_eq!(bsn.map(|b| b.as_str().to_owned()), Ok(digits.clone()));
            let n: u32 = digits.parse().expect("nine digits");
            prop_assert!(is_valid_bsn_digits(n));
        }

        #[test]
        fn any_single_digit_change_is_refused(digits in valid_bsn(), pos in 0usize..9, delta in 1u8..10) {
            let mut bytes = digits.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).expect("ascii");
            prop_assert!(Bsn::parse(&changed).is_err(), "{} accepted", changed);
        }

        #[test]
        fn is_valid_bsn_digits_agrees_with_parse(n in 0u32..1_000_000_000) {
            prop_assert_eq!(is_valid_bsn_digits(n), Bsn::parse(&format!("{n:09}")).is_ok());
        }

        #[test]
        fn wrong_lengths_are_refused(digits in "[0-9]{0,7}|[0-9]{10,20}") {
            prop_assert_eq!(Bsn::parse(&digits), Err(BsnError::Format));
        }
    }
}
