//! The taakstelling per gemeente per half-year (how many persons COA links to the gemeente) and its
//! realisatie: counts of koppelingen per taakstelling half-year. Counts only, never a person.

use chrono::{DateTime, NaiveDate, Utc};
use wegwijs_domain::ids::OrganisatieId;

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// One half-year's taakstelling as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Taakstelling {
    pub jaar: i32,
    pub halfjaar: i32,
    pub aantal: i32,
    pub versie: i64,
}

/// The koppelingen of one taakstelling half-year: all of them, and those whose datum koppeling is
/// known and not after today (the person has arrived).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::FromRow)]
pub struct Realisatie {
    pub jaar: i32,
    pub halfjaar: i32,
    pub gekoppeld: i64,
    pub aangekomen: i64,
}

const LIST: &str = "SELECT jaar, halfjaar, aantal, versie FROM taakstellingen \
     WHERE gemeente_id = $1 ORDER BY jaar DESC, halfjaar DESC";

/// The gemeente's taakstellingen, newest half-year first.
pub async fn list(db: &Db, gemeente: OrganisatieId) -> StorageResult<Vec<Taakstelling>> {
    Ok(on_pool!(db, |p| sqlx::query_as(LIST)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?)
}

/// The koppelingen counted per taakstelling half-year (those without a half-year are left out:
/// they count towards no taakstelling).
pub async fn realisatie(
    db: &Db,
    gemeente: OrganisatieId,
    today: NaiveDate,
) -> StorageResult<Vec<Realisatie>> {
    // The persons join keeps the gemeente on both sides: a koppeling row can never count for another
    // gemeente's taakstelling, even if its person moved.
    const SQL: &str = "SELECT k.taakstelling_jaar AS jaar, k.taakstelling_halfjaar AS halfjaar, \
         COUNT(*) AS gekoppeld, \
         COALESCE(SUM(CASE WHEN p.datum_koppeling IS NOT NULL AND p.datum_koppeling <= $2 \
         THEN 1 ELSE 0 END), 0) AS aangekomen \
         FROM koppelingen k JOIN personen p ON p.id = k.persoon_id AND p.gemeente_id = k.gemeente_id \
         WHERE k.gemeente_id = $1 AND k.taakstelling_jaar IS NOT NULL \
         AND k.taakstelling_halfjaar IS NOT NULL \
         GROUP BY k.taakstelling_jaar, k.taakstelling_halfjaar";
    let rows: Vec<(i32, i32, i64, i64)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(today)
        .fetch_all(p)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|(jaar, halfjaar, gekoppeld, aangekomen)| Realisatie {
            jaar,
            halfjaar,
            gekoppeld,
            aangekomen,
        })
        .collect())
}

async fn version_tx(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    jaar: i32,
    halfjaar: i32,
) -> StorageResult<i64> {
    const SQL: &str =
        "SELECT versie FROM taakstellingen WHERE gemeente_id = $1 AND jaar = $2 AND halfjaar = $3";
    let v: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(SQL)
        .bind(gemeente.0)
        .bind(jaar)
        .bind(halfjaar)
        .fetch_optional(c)
        .await)?;
    Ok(v.unwrap_or(0))
}

/// Stores a half-year's number if `expected` is its current version (0: not stored yet); returns the
/// new version. A stale version is a conflict, never a silent overwrite.
pub async fn set(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    t: Taakstelling,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const INSERT: &str = "INSERT INTO taakstellingen (gemeente_id, jaar, halfjaar, aantal, versie, gewijzigd_op) \
         VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (gemeente_id, jaar, halfjaar) DO NOTHING";
    const UPDATE: &str = "UPDATE taakstellingen SET aantal = $4, versie = versie + 1, gewijzigd_op = $5 \
         WHERE gemeente_id = $1 AND jaar = $2 AND halfjaar = $3 AND versie = $6";
    // ON CONFLICT rather than catching the unique violation: on PostgreSQL a failed statement ends the
    // transaction, and the conflict answer still has to read the current version.
    let done = if t.versie == 0 {
        on_tx_exec!(tx, |c| sqlx::query(INSERT)
            .bind(gemeente.0)
            .bind(t.jaar)
            .bind(t.halfjaar)
            .bind(t.aantal)
            .bind(now)
            .execute(c)
            .await)?
    } else {
        on_tx_exec!(tx, |c| sqlx::query(UPDATE)
            .bind(gemeente.0)
            .bind(t.jaar)
            .bind(t.halfjaar)
            .bind(t.aantal)
            .bind(now)
            .bind(t.versie)
            .execute(c)
            .await)?
    };
    if done == 1 {
        return Ok(t.versie + 1);
    }
    let current = version_tx(tx, gemeente, t.jaar, t.halfjaar).await?;
    Err(StorageError::Conflict {
        expected: t.versie,
        current,
    })
}
