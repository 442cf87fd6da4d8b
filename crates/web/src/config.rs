//! Settings of the web layer. Filled by the CLI from flags and environment variables.

use wegwijs_app::AppConfig;

#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Set when the site is served over https (directly or behind a TLS-terminating proxy): cookies get
    /// `Secure` and the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address from `X-Forwarded-For` (for throttling).
    pub trust_proxy: bool,
    /// The settings of the use cases (second factor, password hashing, session length).
    pub app: AppConfig,
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
            self.app.session_hours * 3600
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
