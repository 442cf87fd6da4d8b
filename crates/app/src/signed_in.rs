//! Who is asking: the user behind a session cookie or an API key. The token itself never reaches
//! storage; only its SHA-256 is looked up.

use wegwijs_storage::sessions::Session;
use wegwijs_storage::users::User;
use wegwijs_storage::{StorageError, api_keys, users};

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
    let Some(user_id) = api_keys::user_for_token(&app.db, &sha256_hex(key)).await? else {
        return Ok(None);
    };
    match users::get(&app.db, user_id).await {
        Ok(u) if u.actief => Ok(Some(u)),
        Ok(_) | Err(StorageError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
