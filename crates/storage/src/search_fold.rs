//! Keeps the stored search keys (`personen.zoek_achternaam`, `zoek_voornamen`) in step with
//! [`search_key`]. The keys are computed in Rust, so an SQL migration cannot recompute them; the table
//! `zoeksleutel_versie` records which version of the fold the stored keys follow, and [`refold`] (run
//! by `Db::migrate`) recomputes them once when the code's fold is newer. Afterwards a start costs one
//! SELECT of one row.

use uuid::Uuid;

use crate::persons::{search_key, surname_key};
use crate::{Db, StorageResult, on_tx, on_tx_exec};

/// The version of [`search_key`]. Raise it with every change to the fold.
/// 1: the hand-written table of accented letters; 2: transliteration with `deunicode`; 3: the surname
/// with its tussenvoegsel (`zoek_achternaam_tv`, migration 0008).
pub const SEARCH_FOLD_VERSION: i64 = 3;

/// Recomputes every stored search key if they follow an older fold; returns how many rows changed.
/// Idempotent: a second run (or a second server starting at the same time) finds nothing to do.
pub async fn refold(db: &Db) -> StorageResult<u64> {
    const VERSION: &str = "SELECT versie FROM zoeksleutel_versie WHERE id = 1";
    const ROWS: &str = "SELECT id, voornamen, tussenvoegsel, geslachtsnaam, zoek_voornamen, \
                        zoek_achternaam, zoek_achternaam_tv FROM personen";
    const UPDATE: &str = "UPDATE personen SET zoek_voornamen = $1, zoek_achternaam = $2, \
                          zoek_achternaam_tv = $3 WHERE id = $4";
    const DONE: &str = "UPDATE zoeksleutel_versie SET versie = $1 WHERE id = 1";
    let mut tx = db.begin().await?;
    let stored: i64 = on_tx!(&mut tx, |c| sqlx::query_scalar(VERSION).fetch_one(c).await)?;
    if stored >= SEARCH_FOLD_VERSION {
        tx.rollback().await?;
        return Ok(0);
    }
    type Keys = (Uuid, String, Option<String>, String, String, String, String);
    let rows: Vec<Keys> = on_tx!(&mut tx, |c| sqlx::query_as(ROWS).fetch_all(c).await)?;
    let mut changed = 0;
    for (id, voornamen, tv, geslachtsnaam, stored_v, stored_a, stored_tv) in rows {
        let (v, a) = (search_key(&voornamen), search_key(&geslachtsnaam));
        let t = surname_key(tv.as_deref(), &geslachtsnaam);
        if v == stored_v && a == stored_a && t == stored_tv {
            continue;
        }
        changed += on_tx_exec!(&mut tx, |c| sqlx::query(UPDATE)
            .bind(v)
            .bind(a)
            .bind(t)
            .bind(id)
            .execute(c)
            .await)?;
    }
    on_tx_exec!(&mut tx, |c| sqlx::query(DONE)
        .bind(SEARCH_FOLD_VERSION)
        .execute(c)
        .await)?;
    tx.commit().await?;
    if changed > 0 {
        tracing::info!(
            changed,
            versie = SEARCH_FOLD_VERSION,
            "zoeksleutels opnieuw berekend"
        );
    }
    Ok(changed)
}
