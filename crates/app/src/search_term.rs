//! What the audit row of a search says about the term: a keyed hash of the normalised term, never
//! the term itself.
//!
//! Why a hash at all: the privacy officer must be able to answer "who searched for this BSN / this
//! name?" (for a data subject's request or a suspicion of fishing) without the log becoming a second
//! copy of the personal data that was searched for. Given a term, they compute its hash and look for it.
//!
//! Why keyed (HMAC-SHA-256) and not plain SHA-256: a BSN has nine digits and passes the 11-proef, so
//! there are only about 10^8 of them; a plain hash of every one is computed in seconds, and names are
//! guessable from a telephone book. Whoever can read the log could reverse a plain hash. With HMAC
//! and a key that lives in the server's configuration (not in the database), a reader of the log or
//! of a database backup cannot; only someone with the key can test a candidate term.
//!
//! Without `WEGWIJS_AUDIT_SEARCH_KEY` the key is derived from the installation's secret key
//! (`WEGWIJS_SECRET_KEY`, [`SearchTermKey::derived_from`]), so every installation that can use a
//! second factor also hashes search terms with a key. Only without either is the term hashed with plain SHA-256 and the row says so
//! (`sha256:` instead of `hmac-sha256:`): still no term in clear text, but only a weak protection
//! for BSNs. Production sets `WEGWIJS_AUDIT_SEARCH_KEY`.

use sha2::{Digest, Sha256};
use wegwijs_domain::person::{Bsn, VNummer};

/// The server's secret for hashing search terms. `Debug` never shows it.
#[derive(Clone)]
pub struct SearchTermKey(Vec<u8>);

impl SearchTermKey {
    /// At least 32 bytes: the key is what stands between a log reader and a list of 10^8 BSNs.
    pub fn new(secret: &str) -> Option<SearchTermKey> {
        (secret.len() >= 32).then(|| SearchTermKey(secret.as_bytes().to_vec()))
    }

    /// A key of its own derived from the installation's secret key (HMAC with a fixed label), so the
    /// search hashes never reuse the key that seals TOTP secrets.
    pub fn derived_from(secret: &crate::auth::secret_box::SecretKey) -> SearchTermKey {
        SearchTermKey(secret.derive("wegwijs-audit-search-term-v1").to_vec())
    }
}

impl std::fmt::Debug for SearchTermKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SearchTermKey(<geheim>)")
    }
}

/// What kind of term was searched for (not personal data, and useful to spot fishing for BSNs).
pub fn kind(term: &str) -> &'static str {
    let n = wegwijs_domain::validation::number_search_form(term);
    let t = n.as_str();
    if Bsn::parse(t).is_ok() {
        "bsn"
    } else if VNummer::parse(t).is_ok() {
        "v-nummer"
    } else {
        "naam"
    }
}

/// The term as the search matches it, so the same search always gives the same hash: a BSN or
/// V-nummer in its canonical form, a name folded like the name index (case, diacritics, hyphens).
pub fn normalise(term: &str) -> String {
    let n = wegwijs_domain::validation::number_search_form(term);
    let t = n.as_str();
    if let Ok(b) = Bsn::parse(t) {
        return b.as_str().to_string();
    }
    if let Ok(v) = VNummer::parse(t) {
        return v.as_str().to_string();
    }
    wegwijs_storage::persons::search_key(t)
}

/// `hmac-sha256:<hex>` with a key, else `sha256:<hex>`, of the normalised term.
pub fn fingerprint(key: Option<&SearchTermKey>, term: &str) -> String {
    let normalised = normalise(term);
    match key {
        Some(k) => format!(
            "hmac-sha256:{}",
            hex::encode(hmac_sha256(&k.0, normalised.as_bytes()))
        ),
        None => format!(
            "sha256:{}",
            hex::encode(Sha256::digest(normalised.as_bytes()))
        ),
    }
}

/// HMAC-SHA-256 (RFC 2104) of `message` under `key`.
pub(crate) fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    // HMAC takes keys of any length, so `new_from_slice` cannot fail here.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => return [0u8; 32],
    };
    mac.update(message);
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231_test_cases() {
        // Test case 2 (short key) and 6 (key longer than a block).
        assert_eq!(
            hex::encode(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex::encode(hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn the_same_search_gives_the_same_fingerprint_and_never_the_term() {
        let key = SearchTermKey::new("een-sleutel-van-minstens-32-tekens-lang").expect("key");
        let a = fingerprint(Some(&key), "  Al-Hassan ");
        assert_eq!(a, fingerprint(Some(&key), "al hassan"));
        assert!(a.starts_with("hmac-sha256:"));
        assert!(!a.to_lowercase().contains("hassan"));
        assert_ne!(a, fingerprint(None, "al hassan"));
        assert!(fingerprint(None, "al hassan").starts_with("sha256:"));
    }

    #[test]
    fn a_short_key_is_refused_and_the_key_is_never_printed() {
        assert!(SearchTermKey::new("kort").is_none());
        let key = SearchTermKey::new("een-sleutel-van-minstens-32-tekens-lang").expect("key");
        assert!(!format!("{key:?}").contains("sleutel"));
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("Demouri"), "naam");
    }
}
