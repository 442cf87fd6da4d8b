//! Who is asking: the user behind a session cookie or an API key. The token itself never reaches
//! storage; only its SHA-256 is looked up.

use wegwijs_storage::sessions::Session;
use wegwijs_storage::users::User;
use wegwijs_storage::{api_keys, users};

use crate::auth::tokens::sha256_hex;
use crate::{App, AppResult};

/// The active user of a live session, with the session (CSRF token, second-factor state).
pub async fn by_session_token(
    app: &App,
    token: &str,
) -> AppResult<Option<(User, Session, String)>> {
    let token_hash = sha256_hex(token);
    let found = users::by_session(&app.db, &token_hash, app.clock.now()).await?;
    Ok(found.map(|(u, s)| (u, s, token_hash)))
}

/// The active user of an API key, or `None` for an unknown, revoked or expired key.
pub async fn by_api_key(app: &App, key: &str) -> AppResult<Option<User>> {
    Ok(api_keys::user_by_token(&app.db, &sha256_hex(key)).await?)
}
