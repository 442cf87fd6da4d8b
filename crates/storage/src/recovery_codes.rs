//! Recovery codes of the second factor: only hashes are stored, and each code works once.

use chrono::{DateTime, Utc};
use wegwijs_domain::ids::GebruikerId;

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

/// Replaces all recovery codes of a user by `hashes` (a new set makes the old one worthless).
pub async fn replace(tx: &mut Tx, id: GebruikerId, hashes: &[String]) -> StorageResult<()> {
    delete_for_user(tx, id).await?;
    const INS: &str = "INSERT INTO herstelcodes (gebruiker_id, code_hash) VALUES ($1, $2)";
    for h in hashes {
        on_tx_exec!(tx, |c| sqlx::query(INS)
            .bind(id.0)
            .bind(h.as_str())
            .execute(c)
            .await)?;
    }
    Ok(())
}

/// Marks the unused code with hash `hash` as used; false when there is none (wrong, or used before).
/// One statement, so two requests with the same code cannot both succeed.
pub async fn use_code(
    tx: &mut Tx,
    id: GebruikerId,
    hash: &str,
    now: DateTime<Utc>,
) -> StorageResult<bool> {
    const SQL: &str = "UPDATE herstelcodes SET gebruikt_op = $1 \
                       WHERE gebruiker_id = $2 AND code_hash = $3 AND gebruikt_op IS NULL";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(now)
        .bind(id.0)
        .bind(hash)
        .execute(c)
        .await)?;
    Ok(n == 1)
}

/// How many codes the user can still use (shown on the account page).
pub async fn count_unused(db: &Db, id: GebruikerId) -> StorageResult<i64> {
    const SQL: &str =
        "SELECT COUNT(*) FROM herstelcodes WHERE gebruiker_id = $1 AND gebruikt_op IS NULL";
    Ok(on_pool!(db, |p| sqlx::query_scalar::<_, i64>(SQL)
        .bind(id.0)
        .fetch_one(p)
        .await)?)
}

pub async fn delete_for_user(tx: &mut Tx, id: GebruikerId) -> StorageResult<()> {
    const SQL: &str = "DELETE FROM herstelcodes WHERE gebruiker_id = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(id.0).execute(c).await)?;
    Ok(())
}

/// [`count_unused`] inside a transaction (the count right after a code was used, for the audit row).
pub async fn count_unused_in(tx: &mut Tx, id: GebruikerId) -> StorageResult<i64> {
    const SQL: &str =
        "SELECT COUNT(*) FROM herstelcodes WHERE gebruiker_id = $1 AND gebruikt_op IS NULL";
    Ok(crate::on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(SQL)
        .bind(id.0)
        .fetch_one(c)
        .await)?)
}
