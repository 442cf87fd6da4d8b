//! Sign-in sessions, stored in the database so they survive a restart and are shared by every instance.
//! Only a hash of the cookie value is stored: a copy of the database does not let anyone sign in.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::GebruikerId;

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

/// `Debug` by hand: the CSRF token is a secret.
#[derive(Clone)]
pub struct Session {
    pub gebruiker_id: GebruikerId,
    pub csrf_token: String,
    /// Password accepted, second factor still to come: only the TOTP page is open.
    pub tweede_factor_nodig: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("gebruiker_id", &self.gebruiker_id)
            .field("tweede_factor_nodig", &self.tweede_factor_nodig)
            .finish_non_exhaustive()
    }
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub gebruiker_id: GebruikerId,
    pub csrf_token: &'a str,
    pub tweede_factor_nodig: bool,
    pub verloopt_op: DateTime<Utc>,
}

pub async fn insert(tx: &mut Tx, s: &NewSession<'_>, now: DateTime<Utc>) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO sessies (token_hash, gebruiker_id, csrf_token, tweede_factor_nodig, aangemaakt_op, verloopt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(s.token_hash)
        .bind(s.gebruiker_id.0)
        .bind(s.csrf_token)
        .bind(s.tweede_factor_nodig)
        .bind(now)
        .bind(s.verloopt_op)
        .execute(c)
        .await)?;
    Ok(())
}

/// The live session for a cookie hash; expired sessions are not returned.
pub async fn find(db: &Db, token_hash: &str, now: DateTime<Utc>) -> StorageResult<Option<Session>> {
    const SQL: &str = "SELECT gebruiker_id, csrf_token, tweede_factor_nodig FROM sessies \
                       WHERE token_hash = $1 AND verloopt_op > $2";
    let row: Option<(Uuid, String, bool)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(p)
        .await)?;
    Ok(row.map(|(id, csrf, tf)| Session {
        gebruiker_id: GebruikerId(id),
        csrf_token: csrf,
        tweede_factor_nodig: tf,
    }))
}

pub async fn delete(tx: &mut Tx, token_hash: &str) -> StorageResult<()> {
    crate::auth_cache::forget_token(token_hash);
    const SQL: &str = "DELETE FROM sessies WHERE token_hash = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(token_hash).execute(c).await)?;
    Ok(())
}

/// Ends every session of a user (password change, deactivation).
/// Ends every session of a user but the one asking (after securing the account from it).
pub async fn delete_others_of_user(
    tx: &mut Tx,
    id: GebruikerId,
    keep_token_hash: &str,
) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "DELETE FROM sessies WHERE gebruiker_id = $1 AND token_hash <> $2";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id.0)
        .bind(keep_token_hash)
        .execute(c)
        .await)?;
    Ok(())
}

pub async fn delete_for_user(tx: &mut Tx, id: GebruikerId) -> StorageResult<()> {
    crate::auth_cache::forget_user(id);
    const SQL: &str = "DELETE FROM sessies WHERE gebruiker_id = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(id.0).execute(c).await)?;
    Ok(())
}

pub async fn delete_expired(db: &Db, now: DateTime<Utc>) -> StorageResult<u64> {
    const SQL: &str = "DELETE FROM sessies WHERE verloopt_op <= $1";
    let mut tx = db.begin().await?;
    let n = on_tx_exec!(&mut tx, |c| sqlx::query(SQL).bind(now).execute(c).await)?;
    tx.commit().await?;
    Ok(n)
}

/// The sealed TOTP secret waiting in this session to be confirmed with a first code (set up on the
/// account page or at a sign-in that requires it). Not part of [`Session`]: only the pages that set
/// up the second factor read it.
pub async fn pending_totp(db: &Db, token_hash: &str) -> StorageResult<Option<String>> {
    const SQL: &str = "SELECT totp_wachtend FROM sessies WHERE token_hash = $1";
    let v: Option<Option<String>> = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(token_hash)
        .fetch_optional(p)
        .await)?;
    Ok(v.flatten())
}

/// Stores (or with `None` clears) the sealed TOTP secret waiting in a session.
pub async fn set_pending_totp(
    tx: &mut Tx,
    token_hash: &str,
    sealed: Option<&str>,
) -> StorageResult<()> {
    const SQL: &str = "UPDATE sessies SET totp_wachtend = $1 WHERE token_hash = $2";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(sealed)
        .bind(token_hash)
        .execute(c)
        .await)?;
    Ok(())
}

/// Marks the second factor as given: the session now opens every page its user may see.
pub async fn complete_second_factor(tx: &mut Tx, token_hash: &str) -> StorageResult<()> {
    crate::auth_cache::forget_token(token_hash);
    const SQL: &str = "UPDATE sessies SET tweede_factor_nodig = FALSE WHERE token_hash = $1";
    on_tx_exec!(tx, |c| sqlx::query(SQL).bind(token_hash).execute(c).await)?;
    Ok(())
}

#[cfg(test)]
mod debug_tests {
    use super::*;

    #[test]
    fn debug_hides_the_csrf_token() {
        let s = Session {
            gebruiker_id: GebruikerId(Uuid::nil()),
            csrf_token: "geheim-csrf-token".into(),
            tweede_factor_nodig: false,
        };
        assert!(!format!("{s:?}").contains("geheim-csrf-token"));
    }
}
