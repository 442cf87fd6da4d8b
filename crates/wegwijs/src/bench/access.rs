//! The benchmark's own traces in the database: a session and an API key for the regisseur, a range of
//! BSNs for the persons it creates, and the clean-up that removes them again (so a reused database
//! stays the same from run to run; the audit rows stay, the audit log is append-only).

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{Duration, Utc};
use wegwijs_app::auth::tokens;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::person::is_valid_bsn_digits;
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::users::User;
use wegwijs_storage::{Db, Tx, on_pool, on_tx_exec, sessions};
use wegwijs_web::AppState;

/// BSNs of persons made by the benchmark: below the demo generator's range (990000000 up), and like
/// it a range never issued to people.
pub const FIRST_BENCH_BSN: u32 = 980_000_000;
const END_BENCH_BSN: u32 = 990_000_000;

pub struct Credentials {
    /// The `Cookie` header value of the regisseur's session.
    pub cookie: String,
    /// The `Authorization` header value for the API.
    pub bearer: String,
    session_hash: String,
    key_hash: String,
}

impl Credentials {
    /// A session row made directly (as the test harness does; signing in would only add one Argon2
    /// hash) and an API key made the way `wegwijs admin create-api-key` makes it.
    pub async fn create(state: &AppState, user: &User) -> anyhow::Result<Credentials> {
        let token = tokens::random_token();
        let session_hash = tokens::sha256_hex(&token);
        let now = Utc::now();
        let mut tx = state.app.db().begin().await?;
        let new = sessions::NewSession {
            token_hash: &session_hash,
            gebruiker_id: user.id,
            csrf_token: &tokens::random_token(),
            tweede_factor_nodig: false,
            verloopt_op: now + Duration::hours(2),
        };
        sessions::insert(&mut tx, &new, now).await?;
        tx.commit().await?;
        let ctx = AuditContext {
            trace_id: format!("bench-{}", uuid::Uuid::now_v7()),
            gebruiker_id: None,
            organisatie_id: None,
            bron: Bron::Cli,
        };
        let key =
            wegwijs_app::accounts::create_api_key(&state.app, user, "wegwijs bench", &ctx).await?;
        Ok(Credentials {
            cookie: format!("{}={token}", state.config.cookie_name()),
            bearer: format!("Bearer {key}"),
            session_hash,
            key_hash: tokens::sha256_hex(&key),
        })
    }

    /// Ends the session and revokes the key.
    pub async fn revoke(&self, db: &Db) -> anyhow::Result<()> {
        const REVOKE: &str = "UPDATE api_sleutels SET ingetrokken_op = $1 WHERE token_hash = $2";
        let mut tx = db.begin().await?;
        sessions::delete(&mut tx, &self.session_hash).await?;
        let now = Utc::now();
        on_tx_exec!(&mut tx, |c| sqlx::query(REVOKE)
            .bind(now)
            .bind(&self.key_hash)
            .execute(c)
            .await)?;
        tx.commit().await?;
        Ok(())
    }
}

/// Hands out fresh valid BSNs (11-proef) from the benchmark's range, to any number of tasks.
pub struct BsnRange {
    next: AtomicU32,
}

impl BsnRange {
    /// Starts above the highest benchmark BSN already in the gemeente (left by an interrupted run).
    pub async fn after_existing(db: &Db, gemeente: OrganisatieId) -> anyhow::Result<BsnRange> {
        const SQL: &str =
            "SELECT MAX(bsn) FROM personen WHERE gemeente_id = $1 AND bsn >= $2 AND bsn < $3";
        let (low, high) = (
            format!("{FIRST_BENCH_BSN:09}"),
            format!("{END_BENCH_BSN:09}"),
        );
        let max: Option<String> = on_pool!(db, |p| sqlx::query_scalar(SQL)
            .bind(gemeente.0)
            .bind(&low)
            .bind(&high)
            .fetch_one(p)
            .await)?;
        let start = max
            .and_then(|m| m.parse::<u32>().ok())
            .map_or(FIRST_BENCH_BSN, |m| m + 1);
        Ok(BsnRange {
            next: AtomicU32::new(start),
        })
    }

    pub fn next(&self) -> Option<String> {
        loop {
            let n = self.next.fetch_add(1, Ordering::Relaxed);
            if n >= END_BENCH_BSN {
                return None;
            }
            if is_valid_bsn_digits(n) {
                return Some(format!("{n:09}"));
            }
        }
    }
}

/// Removes the persons the benchmark created (those with a benchmark BSN); returns how many.
pub async fn remove_created_persons(db: &Db, gemeente: OrganisatieId) -> anyhow::Result<u64> {
    const SQL: &str = "DELETE FROM personen WHERE gemeente_id = $1 AND bsn >= $2 AND bsn < $3";
    let mut tx: Tx = db.begin().await?;
    let (low, high) = (
        format!("{FIRST_BENCH_BSN:09}"),
        format!("{END_BENCH_BSN:09}"),
    );
    let n = on_tx_exec!(&mut tx, |c| sqlx::query(SQL)
        .bind(gemeente.0)
        .bind(&low)
        .bind(&high)
        .execute(c)
        .await)?;
    tx.commit().await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bench_bsns_are_valid_unique_and_in_range() {
        let range = BsnRange {
            next: AtomicU32::new(FIRST_BENCH_BSN),
        };
        let a: Vec<String> = (0..100).filter_map(|_| range.next()).collect();
        assert_eq!(a.len(), 100);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(
            a.iter()
                .all(|b| b.starts_with("98") && wegwijs_domain::person::Bsn::parse(b).is_ok())
        );
    }

    #[test]
    fn range_ends_before_the_demo_range() {
        let range = BsnRange {
            next: AtomicU32::new(END_BENCH_BSN - 1),
        };
        let last = range.next();
        assert!(last.as_deref().is_none_or(|b| b == "989999999"));
        assert!(range.next().is_none());
    }
}
