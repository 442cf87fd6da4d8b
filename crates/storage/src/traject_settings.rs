//! The trajectory settings of a gemeente: columns of `gemeente_instellingen` (migration 0009), in the
//! same row (and under the same `versie`) as the caseload setting, since one page edits them together.

use chrono::{DateTime, Utc};
use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
use wegwijs_domain::trajectory::settings::TrajectInstellingen;

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

const SELECT: &str = "SELECT pip_vier_ogen, voortgang_interval_maanden, geen_contact_dagen, \
     begeleiding_maanden, map_urennorm, termijnwet_toepassen, leefdomeinen_set, gezondheid_rollen, \
     gezondheid_noodzaak, versie FROM gemeente_instellingen WHERE gemeente_id = $1";

type Row = (bool, i32, i32, i32, i32, bool, String, String, String, i64);

/// Turns a stored row into settings. The values were validated when written; a value that still does
/// not fit (edited by hand in the database) falls back to its default rather than failing every page
/// that needs the settings.
fn from_row(r: Row) -> (TrajectInstellingen, i64) {
    let d = TrajectInstellingen::default();
    let count = |v: i32, default: u32| u32::try_from(v).ok().filter(|n| *n > 0).unwrap_or(default);
    let settings = TrajectInstellingen {
        pip_vier_ogen: r.0,
        voortgang_interval_maanden: count(r.1, d.voortgang_interval_maanden),
        geen_contact_dagen: count(r.2, d.geen_contact_dagen),
        begeleiding_maanden: count(r.3, d.begeleiding_maanden),
        map_urennorm: count(r.4, d.map_urennorm),
        termijnwet_toepassen: r.5,
        leefdomeinen_set: LeefdomeinenSet::parse(&r.6).unwrap_or(d.leefdomeinen_set),
        gezondheid_rollen: r.7.split(',').filter_map(Role::parse).collect(),
        gezondheid_noodzaak: r.8,
    };
    (settings, r.9)
}

/// The gemeente's trajectory settings and the row's `versie` (0: nothing stored, every default).
pub async fn get(db: &Db, gemeente: OrganisatieId) -> StorageResult<(TrajectInstellingen, i64)> {
    let row: Option<Row> = on_pool!(db, |p| sqlx::query_as(SELECT)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    Ok(row.map(from_row).unwrap_or_default())
}

/// The same, inside a write transaction (a use case that decides on a setting while it writes).
pub async fn get_tx(
    tx: &mut Tx,
    gemeente: OrganisatieId,
) -> StorageResult<(TrajectInstellingen, i64)> {
    let row: Option<Row> = on_tx!(tx, |c| sqlx::query_as(SELECT)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(from_row).unwrap_or_default())
}

/// Stores every setting of the page (the caseload one included) if `expected` is still current (0:
/// none stored yet); returns the new version. A stale version is a conflict, never an overwrite.
pub async fn set(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    overnemen_toegestaan: bool,
    s: &TrajectInstellingen,
    expected: i64,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const INSERT: &str = "INSERT INTO gemeente_instellingen (gemeente_id, overnemen_toegestaan, \
         pip_vier_ogen, voortgang_interval_maanden, geen_contact_dagen, begeleiding_maanden, \
         map_urennorm, termijnwet_toepassen, leefdomeinen_set, gezondheid_rollen, gezondheid_noodzaak, \
         versie, gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12) \
         ON CONFLICT (gemeente_id) DO NOTHING";
    const UPDATE: &str = "UPDATE gemeente_instellingen SET overnemen_toegestaan = $2, \
         pip_vier_ogen = $3, voortgang_interval_maanden = $4, geen_contact_dagen = $5, \
         begeleiding_maanden = $6, map_urennorm = $7, termijnwet_toepassen = $8, leefdomeinen_set = $9, \
         gezondheid_rollen = $10, gezondheid_noodzaak = $11, versie = versie + 1, gewijzigd_op = $12 \
         WHERE gemeente_id = $1 AND versie = $13";
    let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let rollen = s
        .gezondheid_rollen
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",");
    let sql = if expected == 0 { INSERT } else { UPDATE };
    let done = on_tx_exec!(tx, |c| {
        let q = sqlx::query(sql)
            .bind(gemeente.0)
            .bind(overnemen_toegestaan)
            .bind(s.pip_vier_ogen)
            .bind(n(s.voortgang_interval_maanden))
            .bind(n(s.geen_contact_dagen))
            .bind(n(s.begeleiding_maanden))
            .bind(n(s.map_urennorm))
            .bind(s.termijnwet_toepassen)
            .bind(s.leefdomeinen_set.code())
            .bind(rollen.as_str())
            .bind(s.gezondheid_noodzaak.as_str())
            .bind(now);
        let q = if expected == 0 { q } else { q.bind(expected) };
        q.execute(c).await
    })?;
    if done == 1 {
        return Ok(expected + 1);
    }
    let current = get_tx(tx, gemeente).await?.1;
    Err(StorageError::Conflict { expected, current })
}
