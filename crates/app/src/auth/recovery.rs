//! Recovery codes of the second factor: ten random codes shown once, for signing in without the phone.
//! 12 characters from 31 letters and digits (no 0/o, 1/l/i look-alikes): about 59 bits each, far beyond
//! what the sign-in throttle lets anyone guess. Stored as SHA-256 of the user id and the code, so a
//! copy of the database does not hand out codes and equal codes of two users do not look alike.

use rand::Rng;
use rand::rngs::OsRng;

use wegwijs_domain::ids::GebruikerId;

use crate::auth::tokens::sha256_hex;

pub const COUNT: usize = 10;
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
const LEN: usize = 12;

/// A fresh set of codes, written `xxxx-xxxx-xxxx`.
pub fn new_codes() -> Vec<String> {
    (0..COUNT)
        .map(|_| {
            let raw: String = (0..LEN)
                .map(|_| char::from(ALPHABET[OsRng.gen_range(0..ALPHABET.len())]))
                .collect();
            format!("{}-{}-{}", &raw[..4], &raw[4..8], &raw[8..])
        })
        .collect()
}

/// The code as typed, without dashes, spaces and capitals.
fn normalise(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The stored form of a code.
pub fn hash(user: GebruikerId, code: &str) -> String {
    sha256_hex(&format!("{}:{}", user.0, normalise(code)))
}

/// Whether what the user typed is a six-digit authenticator code (otherwise it is taken as a recovery
/// code).
pub fn looks_like_totp(code: &str) -> bool {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    #[test]
    fn codes_are_distinct_well_formed_and_hash_however_they_are_typed() {
        let codes = new_codes();
        assert_eq!(codes.len(), COUNT);
        let unique: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), COUNT);
        let user = GebruikerId(Uuid::now_v7());
        for c in &codes {
            assert_eq!(c.len(), 14, "{c}");
            assert!(!looks_like_totp(c));
            assert_eq!(
                hash(user, c),
                hash(user, &c.to_uppercase().replace('-', " "))
            );
        }
        assert_ne!(
            hash(user, &codes[0]),
            hash(GebruikerId(Uuid::now_v7()), &codes[0])
        );
        assert!(looks_like_totp("123 456") && !looks_like_totp("12345"));
    }
}
