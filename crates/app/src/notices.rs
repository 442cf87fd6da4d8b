//! One-time notices: a secret (a new account's password, a new API key) handed to the page after a
//! redirect and deleted when read, so a reload, the back button or the browser cache never shows it
//! again. Sealed with the installation key when one is configured.

use chrono::Duration;
use wegwijs_storage::notices;

use crate::auth::tokens;
use crate::{AppResult, Ctx};

/// How long a notice waits to be read (the redirect follows at once).
const LIFETIME: Duration = Duration::minutes(10);

/// Stores `content` for the acting user; returns the id to put in the redirect.
pub async fn put(ctx: &Ctx<'_>, content: &str) -> AppResult<String> {
    let id = tokens::random_token();
    let stored = match &ctx.app.config.secret_key {
        Some(k) => k.seal(content)?,
        None => content.to_string(),
    };
    let mut tx = ctx.app.db.begin().await?;
    notices::insert(
        &mut tx,
        &id,
        ctx.actor.user_id,
        &stored,
        ctx.now() + LIFETIME,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Reads and deletes the acting user's notice `id`; `None` when it was read before, expired or is
/// someone else's.
pub async fn take(ctx: &Ctx<'_>, id: &str) -> AppResult<Option<String>> {
    // Ids are random tokens (URL-safe base64); anything else cannot be one and never reaches the database.
    if id.len() > 64
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Ok(None);
    }
    let Some(stored) = notices::take(&ctx.app.db, id, ctx.actor.user_id, ctx.now()).await? else {
        return Ok(None);
    };
    Ok(Some(match &ctx.app.config.secret_key {
        Some(k) => k.open(&stored)?.secret().to_string(),
        None => stored,
    }))
}
