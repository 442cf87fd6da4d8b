//! Sign-in attempts, counted per account and per address for throttling (see domain::login_throttle).
//!
//! An attempt is *reserved* before the password is checked: the count and the insert of the attempt
//! row happen in one write transaction that holds a lock on the account and the address, so parallel
//! requests cannot all pass the check before any of them is recorded. A reserved attempt counts as a
//! failure until it is marked as a success.

use chrono::{DateTime, Utc};

use crate::{Db, StorageResult, Tx, on_tx, on_tx_exec};

#[derive(Debug, Clone, Copy, Default)]
pub struct RecentFailures {
    pub account: u32,
    pub address: u32,
    pub oldest: Option<DateTime<Utc>>,
}

const COUNT: &str = "SELECT \
      (SELECT COUNT(*) FROM inlogpogingen WHERE email = $1 AND NOT gelukt AND tijdstip > $3 \
         AND tijdstip > COALESCE((SELECT MAX(tijdstip) FROM inlogpogingen WHERE email = $1 AND gelukt), $3)), \
      (SELECT COUNT(*) FROM inlogpogingen WHERE adres = $2 AND NOT gelukt AND tijdstip > $3), \
      (SELECT MIN(tijdstip) FROM inlogpogingen WHERE (email = $1 OR adres = $2) AND NOT gelukt AND tijdstip > $3)";

/// Serialises the attempts on one key (account or address) until the transaction ends. SQLite has
/// one writer connection, so a write transaction is already exclusive; PostgreSQL takes a
/// transaction-scoped advisory lock (always account before address, so two attempts never deadlock).
async fn lock(tx: &mut Tx, key: &str) -> StorageResult<()> {
    if let Tx::Pg(t) = tx {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7243))")
            .bind(key)
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}

/// Counts the failures (including reserved attempts) since `since` or the account's last success,
/// whichever is later, under a lock on the account and the address. When `allow` says yes for these
/// counts, inserts a reserved attempt (counted as a failure) and returns its id. All in `tx`: the
/// caller commits before checking the password.
pub async fn reserve(
    tx: &mut Tx,
    email: &str,
    adres: &str,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
    allow: impl FnOnce(RecentFailures) -> bool,
) -> StorageResult<(RecentFailures, Option<i64>)> {
    lock(tx, &format!("account:{email}")).await?;
    lock(tx, &format!("adres:{adres}")).await?;
    let (account, address, oldest): (i64, i64, Option<DateTime<Utc>>) =
        on_tx!(tx, |c| sqlx::query_as(COUNT)
            .bind(email)
            .bind(adres)
            .bind(since)
            .fetch_one(c)
            .await)?;
    let recent = RecentFailures {
        account: u32::try_from(account).unwrap_or(u32::MAX),
        address: u32::try_from(address).unwrap_or(u32::MAX),
        oldest,
    };
    if !allow(recent) {
        return Ok((recent, None));
    }
    const INSERT: &str = "INSERT INTO inlogpogingen (email, adres, tijdstip, gelukt) \
                          VALUES ($1, $2, $3, FALSE) RETURNING id";
    let id: i64 = on_tx!(tx, |c| sqlx::query_scalar(INSERT)
        .bind(email)
        .bind(adres)
        .bind(now)
        .fetch_one(c)
        .await)?;
    Ok((recent, Some(id)))
}

/// Marks a reserved attempt as successful (it then resets the account's count).
pub async fn succeed(tx: &mut Tx, id: i64) -> StorageResult<()> {
    const SQL: &str = "UPDATE inlogpogingen SET gelukt = TRUE WHERE id = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(id).execute(c).await)?;
    Ok(())
}

/// Gives a reserved attempt back when the check could not be made at all (server busy).
pub async fn release(db: &Db, id: i64) -> StorageResult<()> {
    const SQL: &str = "DELETE FROM inlogpogingen WHERE id = $1";
    let mut tx = db.begin().await?;
    on_tx_exec!(&mut tx, |c| sqlx::query(SQL).bind(id).execute(c).await)?;
    tx.commit().await?;
    Ok(())
}
