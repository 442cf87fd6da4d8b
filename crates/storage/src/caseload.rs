//! The teamleider's side of the caseload: the gemeente's settings, the workload counts and the
//! persons of one regisseur (for a bulk move). Person changes themselves go through `persons`.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// What a gemeente chose; `versie` 0 means nothing was chosen yet (every default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GemeenteInstellingen {
    /// Regisseurs may take on persons without a regisseur themselves (default: no).
    pub overnemen_toegestaan: bool,
    pub versie: i64,
}

pub async fn settings(db: &Db, gemeente: OrganisatieId) -> StorageResult<GemeenteInstellingen> {
    const SQL: &str =
        "SELECT overnemen_toegestaan, versie FROM gemeente_instellingen WHERE gemeente_id = $1";
    let row: Option<(bool, i64)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    Ok(row
        .map(|(overnemen_toegestaan, versie)| GemeenteInstellingen {
            overnemen_toegestaan,
            versie,
        })
        .unwrap_or_default())
}

/// The settings as read inside a transaction (a take-on decides on what is current when it writes).
pub async fn settings_tx(
    tx: &mut Tx,
    gemeente: OrganisatieId,
) -> StorageResult<GemeenteInstellingen> {
    const SQL: &str =
        "SELECT overnemen_toegestaan, versie FROM gemeente_instellingen WHERE gemeente_id = $1";
    let row: Option<(bool, i64)> = on_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await)?;
    Ok(row
        .map(|(overnemen_toegestaan, versie)| GemeenteInstellingen {
            overnemen_toegestaan,
            versie,
        })
        .unwrap_or_default())
}

/// Stores the settings if `expected` is still the current version (0: none stored yet); returns the new
/// version. A stale version is a conflict, never a silent overwrite.
pub async fn set_settings(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    overnemen_toegestaan: bool,
    expected: i64,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const INSERT: &str = "INSERT INTO gemeente_instellingen (gemeente_id, overnemen_toegestaan, versie, gewijzigd_op) \
                          VALUES ($1, $2, 1, $3) ON CONFLICT (gemeente_id) DO NOTHING";
    const UPDATE: &str = "UPDATE gemeente_instellingen SET overnemen_toegestaan = $1, versie = versie + 1, \
                          gewijzigd_op = $2 WHERE gemeente_id = $3 AND versie = $4";
    // ON CONFLICT rather than catching the unique violation: on PostgreSQL a failed statement ends the
    // transaction, and the conflict answer still has to read the current version.
    let done = if expected == 0 {
        on_tx_exec!(tx, |c| sqlx::query(INSERT)
            .bind(gemeente.0)
            .bind(overnemen_toegestaan)
            .bind(now)
            .execute(c)
            .await)?
    } else {
        on_tx_exec!(tx, |c| sqlx::query(UPDATE)
            .bind(overnemen_toegestaan)
            .bind(now)
            .bind(gemeente.0)
            .bind(expected)
            .execute(c)
            .await)?
    };
    if done == 1 {
        return Ok(expected + 1);
    }
    let current = settings_tx(tx, gemeente).await?.versie;
    Err(StorageError::Conflict { expected, current })
}

/// One cell of the workload overview: how many persons share these facts.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WorkloadGroup {
    pub regisseur_id: Option<Uuid>,
    pub doelgroep: Option<String>,
    /// The datum koppeling is known and not after `today`.
    pub gekoppeld: bool,
    /// The datum huisvesting is known and not after `today`.
    pub gehuisvest: bool,
    /// The trajectory steps (issue 7): an intake row, a vastgestelde PIP, voldaan by `today`.
    pub in_intake: bool,
    pub pip_vastgesteld: bool,
    pub voldaan: bool,
    pub aantal: i64,
}

/// The persons of a gemeente counted per regisseur, doelgroep and the date facts the stage follows
/// from (`domain::caseload::FaseFeiten`). Counts only: no person's data leaves the database.
pub async fn workload(
    db: &Db,
    gemeente: OrganisatieId,
    today: NaiveDate,
) -> StorageResult<Vec<WorkloadGroup>> {
    // Each step is an EXISTS on the step's per-person key (primary key or index), so the count stays
    // one pass over the gemeente's rows of the covering index personen_werkvoorraad.
    const SQL: &str = "SELECT regisseur_id, doelgroep, gekoppeld, gehuisvest, in_intake, pip_vastgesteld, \
         voldaan, COUNT(*) AS aantal FROM (\
         SELECT p.regisseur_id, p.doelgroep, \
         (p.datum_koppeling IS NOT NULL AND p.datum_koppeling <= $2) AS gekoppeld, \
         (p.datum_huisvesting IS NOT NULL AND p.datum_huisvesting <= $2) AS gehuisvest, \
         EXISTS (SELECT 1 FROM intakes i WHERE i.persoon_id = p.id) AS in_intake, \
         EXISTS (SELECT 1 FROM pip_versies v WHERE v.persoon_id = p.id \
            AND v.status IN ('vastgesteld', 'vervangen')) AS pip_vastgesteld, \
         EXISTS (SELECT 1 FROM traject_afronding a WHERE a.persoon_id = p.id \
            AND a.voldaan_op <= $2) AS voldaan \
         FROM personen p WHERE p.gemeente_id = $1) t \
         GROUP BY regisseur_id, doelgroep, gekoppeld, gehuisvest, in_intake, pip_vastgesteld, voldaan";
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(today)
        .fetch_all(p)
        .await)?)
}

