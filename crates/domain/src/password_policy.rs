//! Rules for a new password. Length is what makes a password strong (NCSC, NIST SP 800-63B), so
//! there are no composition rules ("one capital, one digit"); the one thing refused besides length
//! are the user's own e-mail name, the first thing an attacker tries, and passwords whose length is
//! fake: too few different characters ("aaaaaaaaaaaa") or one short piece repeated ("abcabcabcabc"),
//! which NIST SP 800-63B names as "repetitive" passwords to refuse.

use crate::validation::ValidationErrors;

const FIELD: &str = "wachtwoord";
const MIN_CHARS: usize = 12;
/// Long enough for any passphrase or password manager, short enough that hashing stays cheap.
const MAX_CHARS: usize = 128;
/// Below this the local part is too short to be a meaningful guess ("a@x.nl" must not forbid
/// every password containing an "a"); such local parts are only refused as the whole password.
const MIN_LOCAL_PART_TO_SEARCH: usize = 3;
/// Fewer different characters than this and the length says little ("aaaaaaaaaaaa", "121212121212").
const MIN_DISTINCT_CHARS: usize = 5;
const TOO_SIMPLE: &str = "Dit wachtwoord is te eenvoudig: gebruik minstens 5 verschillende tekens en herhaal \
     geen kort stukje (zoals \u{201c}aaaa\u{201d} of \u{201c}abcabc\u{201d}).";

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
    if (MIN_CHARS..=MAX_CHARS).contains(&len) && too_simple(pw) {
        errors.push(FIELD, "too_simple", TOO_SIMPLE);
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

/// Too few different characters, or the whole password is one piece shorter than the minimum
/// length written out again and again (a partial piece at the end included): such a password is no
/// harder to guess than that piece.
fn too_simple(pw: &str) -> bool {
    let chars: Vec<char> = pw.chars().collect();
    let distinct: std::collections::BTreeSet<char> = chars.iter().copied().collect();
    if distinct.len() < MIN_DISTINCT_CHARS {
        return true;
    }
    (1..MIN_CHARS.min(chars.len()))
        .filter(|p| p * 2 <= chars.len())
        .any(|p| (p..chars.len()).all(|i| chars[i] == chars[i - p]))
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
        assert_eq!(codes("vijf-tekens!", "a@b.nl"), Vec::<&str>::new());
        let long: String = "paard batterij nietje correct ".repeat(5);
        assert_eq!(codes(&long[..128], "a@b.nl"), Vec::<&str>::new());
        assert_eq!(codes(&long[..129], "a@b.nl"), ["too_long"]);
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

    #[test]
    fn repetitive_passwords_are_refused_in_dutch() {
        for pw in [
            "aaaaaaaaaaaa",
            "121212121212",
            "abcabcabcabc",
            "Welkom!Welkom!",
            "qwerqwerqwerq",
            "aaaaaabbbbbb",
        ] {
            assert_eq!(codes(pw, "a@b.nl"), ["too_simple"], "{pw}");
        }
        let err = check_new_password("aaaaaaaaaaaa", "a@b.nl").expect_err("simple");
        assert!(
            err.0[0]
                .message
                .starts_with("Dit wachtwoord is te eenvoudig")
        );
        // A long piece written twice is as long as a valid password on its own: allowed.
        assert_eq!(
            check_new_password("paard-batterijpaard-batterij", "a@b.nl"),
            Ok(())
        );
    }

    proptest! {
        #[test]
        fn length_decides_for_varied_unrelated_passwords(len in 1usize..200) {
            let pw: String = "paard batterij nietje correct ".chars().cycle().take(len).collect();
            prop_assert_eq!(check_new_password(&pw, "amal.haddad@weert.nl").is_ok(), (12..=128).contains(&len));
        }

        #[test]
        fn a_short_piece_repeated_is_refused(piece in "[a-zA-Z0-9!]{1,11}", len in 12usize..=128) {
            let pw: String = piece.chars().cycle().take(len.max(piece.chars().count() * 2)).collect();
            prop_assume!(pw.chars().count() <= 128);
            let err = check_new_password(&pw, "amal.haddad@weert.nl").expect_err("repetitive");
            prop_assert!(err.iter().any(|e| e.code == "too_simple"));
        }

        #[test]
        fn fewer_than_five_different_characters_are_refused(pw in "[abcd]{12,60}") {
            let err = check_new_password(&pw, "amal.haddad@weert.nl").expect_err("too few kinds");
            prop_assert!(err.iter().any(|e| e.code == "too_simple"));
        }

        #[test]
        fn varied_passwords_without_a_short_cycle_pass(pw in "[a-z0-9 !-]{12,40}") {
            let chars: Vec<char> = pw.chars().collect();
            let distinct: std::collections::BTreeSet<char> = chars.iter().copied().collect();
            let periodic = (1..12).filter(|p| p * 2 <= chars.len())
                .any(|p| (p..chars.len()).all(|i| chars[i] == chars[i - p]));
            prop_assume!(distinct.len() >= 5 && !periodic && !pw.contains("amal"));
            prop_assert_eq!(check_new_password(&pw, "amal.haddad@weert.nl"), Ok(()));
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
