//! The brede intake of one person: the intake row, its conversations and its sections (append-only
//! versions). Every query is limited to the caller's gemeente through `personen` (the scope authz
//! gives); special-category sections are withheld in SQL unless the caller's need was decided
//! (`bijzonder_zichtbaar`), so their content never leaves the database for someone without it.

mod secties;

pub use secties::{SectieVersie, current_secties, insert_sectie, versies};

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::{PersonScope, Role};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
use wegwijs_domain::trajectory::intake::gesprek::Gesprek;

use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx_exec};

/// The intake row (absent until the first conversation or section is saved).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct IntakeRow {
    pub gestart_op: NaiveDate,
    pub afgerond_op: Option<NaiveDate>,
    pub afgerond_door_naam: Option<String>,
    pub derde_info_gevraagd_op: Option<NaiveDate>,
    pub derde_info_ontvangen_op: Option<NaiveDate>,
    pub versie: i64,
}

/// One conversation as stored. `Debug` by hand: participants and notes are personal data.
#[derive(Clone, sqlx::FromRow)]
pub struct GesprekRow {
    pub id: Uuid,
    pub datum: NaiveDate,
    pub plaats: String,
    pub deelnemers: String,
    pub tolk_taal: Option<String>,
    pub tolk_soort: Option<String>,
    pub notities: String,
    pub recht_zonder_partner_gewezen: bool,
    pub aangemaakt_door_naam: Option<String>,
    pub aangemaakt_op: DateTime<Utc>,
}

impl std::fmt::Debug for GesprekRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GesprekRow")
            .field("id", &self.id)
            .field("datum", &self.datum)
            .finish_non_exhaustive()
    }
}

/// The persons-of-my-gemeente condition every read shares ($1 person, $2 gemeente); a macro so the
/// queries stay `&'static str` (literal SQL, every value bound).
macro_rules! in_scope {
    () => {
        "EXISTS (SELECT 1 FROM personen p WHERE p.id = $1 AND p.gemeente_id = $2)"
    };
}
pub(crate) use in_scope;

pub async fn get(
    db: &Db,
    scope: PersonScope,
    person: PersonId,
) -> StorageResult<Option<IntakeRow>> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = concat!(
        "SELECT i.gestart_op, i.afgerond_op, g.naam AS afgerond_door_naam, i.derde_info_gevraagd_op, \
         i.derde_info_ontvangen_op, i.versie FROM intakes i LEFT JOIN gebruikers g ON g.id = i.afgerond_door \
         WHERE i.persoon_id = $1 AND i.gemeente_id = $2 AND ",
        in_scope!()
    );
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(person.0)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?)
}

pub async fn gesprekken(
    db: &Db,
    scope: PersonScope,
    person: PersonId,
) -> StorageResult<Vec<GesprekRow>> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = concat!(
        "SELECT c.id, c.datum, c.plaats, c.deelnemers, c.tolk_taal, c.tolk_soort, c.notities, \
         c.recht_zonder_partner_gewezen, g.naam AS aangemaakt_door_naam, c.aangemaakt_op \
         FROM intake_gesprekken c LEFT JOIN gebruikers g ON g.id = c.aangemaakt_door \
         WHERE c.persoon_id = $1 AND ",
        in_scope!(),
        " ORDER BY c.datum DESC, c.id DESC"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(person.0)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?)
}

/// Starts the intake on its first saved conversation or section (`gestart_op` = that day); a no-op
/// when it was started before.
pub async fn ensure_started(
    tx: &mut Tx,
    person: PersonId,
    gemeente: OrganisatieId,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO intakes (persoon_id, gemeente_id, gestart_op, versie, gewijzigd_op) \
                       VALUES ($1, $2, $3, 1, $4) ON CONFLICT (persoon_id) DO NOTHING";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(person.0)
        .bind(gemeente.0)
        .bind(today)
        .bind(now)
        .execute(c)
        .await)?;
    Ok(())
}

