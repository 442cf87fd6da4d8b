//! Settings of the web layer. Filled by the CLI from flags and environment variables.

use wegwijs_domain::authz::Role;

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Set when the site is served over https (directly or behind a TLS-terminating proxy): cookies get
    /// `Secure` and the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address from `X-Forwarded-For` (for throttling).
    pub trust_proxy: bool,
    /// Roles that must use a second factor (TOTP) to sign in.
    pub totp_required_for: Vec<Role>,
    /// Argon2id memory cost in KiB (OWASP minimum 19456); tests lower it.
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    /// Hours a session lives without being renewed.
    pub session_hours: i64,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: false,
            trust_proxy: false,
            totp_required_for: Vec::new(),
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
            session_hours: 10,
        }
    }
}

impl WebConfig {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-wegwijs"
        } else {
            "wegwijs"
        }
    }
}

impl WebConfig {
    /// The `Set-Cookie` value that stores a session token in the browser.
    pub fn session_cookie(&self, token: &str) -> String {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            self.cookie_name(),
            self.session_hours * 3600
        )
    }

    /// The `Set-Cookie` value that removes the session cookie.
    pub fn clear_cookie(&self) -> String {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
            self.cookie_name()
        )
    }
}
