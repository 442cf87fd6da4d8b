//! Sign-in attempts, counted per account and per address for throttling (see domain::login_throttle).

use chrono::{DateTime, Utc};

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

#[derive(Debug, Clone, Copy, Default)]
pub struct RecentFailures {
    pub account: u32,
    pub address: u32,
    pub oldest: Option<DateTime<Utc>>,
}

pub async fn record(
    tx: &mut Tx,
    email: &str,
    adres: &str,
    gelukt: bool,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str =
        "INSERT INTO inlogpogingen (email, adres, tijdstip, gelukt) VALUES ($1, $2, $3, $4)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(email)
        .bind(adres)
        .bind(now)
        .bind(gelukt)
        .execute(c)
        .await)?;
    Ok(())
}

/// Failures since `since` (or since the last success of the account, whichever is later).
pub async fn recent_failures(
    db: &Db,
    email: &str,
    adres: &str,
    since: DateTime<Utc>,
) -> StorageResult<RecentFailures> {
    const SQL: &str = "SELECT \
          (SELECT COUNT(*) FROM inlogpogingen WHERE email = $1 AND NOT gelukt AND tijdstip > $3 \
             AND tijdstip > COALESCE((SELECT MAX(tijdstip) FROM inlogpogingen WHERE email = $1 AND gelukt), $3)), \
          (SELECT COUNT(*) FROM inlogpogingen WHERE adres = $2 AND NOT gelukt AND tijdstip > $3), \
          (SELECT MIN(tijdstip) FROM inlogpogingen WHERE (email = $1 OR adres = $2) AND NOT gelukt AND tijdstip > $3)";
    let (account, address, oldest): (i64, i64, Option<DateTime<Utc>>) =
        on_pool!(db, |p| sqlx::query_as(SQL)
            .bind(email)
            .bind(adres)
            .bind(since)
            .fetch_one(p)
            .await)?;
    Ok(RecentFailures {
        account: u32::try_from(account).unwrap_or(u32::MAX),
        address: u32::try_from(address).unwrap_or(u32::MAX),
        oldest,
    })
}
