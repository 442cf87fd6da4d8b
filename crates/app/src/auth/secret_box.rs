//! Encryption of secrets at rest (TOTP secrets, one-time notices) with AES-256-GCM under the
//! installation's secret key: a copy of the database alone does not give anyone a second factor.
//! Stored form: `v1:` + base64(12-byte random nonce || ciphertext+tag). The version prefix leaves room
//! for another key or algorithm later; a value without it is a plaintext secret from before.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use rand::rngs::OsRng;

use crate::error::AppError;

const V1: &str = "v1:";

/// The 32-byte key from `WEGWIJS_SECRET_KEY` or `--secret-key-file`. Its `Debug` shows no key material.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// Parses 32 bytes written as 64 hex digits or as base64 (standard or URL-safe, padded or not).
    pub fn parse(text: &str) -> Result<SecretKey, String> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit()) {
            hex::decode(text).map_err(|e| e.to_string())?
        } else {
            let engines = [
                base64::engine::general_purpose::STANDARD,
                base64::engine::general_purpose::URL_SAFE,
            ];
            let unpadded = text.trim_end_matches('=');
            engines
                .iter()
                .find_map(|e| e.decode(text).ok())
                .or_else(|| {
                    base64::engine::general_purpose::STANDARD_NO_PAD
                        .decode(unpadded)
                        .ok()
                })
                .or_else(|| {
                    base64::engine::general_purpose::URL_SAFE_NO_PAD
                        .decode(unpadded)
                        .ok()
                })
                .ok_or("geen geldige hex- of base64-tekst")?
        };
        let key: [u8; 32] = bytes
            .try_into()
            .map_err(|b: Vec<u8>| format!("de sleutel moet 32 bytes zijn, niet {}", b.len()))?;
        Ok(SecretKey(key))
    }

    /// A fresh random key (for `serve --demo` without a configured key).
    /// A 32-byte key for another purpose, named by `label` (HMAC-SHA-256 of the label): knowing a
    /// derived key reveals neither this key nor any other derived one.
    pub fn derive(&self, label: &str) -> [u8; 32] {
        crate::search_term::hmac_sha256(&self.0, label.as_bytes())
    }

    pub fn generate() -> SecretKey {
        let mut key = [0u8; 32];
        OsRng.fill_bytes(&mut key);
        SecretKey(key)
    }

    /// The key as 64 hex digits, to write to a key file.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&self.0.into())
    }

    pub fn seal(&self, plaintext: &str) -> Result<String, AppError> {
        let mut nonce = [0u8; 12];
        OsRng.fill_bytes(&mut nonce);
        let ct = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), plaintext.as_bytes())
            .map_err(|_| AppError::Internal("encryption failed".into()))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(format!("{V1}{}", STANDARD.encode(out)))
    }

    /// Opens a sealed value. A value without a version prefix is a plaintext secret stored before
    /// encryption existed and is returned as is (`Opened::Plain`, so the caller can reseal it).
    pub fn open(&self, stored: &str) -> Result<Opened, AppError> {
        let Some(body) = stored.strip_prefix(V1) else {
            return Ok(Opened::Plain(stored.to_string()));
        };
        let bytes = STANDARD
            .decode(body)
            .map_err(|_| AppError::Internal("sealed value is not base64".into()))?;
        if bytes.len() < 12 + 16 {
            return Err(AppError::Internal("sealed value too short".into()));
        }
        let (nonce, ct) = bytes.split_at(12);
        let pt = self
            .cipher()
            .decrypt(Nonce::from_slice(nonce), ct)
            .map_err(|_| {
                AppError::Internal("sealed value does not open with this key (other key?)".into())
            })?;
        String::from_utf8(pt)
            .map(Opened::Sealed)
            .map_err(|_| AppError::Internal("sealed value is not text".into()))
    }
}

/// What [`SecretKey::open`] found.
pub enum Opened {
    Sealed(String),
    /// Stored before encryption: still valid, to be sealed on this use.
    Plain(String),
}

impl Opened {
    pub fn secret(&self) -> &str {
        match self {
            Opened::Sealed(s) | Opened::Plain(s) => s,
        }
    }
}

/// Whether a stored value is sealed (for tests and checks: never the plaintext secret).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(V1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_keys_differ_by_label_and_from_the_key() {
        let k = SecretKey::generate();
        assert_ne!(k.derive("a"), k.derive("b"));
        assert_eq!(k.derive("a"), k.derive("a"));
        assert_ne!(k.derive("a").to_vec(), k.0.to_vec());
    }

    #[test]
    fn sealed_values_open_with_the_same_key_only() {
        let k = SecretKey::generate();
        let sealed = k.seal("JBSWY3DPEHPK3PXP").expect("seal");
        assert!(sealed.starts_with("v1:") && !sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(
            sealed,
            k.seal("JBSWY3DPEHPK3PXP").expect("seal"),
            "random nonce"
        );
        assert_eq!(k.open(&sealed).expect("open").secret(), "JBSWY3DPEHPK3PXP");
        assert!(SecretKey::generate().open(&sealed).is_err());
        assert!(matches!(k.open("JBSWY3DPEHPK3PXP"), Ok(Opened::Plain(_))));
    }

    #[test]
    fn keys_parse_from_hex_and_base64_of_32_bytes() {
        let k = SecretKey::generate();
        let hex = k.to_hex();
        assert!(SecretKey::parse(&hex).is_ok());
        let b64 = STANDARD.encode(k.0);
        assert_eq!(SecretKey::parse(&b64).expect("b64").0, k.0);
        assert!(SecretKey::parse("kort").is_err());
        assert!(SecretKey::parse(&STANDARD.encode([0u8; 16])).is_err());
    }
}
