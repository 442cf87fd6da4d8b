//! Writing PIP versions: a new concept, changes to a concept, the decision (which replaces the
//! version in force in the same transaction) and the withdrawal.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::pip::PipInhoud;

use super::items;
use crate::{StorageError, StorageResult, Tx, on_tx, on_tx_exec};

pub struct NieuwConcept<'a> {
    pub id: Uuid,
    pub persoon: PersonId,
    pub gemeente: OrganisatieId,
    pub inhoud: &'a PipInhoud,
    pub door: GebruikerId,
    pub now: DateTime<Utc>,
}

fn blokken_json(p: &PipInhoud) -> StorageResult<String> {
    serde_json::to_string(&p.blokken).map_err(|e| StorageError::Corrupt(format!("pip inhoud: {e}")))
}

fn int(v: Option<u32>) -> Option<i32> {
    v.and_then(|n| i32::try_from(n).ok())
}

/// Inserts a concept with the next number of the person. A second concept is refused by the unique
/// index `pip_versies_een_concept` (checked first: a failed INSERT aborts a PostgreSQL transaction).
pub async fn insert_concept(tx: &mut Tx, n: NieuwConcept<'_>) -> StorageResult<i32> {
    const CONCEPT: &str = "SELECT id FROM pip_versies WHERE persoon_id = $1 AND status = 'concept'";
    let bestaand: Option<Uuid> = on_tx!(tx, |c| sqlx::query_scalar(CONCEPT)
        .bind(n.persoon.0)
        .fetch_optional(c)
        .await)?;
    if bestaand.is_some() {
        return Err(StorageError::Duplicate {
            field: "status",
            existing: bestaand,
        });
    }
    const NUMMER: &str =
        "SELECT COALESCE(MAX(nummer), 0) + 1 FROM pip_versies WHERE persoon_id = $1";
    let nummer: i32 = on_tx!(tx, |c| sqlx::query_scalar(NUMMER)
        .bind(n.persoon.0)
        .fetch_one(c)
        .await)?;
    let p = n.inhoud;
    let json = blokken_json(p)?;
    const SQL: &str = "INSERT INTO pip_versies (id, persoon_id, gemeente_id, nummer, status, reden, reden_toelichting, leerroute, niveau, \
                       alfabetisering, intensiteit_uren, aantal_voortgangsgesprekken, inhoud, opgesteld_door, gewijzigd_door, versie, aangemaakt_op, gewijzigd_op) \
                       VALUES ($1, $2, $3, $4, 'concept', $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, 1, $14, $14)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(n.id)
        .bind(n.persoon.0)
        .bind(n.gemeente.0)
        .bind(nummer)
        .bind(p.reden.map(|c| c.code()))
        .bind(Some(p.reden_toelichting.as_str()).filter(|s| !s.is_empty()))
        .bind(p.leerroute.map(|c| c.code()))
        .bind(p.niveau.map(|c| c.code()))
        .bind(p.alfabetisering.map(|c| c.code()))
        .bind(int(p.intensiteit_uren))
        .bind(int(p.aantal_voortgangsgesprekken))
        .bind(&json)
        .bind(n.door.0)
        .bind(n.now)
        .execute(c)
        .await)?;
    items::replace(tx, n.id, &p.doelen, &p.activiteiten).await?;
    Ok(nummer)
}

/// The stored versie of a version of this gemeente, for the conflict answer.
async fn current_versie(
    tx: &mut Tx,
    id: Uuid,
    gemeente: OrganisatieId,
    expected: i64,
) -> StorageError {
    const CUR: &str = "SELECT versie FROM pip_versies WHERE id = $1 AND gemeente_id = $2";
    let cur: Result<Option<i64>, sqlx::Error> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
        .bind(id)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await);
    match cur {
        Ok(Some(current)) => StorageError::Conflict { expected, current },
        Ok(None) => StorageError::NotFound,
        Err(e) => e.into(),
    }
}

/// Replaces a concept's content if it is still a concept at version `expected`.
pub async fn update_concept(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    id: Uuid,
    p: &PipInhoud,
    expected: i64,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    let json = blokken_json(p)?;
    const SQL: &str = "UPDATE pip_versies SET reden = $1, reden_toelichting = $2, leerroute = $3, niveau = $4, alfabetisering = $5, \
                       intensiteit_uren = $6, aantal_voortgangsgesprekken = $7, inhoud = $8, gewijzigd_door = $9, gewijzigd_op = $10, \
                       versie = versie + 1 WHERE id = $11 AND gemeente_id = $12 AND versie = $13 AND status = 'concept'";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(p.reden.map(|c| c.code()))
        .bind(Some(p.reden_toelichting.as_str()).filter(|s| !s.is_empty()))
        .bind(p.leerroute.map(|c| c.code()))
        .bind(p.niveau.map(|c| c.code()))
        .bind(p.alfabetisering.map(|c| c.code()))
        .bind(int(p.intensiteit_uren))
        .bind(int(p.aantal_voortgangsgesprekken))
        .bind(&json)
        .bind(door.0)
        .bind(now)
        .bind(id)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        return Err(current_versie(tx, id, gemeente, expected).await);
    }
    items::replace(tx, id, &p.doelen, &p.activiteiten).await?;
    Ok(expected + 1)
}

/// Decides the concept `id` (at version `expected`) with `dagtekening`; the version in force, if
/// any (`vervangt`), becomes "vervangen" in the same transaction.
#[expect(
    clippy::too_many_arguments,
    reason = "one bound value per column; a struct would only rename them"
)]
pub async fn vaststellen(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    id: Uuid,
    expected: i64,
    vervangt: Option<Uuid>,
    dagtekening: NaiveDate,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    if let Some(oud) = vervangt {
        const OUD: &str = "UPDATE pip_versies SET status = 'vervangen', versie = versie + 1, gewijzigd_op = $1 \
                           WHERE id = $2 AND gemeente_id = $3 AND status = 'vastgesteld'";
        let n = on_tx_exec!(tx, |c| sqlx::query(OUD)
            .bind(now)
            .bind(oud)
            .bind(gemeente.0)
            .execute(c)
            .await)?;
        if n != 1 {
            // The version in force changed meanwhile (withdrawn, or replaced by a parallel decision).
            return Err(StorageError::Conflict {
                expected,
                current: expected + 1,
            });
        }
    }
    const SQL: &str = "UPDATE pip_versies SET status = 'vastgesteld', dagtekening = $1, vastgesteld_door = $2, vastgesteld_op = $3, \
                       gewijzigd_op = $3, versie = versie + 1 WHERE id = $4 AND gemeente_id = $5 AND versie = $6 AND status = 'concept'";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(dagtekening)
        .bind(door.0)
        .bind(now)
        .bind(id)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        return Err(current_versie(tx, id, gemeente, expected).await);
    }
    Ok(expected + 1)
}

/// Withdraws the version in force.
#[expect(
    clippy::too_many_arguments,
    reason = "one bound value per column; a struct would only rename them"
)]
pub async fn intrekken(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    id: Uuid,
    expected: i64,
    datum: NaiveDate,
    toelichting: &str,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE pip_versies SET status = 'ingetrokken', ingetrokken_op = $1, intrekking_toelichting = $2, \
                       ingetrokken_door = $3, gewijzigd_op = $4, versie = versie + 1 \
                       WHERE id = $5 AND gemeente_id = $6 AND versie = $7 AND status = 'vastgesteld'";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(datum)
        .bind(toelichting)
        .bind(door.0)
        .bind(now)
        .bind(id)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        return Err(current_versie(tx, id, gemeente, expected).await);
    }
    Ok(expected + 1)
}
