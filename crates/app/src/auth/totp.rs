//! TOTP second factor (RFC 6238, 30 s steps, 6 digits, SHA-1: what every authenticator app speaks).

use totp_rs::{Algorithm, Secret, TOTP};

use crate::error::AppError;

fn totp(secret_b32: &str, email: &str) -> Result<TOTP, AppError> {
    let bytes = Secret::Encoded(secret_b32.to_string())
        .to_bytes()
        .map_err(|e| AppError::Internal(format!("totp secret: {e:?}")))?;
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        30,
        bytes,
        Some("Wegwijs".into()),
        email.to_string(),
    )
    .map_err(|e| AppError::Internal(format!("totp: {e}")))
}

/// A fresh secret in base32, to show once and store.
pub fn new_secret() -> String {
    Secret::generate_secret().to_encoded().to_string()
}

/// The otpauth:// URL an authenticator app takes (typed in or as a QR code).
pub fn provisioning_url(secret_b32: &str, email: &str) -> Result<String, AppError> {
    Ok(totp(secret_b32, email)?.get_url())
}

/// Checks a code at `unix_time`, allowing one step of clock drift either way.
pub fn check(secret_b32: &str, email: &str, code: &str, unix_time: u64) -> Result<bool, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    Ok(totp(secret_b32, email)?.check(&code, unix_time))
}

/// The code for `unix_time` (tests and the CLI).
pub fn code_at(secret_b32: &str, email: &str, unix_time: u64) -> Result<String, AppError> {
    Ok(totp(secret_b32, email)?.generate(unix_time))
}
