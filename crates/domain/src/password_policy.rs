//! Rules for a new password. Length is what makes a password strong (NCSC, NIST SP 800-63B), so
//! there are no composition rules ("one capital, one digit"); the one thing refused besides length
//! is the user's own e-mail name, the first thing an attacker tries.

use crate::validation::ValidationErrors;

const FIELD: &str = "wachtwoord";
const MIN_CHARS: usize = 12;
/// Long enough for any passphrase or password manager, short enough that hashing stays cheap.
const MAX_CHARS: usize = 128;
/// Below this the local part is too short to be a meaningful guess ("a@x.nl" must not forbid
/// every password containing an "a"); such local parts are only refused as the whole password.
const MIN_LOCAL_PART_TO_SEARCH: usize = 3;

/// Checks a password someone is about to set; `email` is the account's e-mail address.
pub fn check_new_password(pw: &str, email: &str) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let len = pw.chars().count();
    if len == 0 {
        errors.push(FIELD, "required", "Kies een wachtwoord.");
    } else if len < MIN_CHARS {
        errors.push(
            FIELD,
            "invalid",
            format!("Een wachtwoord heeft minstens {MIN_CHARS} tekens (nu {len})."),
        );
    } else if len > MAX_CHARS {
        errors.push(
            FIELD,
            "too_long",
            format!("Een wachtwoord heeft hoogstens {MAX_CHARS} tekens."),
        );
    }
    if len > 0 && contains_email_name(pw, email) {
        errors.push(
            FIELD,
            "invalid",
            "Gebruik uw e-mailadres niet in uw wachtwoord.",
        );
    }
    errors.into_result(())
}

fn contains_email_name(pw: &str, email: &str) -> bool {
    let pw = pw.to_lowercase();
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    if local.is_empty() {
        return false;
    }
    if pw == email || pw == local {
        return true;
    }
    local.chars().count() >= MIN_LOCAL_PART_TO_SEARCH && pw.contains(local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(pw: &str, email: &str) -> Vec<&'static str> {
        check_new_password(pw, email)
            .err()
            .map(|e| e.iter().map(|e| e.code).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_long_passphrase_is_accepted() {
        assert_eq!(
            check_new_password("paard batterij nietje correct", "a.jansen@weert.nl"),
            Ok(())
        );
    }

    #[test]
    fn length_limits() {
        assert_eq!(codes("", "a@b.nl"), ["required"]);
        assert_eq!(codes("kort-wachtw", "a@b.nl"), ["invalid"]);
        assert_eq!(codes(&"x".repeat(12), "a@b.nl"), Vec::<&str>::new());
        assert_eq!(codes(&"x".repeat(128), "a@b.nl"), Vec::<&str>::new());
        assert_eq!(codes(&"x".repeat(129), "a@b.nl"), ["too_long"]);
        let err = check_new_password("ééééé", "a@b.nl").expect_err("short");
        assert_eq!(
            err.0[0].message,
            "Een wachtwoord heeft minstens 12 tekens (nu 5)."
        );
    }

    #[test]
    fn the_email_name_is_refused_in_any_case() {
        assert_eq!(codes("A.Jansen@Weert.nl", "a.jansen@weert.nl"), ["invalid"]);
        assert_eq!(
            codes("welkom-A.JANSEN-2026", "a.jansen@weert.nl"),
            ["invalid"]
        );
        let err =
            check_new_password("a.jansen2026!!", "a.jansen@weert.nl").expect_err("contains name");
        assert_eq!(
            err.0[0].message,
            "Gebruik uw e-mailadres niet in uw wachtwoord."
        );
    }

    #[test]
    fn a_very_short_email_name_only_counts_as_the_whole_password() {
        assert_eq!(check_new_password("appelflap-taart", "ap@weert.nl"), Ok(()));
        assert_eq!(codes("ap", "ap@weert.nl"), ["invalid", "invalid"]);
    }

    proptest! {
        #[test]
        fn length_alone_decides_for_unrelated_passwords(len in 1usize..200) {
            let pw = "q".repeat(len);
            prop_assert_eq!(check_new_password(&pw, "amal.haddad@weert.nl").is_ok(), (12..=128).contains(&len));
        }

        #[test]
        fn any_password_containing_the_email_name_is_refused(
            local in "[a-z][a-z.]{2,20}", before in "[0-9!]{0,10}", after in "[0-9!]{0,10}",
        ) {
            let pw = format!("{before}{}{after}-long-enough", local.to_uppercase());
            let email = format!("{local}@weert.nl");
            let err = check_new_password(&pw, &email).expect_err("contains email name");
            prop_assert!(err.iter().any(|e| e.message.contains("e-mailadres")));
        }
    }
}
