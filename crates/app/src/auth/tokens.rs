//! Random secrets (session cookies, CSRF tokens, API keys, nonces) and the hash under which they are stored.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// 256 random bits, URL-safe base64 (43 characters).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// An API key as handed out: a recognisable prefix (secret scanners look for it) and 256 random bits in
/// hex, so the key is one "word" for every tool that copies it (no `-` to split on).
pub fn new_api_key() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!("wegwijs_{}", hex::encode(bytes))
}

pub fn sha256_hex(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Compares secrets in constant time (CSRF tokens), with `subtle` (whose comparison the optimiser
/// cannot turn back into an early exit). Only the length may leak, and token lengths are public.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unique_and_long() {
        let a = random_token();
        assert_eq!(a.len(), 43);
        assert_ne!(a, random_token());
        let key = new_api_key();
        assert!(key.starts_with("wegwijs_") && key.len() == 8 + 64);
        assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    }

    #[test]
    fn constant_time_eq_compares_content() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }
}
