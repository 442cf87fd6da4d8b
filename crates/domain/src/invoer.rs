//! Input helpers shared by the chain-partner modules (contact, meting, aanwezigheid, plaatsing,
//! begeleiding, handhaving). The date, code and text helpers are the progress parsers' own, re-exported
//! so every form in the domain refuses the same things with the same Dutch messages.

pub(crate) use crate::trajectory::progress::{code, datum, datum_opt, tekst};

/// A number of hours as people type it ("7,5", "7.5", "8") in hundredths of an hour, parsed exactly
/// (no floating point, so "0,25" is exactly 25 and never 24.999...). At most two decimals and four
/// whole digits; `None` for anything else, including signs, spaces inside and thousands separators.
pub(crate) fn honderdsten(raw: &str) -> Option<u32> {
    let raw = raw.trim();
    let (heel, deel) = match raw.find([',', '.']) {
        Some(i) => (&raw[..i], &raw[i + 1..]),
        None => (raw, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if heel.is_empty() || heel.len() > 4 || deel.len() > 2 || !digits(heel) || !digits(deel) {
        return None;
    }
    if raw.contains([',', '.']) && deel.is_empty() {
        return None;
    }
    let heel: u32 = heel.parse().ok()?;
    let deel: u32 = match deel.len() {
        0 => 0,
        1 => deel.parse::<u32>().ok()? * 10,
        _ => deel.parse().ok()?,
    };
    Some(heel * 100 + deel)
}

/// Hundredths of an hour written the Dutch way for messages and letters: 750 → "7,5", 800 → "8",
/// 25 → "0,25".
pub fn uren_tekst(honderdsten: u32) -> String {
    let heel = honderdsten / 100;
    match honderdsten % 100 {
        0 => heel.to_string(),
        d if d % 10 == 0 => format!("{heel},{}", d / 10),
        d => format!("{heel},{d:02}"),
    }
}

/// Whole euros and cents written the Dutch way: 240000 → "€ 2.400,00", -5 → "-€ 0,05".
pub fn euro(cents: i64) -> String {
    let teken = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = (abs / 100).to_string();
    let mut groepen = Vec::new();
    let bytes = euros.as_bytes();
    let mut end = bytes.len();
    while end > 3 {
        groepen.push(&euros[end - 3..end]);
        end -= 3;
    }
    groepen.push(&euros[..end]);
    groepen.reverse();
    format!("{teken}€ {},{:02}", groepen.join("."), abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hours_are_parsed_exactly_with_comma_or_dot() {
        assert_eq!(honderdsten("7,5"), Some(750));
        assert_eq!(honderdsten(" 7.25 "), Some(725));
        assert_eq!(honderdsten("0,05"), Some(5));
        assert_eq!(honderdsten("12"), Some(1200));
        for bad in [
            "", ",5", "5,", "-1", "+1", "1,234", "1 5", "1.000,5", "12345", "abc",
        ] {
            assert_eq!(honderdsten(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn hours_and_euros_are_written_the_dutch_way() {
        assert_eq!(uren_tekst(750), "7,5");
        assert_eq!(uren_tekst(800), "8");
        assert_eq!(uren_tekst(25), "0,25");
        assert_eq!(euro(240_000), "€ 2.400,00");
        assert_eq!(euro(5_000), "€ 50,00");
        assert_eq!(euro(123_456_789), "€ 1.234.567,89");
        assert_eq!(euro(-5), "-€ 0,05");
        assert_eq!(euro(0), "€ 0,00");
    }

    proptest! {
        #[test]
        fn written_hours_parse_back(h in 0u32..1_000_000) {
            prop_assert_eq!(honderdsten(&uren_tekst(h)), Some(h));
            prop_assert_eq!(honderdsten(&uren_tekst(h).replace(',', ".")), Some(h));
        }

        #[test]
        fn hour_parsing_never_panics(s in "\\PC{0,12}") {
            if let Some(h) = honderdsten(&s) {
                prop_assert!(h < 1_000_000);
            }
        }
    }
}
