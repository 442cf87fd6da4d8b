//! API keys (bearer tokens) tied to a user. Only the SHA-256 of the token is stored; the token is shown
//! once, when it is made. Tokens are 256 random bits, so a fast hash is enough (no password hashing).
//! A display prefix (the first 16 characters) lets administrators name a key without holding it.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

pub struct NewApiKey<'a> {
    pub id: Uuid,
    pub gebruiker: GebruikerId,
    pub token_hash: &'a str,
    pub prefix: &'a str,
    pub omschrijving: &'a str,
    pub verloopt_op: Option<DateTime<Utc>>,
}

pub async fn insert(tx: &mut Tx, k: &NewApiKey<'_>, now: DateTime<Utc>) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO api_sleutels (id, gebruiker_id, token_hash, prefix, omschrijving, aangemaakt_op, verloopt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(k.id)
        .bind(k.gebruiker.0)
        .bind(k.token_hash)
        .bind(k.prefix)
        .bind(k.omschrijving)
        .bind(now)
        .bind(k.verloopt_op)
        .execute(c)
        .await)?;
    Ok(())
}

/// A live key as the bearer extractor sees it.
#[derive(Debug, Clone)]
pub struct LiveKey {
    pub id: Uuid,
    pub gebruiker_id: GebruikerId,
    pub laatst_gebruikt_op: Option<DateTime<Utc>>,
}

/// The key of a token, if it is not revoked, not expired and its user is active.
pub async fn live_key(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StorageResult<Option<LiveKey>> {
    const SQL: &str = "SELECT k.id, k.gebruiker_id, k.laatst_gebruikt_op FROM api_sleutels k \
                       JOIN gebruikers g ON g.id = k.gebruiker_id \
                       WHERE k.token_hash = $1 AND k.ingetrokken_op IS NULL \
                         AND (k.verloopt_op IS NULL OR k.verloopt_op > $2) AND g.actief";
    let row: Option<(Uuid, Uuid, Option<DateTime<Utc>>)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(p)
        .await)?;
    Ok(row.map(|(id, g, last)| LiveKey {
        id,
        gebruiker_id: GebruikerId(g),
        laatst_gebruikt_op: last,
    }))
}

/// Records the use of a key, unless it was recorded after `not_after` already (at most one write per
/// key per interval, not one per request).
pub async fn touch(
    db: &Db,
    id: Uuid,
    now: DateTime<Utc>,
    not_after: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "UPDATE api_sleutels SET laatst_gebruikt_op = $1 \
                       WHERE id = $2 AND (laatst_gebruikt_op IS NULL OR laatst_gebruikt_op < $3)";
    let mut tx = db.begin().await?;
    on_tx_exec!(&mut tx, |c| sqlx::query(SQL)
        .bind(now)
        .bind(id)
        .bind(not_after)
        .execute(c)
        .await)?;
    tx.commit().await?;
    Ok(())
}

/// What administrators see of a key: never the token or its hash.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyInfo {
    pub id: Uuid,
    pub prefix: Option<String>,
    pub gebruiker_id: Uuid,
    pub email: String,
    pub organisatie_id: Uuid,
    pub omschrijving: String,
    pub aangemaakt_op: DateTime<Utc>,
    pub laatst_gebruikt_op: Option<DateTime<Utc>>,
    pub verloopt_op: Option<DateTime<Utc>>,
    pub ingetrokken_op: Option<DateTime<Utc>>,
}

macro_rules! list {
    ($tail:literal) => {
        concat!(
            "SELECT k.id, k.prefix, k.gebruiker_id, g.email, g.organisatie_id, k.omschrijving, \
             k.aangemaakt_op, k.laatst_gebruikt_op, k.verloopt_op, k.ingetrokken_op \
             FROM api_sleutels k JOIN gebruikers g ON g.id = k.gebruiker_id ",
            $tail
        )
    };
}

/// Every key on the installation (CLI), newest first.
pub async fn list_all(db: &Db) -> StorageResult<Vec<ApiKeyInfo>> {
    const SQL: &str = list!("ORDER BY k.aangemaakt_op DESC, k.id DESC");
    Ok(on_pool!(db, |p| sqlx::query_as(SQL).fetch_all(p).await)?)
}

/// The keys of the users of one organisation (beheer page), newest first.
pub async fn list_by_organisation(db: &Db, org: OrganisatieId) -> StorageResult<Vec<ApiKeyInfo>> {
    const SQL: &str = list!("WHERE g.organisatie_id = $1 ORDER BY k.aangemaakt_op DESC, k.id DESC");
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(org.0)
        .fetch_all(p)
        .await)?)
}

/// The keys whose token hashes to `token_hash` or whose display prefix is `prefix`.
pub async fn find(db: &Db, token_hash: &str, prefix: &str) -> StorageResult<Vec<ApiKeyInfo>> {
    const SQL: &str = list!("WHERE k.token_hash = $1 OR k.prefix = $2");
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(prefix)
        .fetch_all(p)
        .await)?)
}

pub async fn get(db: &Db, id: Uuid) -> StorageResult<Option<ApiKeyInfo>> {
    const SQL: &str = list!("WHERE k.id = $1");
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

/// Revokes a key; false when it was revoked already.
pub async fn revoke(tx: &mut Tx, id: Uuid, now: DateTime<Utc>) -> StorageResult<bool> {
    const SQL: &str =
        "UPDATE api_sleutels SET ingetrokken_op = $1 WHERE id = $2 AND ingetrokken_op IS NULL";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL).bind(now).bind(id).execute(c).await)?;
    Ok(n == 1)
}
