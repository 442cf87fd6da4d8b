//! One-time notices: a secret shown once to the user who caused it (a new account's password, a new
//! API key) after a redirect, so a reload or the back button does not show it again. Read = deleted.

use chrono::{DateTime, Utc};
use wegwijs_domain::ids::GebruikerId;

use crate::{Db, StorageResult, Tx, on_tx, on_tx_exec};

pub async fn insert(
    tx: &mut Tx,
    id: &str,
    for_user: GebruikerId,
    inhoud: &str,
    verloopt_op: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO eenmalige_meldingen (id, gebruiker_id, inhoud, verloopt_op) VALUES ($1, $2, $3, $4)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(for_user.0)
        .bind(inhoud)
        .bind(verloopt_op)
        .execute(c)
        .await)?;
    Ok(())
}

/// Takes the notice out of the database (whether or not it is still valid) and returns its content
/// when it belongs to `for_user` and has not expired.
pub async fn take(
    db: &Db,
    id: &str,
    for_user: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<Option<String>> {
    const SQL: &str = "DELETE FROM eenmalige_meldingen WHERE id = $1 AND gebruiker_id = $2 \
                       RETURNING inhoud, verloopt_op";
    const SWEEP: &str = "DELETE FROM eenmalige_meldingen WHERE verloopt_op <= $1";
    let mut tx = db.begin().await?;
    let row: Option<(String, DateTime<Utc>)> = on_tx!(&mut tx, |c| sqlx::query_as(SQL)
        .bind(id)
        .bind(for_user.0)
        .fetch_optional(c)
        .await)?;
    on_tx_exec!(&mut tx, |c| sqlx::query(SWEEP).bind(now).execute(c).await)?;
    tx.commit().await?;
    Ok(row
        .filter(|(_, until)| *until > now)
        .map(|(inhoud, _)| inhoud))
}
