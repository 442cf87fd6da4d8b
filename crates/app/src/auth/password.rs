//! Argon2id password hashing. Hashing is slow on purpose, so it runs on the blocking pool.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::rngs::OsRng;

use crate::AppConfig;
use crate::error::AppError;

fn argon2(config: &AppConfig) -> Result<Argon2<'static>, AppError> {
    let params = Params::new(config.argon2_memory_kib, config.argon2_iterations, 1, None)
        .map_err(|e| AppError::Internal(format!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

pub async fn hash(config: &AppConfig, password: String) -> Result<String, AppError> {
    let a = argon2(config)?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        a.hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("argon2 hash: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hash task: {e}")))?
}

/// Verifies with the parameters stored in the hash (so old hashes keep working after a settings change).
pub async fn verify(password: String, stored: String) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| AppError::Internal(format!("stored hash: {e}")))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(|e| AppError::Internal(format!("verify task: {e}")))?
}

/// A hash to verify against when the account does not exist, so that the response time does not
/// tell whether an e-mail address has an account.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ";
