//! The trajectory settings of a gemeente: columns of `gemeente_instellingen` (migration 0009, and 0015
//! for the letter details), in the same row (and under the same `versie`) as the caseload setting,
//! since one page edits them together.

use chrono::{DateTime, Utc};
use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::trajectory::briefgegevens::{self, RawBriefGegevens};
use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
use wegwijs_domain::trajectory::settings::TrajectInstellingen;
use wegwijs_domain::validation::ValidationErrors;

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

const SELECT: &str = "SELECT pip_vier_ogen, voortgang_interval_maanden, geen_contact_dagen, \
     begeleiding_maanden, map_urennorm, termijnwet_toepassen, leefdomeinen_set, gezondheid_rollen, \
     gezondheid_noodzaak, brief_postadres, brief_postcode, brief_plaats, brief_telefoon, \
     brief_website, bezwaar_postadres, bezwaar_postcode, bezwaar_plaats, versie \
     FROM gemeente_instellingen WHERE gemeente_id = $1";

#[derive(sqlx::FromRow)]
struct Row {
    pip_vier_ogen: bool,
    voortgang_interval_maanden: i32,
    geen_contact_dagen: i32,
    begeleiding_maanden: i32,
    map_urennorm: i32,
    termijnwet_toepassen: bool,
    leefdomeinen_set: String,
    gezondheid_rollen: String,
    gezondheid_noodzaak: String,
    brief_postadres: String,
    brief_postcode: String,
    brief_plaats: String,
    brief_telefoon: String,
    brief_website: String,
    bezwaar_postadres: String,
    bezwaar_postcode: String,
    bezwaar_plaats: String,
    versie: i64,
}

/// Turns a stored row into settings. The values were validated when written; a value that still does
/// not fit (edited by hand in the database) falls back to its default rather than failing every page
/// that needs the settings.
fn from_row(r: Row) -> (TrajectInstellingen, i64) {
    let d = TrajectInstellingen::default();
    let count = |v: i32, default: u32| u32::try_from(v).ok().filter(|n| *n > 0).unwrap_or(default);
    let brief = RawBriefGegevens {
        postadres: r.brief_postadres,
        postcode: r.brief_postcode,
        plaats: r.brief_plaats,
        telefoon: r.brief_telefoon,
        website: r.brief_website,
        bezwaar_postadres: r.bezwaar_postadres,
        bezwaar_postcode: r.bezwaar_postcode,
        bezwaar_plaats: r.bezwaar_plaats,
    };
    // A hand-edited address that no longer parses is left out (the letter prints what is known).
    let brief = briefgegevens::parse(&brief, &mut ValidationErrors::new());
    let settings = TrajectInstellingen {
        pip_vier_ogen: r.pip_vier_ogen,
        voortgang_interval_maanden: count(
            r.voortgang_interval_maanden,
            d.voortgang_interval_maanden,
        ),
        geen_contact_dagen: count(r.geen_contact_dagen, d.geen_contact_dagen),
        begeleiding_maanden: count(r.begeleiding_maanden, d.begeleiding_maanden),
        map_urennorm: count(r.map_urennorm, d.map_urennorm),
        termijnwet_toepassen: r.termijnwet_toepassen,
        leefdomeinen_set: LeefdomeinenSet::parse(&r.leefdomeinen_set).unwrap_or(d.leefdomeinen_set),
        gezondheid_rollen: r
            .gezondheid_rollen
            .split(',')
            .filter_map(Role::parse)
            .collect(),
        gezondheid_noodzaak: r.gezondheid_noodzaak,
        brief,
    };
    (settings, r.versie)
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
         brief_postadres, brief_postcode, brief_plaats, brief_telefoon, brief_website, \
         bezwaar_postadres, bezwaar_postcode, bezwaar_plaats, versie, gewijzigd_op) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, \
         1, $20) \
         ON CONFLICT (gemeente_id) DO NOTHING";
    const UPDATE: &str = "UPDATE gemeente_instellingen SET overnemen_toegestaan = $2, \
         pip_vier_ogen = $3, voortgang_interval_maanden = $4, geen_contact_dagen = $5, \
         begeleiding_maanden = $6, map_urennorm = $7, termijnwet_toepassen = $8, leefdomeinen_set = $9, \
         gezondheid_rollen = $10, gezondheid_noodzaak = $11, brief_postadres = $12, \
         brief_postcode = $13, brief_plaats = $14, brief_telefoon = $15, brief_website = $16, \
         bezwaar_postadres = $17, bezwaar_postcode = $18, bezwaar_plaats = $19, versie = versie + 1, \
         gewijzigd_op = $20 WHERE gemeente_id = $1 AND versie = $21";
    let n = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
    let rollen = s
        .gezondheid_rollen
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",");
    let brief = RawBriefGegevens::from_gegevens(&s.brief);
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
            .bind(brief.postadres.as_str())
            .bind(brief.postcode.as_str())
            .bind(brief.plaats.as_str())
            .bind(brief.telefoon.as_str())
            .bind(brief.website.as_str())
            .bind(brief.bezwaar_postadres.as_str())
            .bind(brief.bezwaar_postcode.as_str())
            .bind(brief.bezwaar_plaats.as_str())
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