pub async fn insert_gesprek(
    tx: &mut Tx,
    id: Uuid,
    person: PersonId,
    g: &Gesprek,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO intake_gesprekken (id, persoon_id, datum, plaats, deelnemers, tolk_taal, \
                       tolk_soort, notities, recht_zonder_partner_gewezen, versie, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(person.0)
        .bind(g.datum)
        .bind(g.plaats.code())
        .bind(&g.deelnemers)
        .bind(g.tolk.as_ref().map(|(t, _)| t.as_str()))
        .bind(g.tolk.as_ref().map(|(_, s)| s.code()))
        .bind(&g.notities)
        .bind(g.recht_zonder_partner_gewezen)
        .bind(door.0)
        .bind(now)
        .execute(c)
        .await)?;
    Ok(())
}

/// Closes the intake ("Intake afronden") if it is open and still at `expected`; the new versie.
pub async fn afronden(
    tx: &mut Tx,
    person: PersonId,
    gemeente: OrganisatieId,
    expected: i64,
    today: NaiveDate,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE intakes SET afgerond_op = $1, afgerond_door = $2, versie = versie + 1, \
                       gewijzigd_op = $3 WHERE persoon_id = $4 AND gemeente_id = $5 AND versie = $6 \
                       AND afgerond_op IS NULL";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(today)
        .bind(door.0)
        .bind(now)
        .bind(person.0)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n == 0 {
        return Err(StorageError::Conflict {
            expected,
            current: expected + 1,
        });
    }
    Ok(expected + 1)
}

/// The two trajectory settings the intake needs: the life-domain set and the roles with a recorded
/// need for health data. Read here until the koppeling slice publishes `app::traject_settings::get`.
pub async fn intake_settings(
    db: &Db,
    gemeente: OrganisatieId,
) -> StorageResult<(LeefdomeinenSet, Vec<Role>)> {
    const SQL: &str = "SELECT leefdomeinen_set, gezondheid_rollen FROM gemeente_instellingen WHERE gemeente_id = $1";
    let row: Option<(String, String)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    let Some((set, rollen)) = row else {
        return Ok((LeefdomeinenSet::Nederweert, Vec::new()));
    };
    let set = LeefdomeinenSet::parse(&set).unwrap_or(LeefdomeinenSet::Nederweert);
    let rollen = rollen
        .split(',')
        .filter_map(|r| Role::parse(r.trim()))
        .collect();
    Ok((set, rollen))
}

/// Records the third-party information dates (Besluit 5.3 lid 2) if the intake is still at `expected`
/// (0: not started; this starts it today, as asking others for information is intake work). Returns
/// the new versie; a stale `expected` is a conflict with nothing written.
#[expect(clippy::too_many_arguments, reason = "one row's columns, all bound")]
pub async fn set_derde_info(
    tx: &mut Tx,
    person: PersonId,
    gemeente: OrganisatieId,
    expected: i64,
    gevraagd_op: Option<NaiveDate>,
    ontvangen_op: Option<NaiveDate>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    let n = if expected == 0 {
        const SQL: &str = "INSERT INTO intakes (persoon_id, gemeente_id, gestart_op, derde_info_gevraagd_op, \
                           derde_info_ontvangen_op, versie, gewijzigd_op) VALUES ($1, $2, $3, $4, $5, 1, $6) \
                           ON CONFLICT (persoon_id) DO NOTHING";
        on_tx_exec!(tx, |c| sqlx::query(SQL)
            .bind(person.0)
            .bind(gemeente.0)
            .bind(today)
            .bind(gevraagd_op)
            .bind(ontvangen_op)
            .bind(now)
            .execute(c)
            .await)?
    } else {
        const SQL: &str = "UPDATE intakes SET derde_info_gevraagd_op = $1, derde_info_ontvangen_op = $2, \
                           versie = versie + 1, gewijzigd_op = $3 \
                           WHERE persoon_id = $4 AND gemeente_id = $5 AND versie = $6";
        on_tx_exec!(tx, |c| sqlx::query(SQL)
            .bind(gevraagd_op)
            .bind(ontvangen_op)
            .bind(now)
            .bind(person.0)
            .bind(gemeente.0)
            .bind(expected)
            .execute(c)
            .await)?
    };
    if n == 0 {
        return Err(StorageError::Conflict {
            expected,
            current: expected + 1,
        });
    }
    Ok(expected + 1)
}
