//! Checks for telephone numbers and e-mail addresses. Deliberately lenient: the goal is to catch
//! typing mistakes in a case file, not to prove that a number or mailbox exists.

const TELEFOON_MESSAGE: &str =
    "Een telefoonnummer bestaat uit 6 tot 20 tekens: cijfers, spaties, +, - en haakjes.";
const EMAIL_MESSAGE: &str = "Geen geldig e-mailadres: gebruik de vorm naam@voorbeeld.nl.";

/// 6 to 20 characters from digits, spaces, "+", "-", "(" and ")", with at least 6 digits (so
/// "------" is not a phone number). Returns (code, Dutch message).
pub(super) fn telefoon_problem(value: &str) -> Option<(&'static str, String)> {
    let len = value.chars().count();
    if len > 20 {
        return Some(("too_long", TELEFOON_MESSAGE.to_owned()));
    }
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if len < 6 || !allowed || digits < 6 {
        return Some(("invalid", TELEFOON_MESSAGE.to_owned()));
    }
    None
}

/// At most 254 characters, exactly one "@", something before it and a dot inside the domain part
/// (not at its edges), no spaces or control characters.
pub(super) fn email_problem(value: &str) -> Option<(&'static str, String)> {
    if value.chars().count() > 254 {
        return Some((
            "too_long",
            "Een e-mailadres heeft hoogstens 254 tekens.".to_owned(),
        ));
    }
    let mut parts = value.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Some(("invalid", EMAIL_MESSAGE.to_owned()));
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    let clean = !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if local.is_empty() || !domain_ok || !clean {
        return Some(("invalid", EMAIL_MESSAGE.to_owned()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn telefoon_examples() {
        for ok in [
            "0612345678",
            "+31 6 1234 5678",
            "(0495) 57 58 59",
            "06-12345678",
            "112233",
        ] {
            assert_eq!(telefoon_problem(ok), None, "{ok:?}");
        }
        for bad in [
            "12345",
            "------",
            "06 1234 567a",
            "06.12345678",
            "+31 (0) 6 1234 5678 9",
        ] {
            assert!(telefoon_problem(bad).is_some(), "{bad:?}");
        }
        assert_eq!(
            telefoon_problem("0".repeat(21).as_str()).map(|p| p.0),
            Some("too_long")
        );
    }

    #[test]
    fn email_examples() {
        for ok in [
            "a.jansen@weert.nl",
            "x+y@sub.example.org",
            "amal@gemeente.nl",
        ] {
            assert_eq!(email_problem(ok), None, "{ok:?}");
        }
        for bad in [
            "geen-apenstaart.nl",
            "a@b@c.nl",
            "@weert.nl",
            "a@weert",
            "a@.weert.nl",
            "a@weert.",
            "a @weert.nl",
            "a@weert..nl",
        ] {
            assert_eq!(email_problem(bad).map(|p| p.0), Some("invalid"), "{bad:?}");
        }
        let long = format!("{}@weert.nl", "a".repeat(246));
        assert_eq!(email_problem(&long).map(|p| p.0), Some("too_long"));
        assert_eq!(email_problem(&long[1..]), None, "254 characters is allowed");
    }

    proptest! {
        #[test]
        fn digit_strings_of_6_to_20_are_phone_numbers(n in "[0-9]{1,30}") {
            let ok = (6..=20).contains(&n.len());
            prop_assert_eq!(telefoon_problem(&n).is_none(), ok);
        }

        #[test]
        fn generated_addresses_are_accepted(local in "[a-z0-9._+-]{1,30}", host in "[a-z0-9-]{1,20}", tld in "[a-z]{2,6}") {
            let address = format!("{local}@{host}.{tld}");
            prop_assert_eq!(email_problem(&address), None);
        }
    }
}
