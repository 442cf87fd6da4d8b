//! Paging cursors as they travel in URLs. A person-list cursor holds the sort keys of a row (folded
//! surname and first names), so a plain cursor puts names into browser history and into the access
//! logs of proxies in front of Wegwijs. With the installation's secret key the cursor is sealed
//! (AES-256-GCM under a key derived for this purpose only): the URL then carries no readable name, and
//! a cursor cannot be forged. Without a secret key cursors stay plain (the server warns at start).

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;

use crate::auth::secret_box::SecretKey;

/// Marks a sealed cursor (plain cursors never contain a dot).
const SEALED: &str = "z.";

fn cipher(key: &SecretKey) -> Aes256Gcm {
    Aes256Gcm::new(&key.derive("wegwijs-paging-cursor-v1").into())
}

/// The cursor as it goes into a link: sealed when there is a key.
pub fn seal(key: Option<&SecretKey>, plain: &str) -> String {
    let Some(key) = key else {
        return plain.to_string();
    };
    let mut nonce = [0u8; 12];
    OsRng.fill_bytes(&mut nonce);
    match cipher(key).encrypt(Nonce::from_slice(&nonce), plain.as_bytes()) {
        Ok(ct) => {
            let mut bytes = nonce.to_vec();
            bytes.extend_from_slice(&ct);
            format!("{SEALED}{}", URL_SAFE_NO_PAD.encode(bytes))
        }
        // Encryption of a short text does not fail; if it ever did, a link without a cursor is better
        // than a link with names in it.
        Err(_) => String::new(),
    }
}

/// The plain cursor from a link; `None` for a sealed cursor that does not open with this key (another
/// installation, tampered) or a sealed cursor without a key.
pub fn open(key: Option<&SecretKey>, text: &str) -> Option<String> {
    let Some(body) = text.strip_prefix(SEALED) else {
        // Without a key cursors are plain. With one, every link carries a sealed cursor: a plain one
        // was made by hand and is refused like a tampered one.
        return key.is_none().then(|| text.to_string());
    };
    let bytes = URL_SAFE_NO_PAD.decode(body).ok()?;
    if bytes.len() < 12 + 16 {
        return None;
    }
    let (nonce, ct) = bytes.split_at(12);
    let plain = cipher(key?).decrypt(Nonce::from_slice(nonce), ct).ok()?;
    String::from_utf8(plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sealed_cursors_open_to_what_was_sealed_and_hide_it(plain in "[0-9a-f]{0,200}") {
            let key = SecretKey::generate();
            let sealed = seal(Some(&key), &plain);
            prop_assert!(sealed.starts_with(SEALED));
            prop_assert!(plain.len() < 8 || !sealed.contains(&plain));
            prop_assert_eq!(open(Some(&key), &sealed), Some(plain.clone()));
            // Another installation's key does not open it, and neither does no key.
            prop_assert_eq!(open(Some(&SecretKey::generate()), &sealed), None);
            prop_assert_eq!(open(None, &sealed), None);
            // With a key, a plain (hand-made) cursor is refused.
            prop_assert_eq!(open(Some(&key), &plain), None);
        }
    }

    #[test]
    fn without_a_key_cursors_stay_plain_and_tampering_is_refused() {
        assert_eq!(seal(None, "abc"), "abc");
        assert_eq!(open(None, "abc").as_deref(), Some("abc"));
        let key = SecretKey::generate();
        let mut sealed = seal(Some(&key), "6a616e73656e").into_bytes();
        let last = sealed.len() - 1;
        sealed[last] = if sealed[last] == b'A' { b'B' } else { b'A' };
        let tampered = String::from_utf8(sealed).expect("ascii");
        assert_eq!(open(Some(&key), &tampered), None);
    }
}
