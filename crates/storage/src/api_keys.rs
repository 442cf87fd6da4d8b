//! API keys (bearer tokens) tied to a user. Only the SHA-256 of the token is stored; the token is shown
//! once, when it is made. Tokens are 256 random bits, so a fast hash is enough (no password hashing).

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::GebruikerId;

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

pub async fn insert(
    tx: &mut Tx,
    id: Uuid,
    gebruiker: GebruikerId,
    token_hash: &str,
    omschrijving: &str,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO api_sleutels (id, gebruiker_id, token_hash, omschrijving, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(gebruiker.0)
        .bind(token_hash)
        .bind(omschrijving)
        .bind(now)
        .execute(c)
        .await)?;
    Ok(())
}

/// The active user a token belongs to, if the key is not revoked.
pub async fn user_for_token(db: &Db, token_hash: &str) -> StorageResult<Option<GebruikerId>> {
    const SQL: &str = "SELECT k.gebruiker_id FROM api_sleutels k JOIN gebruikers g ON g.id = k.gebruiker_id \
                       WHERE k.token_hash = $1 AND k.ingetrokken_op IS NULL AND g.actief";
    let id: Option<Uuid> = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(token_hash)
        .fetch_optional(p)
        .await)?;
    Ok(id.map(GebruikerId))
}

/// The active user of a token (as [`user_for_token`] plus `users::get`), cached for a few seconds per
/// instance (`auth_cache`): every API request asks this.
pub async fn user_by_token(db: &Db, token_hash: &str) -> StorageResult<Option<crate::users::User>> {
    if let Some(user) = crate::auth_cache::get_key(token_hash) {
        return Ok(Some(user));
    }
    let started = std::time::Instant::now();
    let Some(id) = user_for_token(db, token_hash).await? else {
        return Ok(None);
    };
    match crate::users::get(db, id).await {
        Ok(u) if u.actief => {
            crate::auth_cache::put_key(token_hash, &u, started);
            Ok(Some(u))
        }
        Ok(_) | Err(crate::StorageError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
