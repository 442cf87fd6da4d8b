//! Settings of the use cases. Filled by the CLI from flags and environment variables.

use wegwijs_domain::authz::Role;

use crate::auth::secret_box::SecretKey;
use crate::search_term::SearchTermKey;

#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Roles that must use a second factor (TOTP) to sign in.
    pub totp_required_for: Vec<Role>,
    /// Argon2id memory cost in KiB (OWASP minimum 19456); tests lower it.
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    /// Hours a session lives without being renewed.
    pub session_hours: i64,
    /// Key for the HMAC of search terms in audit rows (`search_term`); `None` falls back to SHA-256.
    pub search_term_key: Option<SearchTermKey>,
    /// Key for secrets at rest (TOTP secrets, one-time notices): `WEGWIJS_SECRET_KEY` or
    /// `--secret-key-file`. Without it, enabling a second factor is refused.
    pub secret_key: Option<SecretKey>,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            totp_required_for: Vec::new(),
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
            session_hours: 10,
            search_term_key: None,
            secret_key: None,
        }
    }
}
