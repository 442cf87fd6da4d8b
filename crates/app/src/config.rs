//! Settings of the use cases. Filled by the CLI from flags and environment variables.

use wegwijs_domain::authz::Role;

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
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            totp_required_for: Vec::new(),
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
            session_hours: 10,
            search_term_key: None,
        }
    }
}