/// The persons (with their versions) in one regisseur's caseload, or without one (`None`): what "move
/// all of this regisseur's persons" moves, read inside the moving transaction.
pub async fn persons_of(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
) -> StorageResult<Vec<(PersonId, i64)>> {
    const OF: &str = "SELECT id, versie FROM personen WHERE gemeente_id = $1 AND regisseur_id = $2";
    const NONE: &str =
        "SELECT id, versie FROM personen WHERE gemeente_id = $1 AND regisseur_id IS NULL";
    let rows: Vec<(Uuid, i64)> = match regisseur {
        Some(r) => on_tx!(tx, |c| sqlx::query_as(OF)
            .bind(gemeente.0)
            .bind(r.0)
            .fetch_all(c)
            .await)?,
        None => on_tx!(tx, |c| sqlx::query_as(NONE)
            .bind(gemeente.0)
            .fetch_all(c)
            .await)?,
    };
    Ok(rows.into_iter().map(|(id, v)| (PersonId(id), v)).collect())
}

/// A person's regisseur and version as stored now, read inside a moving transaction (`None`: no such
/// person in this gemeente). A move decides on this whether there is anything to change.
pub async fn regisseur_of(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    id: PersonId,
) -> StorageResult<Option<(Option<GebruikerId>, i64)>> {
    const SQL: &str =
        "SELECT regisseur_id, versie FROM personen WHERE id = $1 AND gemeente_id = $2";
    let row: Option<(Option<Uuid>, i64)> = on_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(r, v)| (r.map(GebruikerId), v)))
}

/// Another member of a person's household, as a move of that person needs it.
#[derive(Clone, PartialEq, Eq)]
pub struct Gezinslid {
    pub id: PersonId,
    pub regisseur: Option<GebruikerId>,
    pub versie: i64,
    /// "Voornamen [tussenvoegsel] Geslachtsnaam", for the confirmation that names who moves along.
    pub naam: String,
}

/// `Debug` without the name (personal data).
impl std::fmt::Debug for Gezinslid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gezinslid")
            .field("id", &self.id)
            .field("versie", &self.versie)
            .finish_non_exhaustive()
    }
}

const GEZINSLEDEN: &str = "SELECT p.id, p.regisseur_id, p.versie, p.voornamen, p.tussenvoegsel, p.geslachtsnaam \
     FROM huishouden_leden l JOIN huishouden_leden mij ON mij.huishouden_id = l.huishouden_id \
     JOIN personen p ON p.id = l.persoon_id \
     WHERE mij.persoon_id = $1 AND l.persoon_id <> $1 AND p.gemeente_id = $2 \
     ORDER BY p.geboortedatum, p.id";

type GezinslidRow = (Uuid, Option<Uuid>, i64, String, Option<String>, String);

fn gezinslid((id, r, versie, voornamen, tv, achternaam): GezinslidRow) -> Gezinslid {
    Gezinslid {
        id: PersonId(id),
        regisseur: r.map(GebruikerId),
        versie,
        naam: match tv {
            Some(t) => format!("{voornamen} {t} {achternaam}"),
            None => format!("{voornamen} {achternaam}"),
        },
    }
}

/// The other members of `id`'s household (none without a household), read inside the moving
/// transaction so their versions guard the move.
pub async fn gezinsleden_tx(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    id: PersonId,
) -> StorageResult<Vec<Gezinslid>> {
    let rows: Vec<GezinslidRow> = on_tx!(tx, |c| sqlx::query_as(GEZINSLEDEN)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(gezinslid).collect())
}

/// The same, for showing before the move (the dossier's "ook de gezinsleden").
pub async fn gezinsleden(
    db: &Db,
    gemeente: OrganisatieId,
    id: PersonId,
) -> StorageResult<Vec<Gezinslid>> {
    let rows: Vec<GezinslidRow> = on_pool!(db, |p| sqlx::query_as(GEZINSLEDEN)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?;
    Ok(rows.into_iter().map(gezinslid).collect())
}

/// The persons (id only) in one regisseur's caseload or without one, outside a transaction: what a
/// confirmation page counts before the teamleider confirms.
pub async fn ids_of(
    db: &Db,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
) -> StorageResult<Vec<PersonId>> {
    const OF: &str = "SELECT id FROM personen WHERE gemeente_id = $1 AND regisseur_id = $2";
    const NONE: &str = "SELECT id FROM personen WHERE gemeente_id = $1 AND regisseur_id IS NULL";
    let rows: Vec<Uuid> = match regisseur {
        Some(r) => on_pool!(db, |p| sqlx::query_scalar(OF)
            .bind(gemeente.0)
            .bind(r.0)
            .fetch_all(p)
            .await)?,
        None => on_pool!(db, |p| sqlx::query_scalar(NONE)
            .bind(gemeente.0)
            .fetch_all(p)
            .await)?,
    };
    Ok(rows.into_iter().map(PersonId).collect())
}
