//! Settings of the web layer. Filled by the CLI from flags and environment variables.

use cookie::time::Duration;
use cookie::{Cookie, SameSite};
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
    fn cookie(&self, value: String, max_age: Duration) -> String {
        Cookie::build((self.cookie_name(), value))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(self.secure_cookies)
            .max_age(max_age)
            .build()
            .to_string()
    }

    /// The `Set-Cookie` value that stores a session token in the browser.
    pub fn session_cookie(&self, token: &str) -> String {
        self.cookie(token.to_string(), Duration::hours(self.app.session_hours))
    }

    /// The `Set-Cookie` value that removes the session cookie.
    pub fn clear_cookie(&self) -> String {
        self.cookie(String::new(), Duration::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_cookie_is_hardened() {
        let plain = WebConfig::default().session_cookie("abc");
        for part in [
            "wegwijs=abc",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Max-Age=36000",
        ] {
            assert!(plain.contains(part), "{plain} lacks {part}");
        }
        assert!(!plain.contains("Secure"));
        let secure = WebConfig {
            secure_cookies: true,
            ..WebConfig::default()
        };
        let c = secure.session_cookie("abc");
        assert!(
            c.starts_with("__Host-wegwijs=abc") && c.contains("Secure"),
            "{c}"
        );
        assert!(secure.clear_cookie().contains("Max-Age=0"));
    }
}
