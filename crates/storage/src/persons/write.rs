//! Creating and changing persons. Each function runs inside the caller's transaction so the caller
//! can add the audit rows to the same commit.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;

use super::row::{bind_details, detail_columns};
use crate::{StorageError, StorageResult, Tx, on_tx, on_tx_exec};

const INSERT: &str = concat!(
    "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, ",
    detail_columns!(),
    ", aangemaakt_op, gewijzigd_op, gewijzigd_door) VALUES ($1, $2, $3, 1, \
     $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, \
     $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37)"
);

const UPDATE: &str = "UPDATE personen SET bsn = $1, v_nummer = $2, voornamen = $3, tussenvoegsel = $4, \
    geslachtsnaam = $5, zoek_achternaam = $6, zoek_voornamen = $7, geboortedatum = $8, geslacht = $9, \
    geboorteland = $10, nationaliteit = $11, talen = $12, tolk_nodig = $13, tolk_taal = $14, alfabetisering = $15, \
    opleidingsniveau = $16, werkervaring = $17, doelgroep = $18, regime = $19, uitkering_pw = $20, \
    uitkering_pw_startdatum = $21, datum_koppeling = $22, datum_brp_inschrijving = $23, \
    datum_kennisgeving_duo = $24, datum_huisvesting = $25, straat = $26, huisnummer = $27, postcode = $28, \
    woonplaats = $29, telefoon = $30, email = $31, versie = versie + 1, gewijzigd_op = $32, gewijzigd_door = $33 \
    WHERE id = $34 AND gemeente_id = $35 AND versie = $36";

/// The person in this gemeente that already holds the BSN or V-nummer, if any (the duplicate guard).
async fn find_duplicate(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    d: &PersonDetails,
    except: Option<PersonId>,
) -> StorageResult<Option<(&'static str, Uuid)>> {
    const BY_BSN: &str = "SELECT id FROM personen WHERE gemeente_id = $1 AND bsn = $2 AND id <> $3";
    const BY_V: &str =
        "SELECT id FROM personen WHERE gemeente_id = $1 AND v_nummer = $2 AND id <> $3";
    let except = except.map(|p| p.0).unwrap_or(Uuid::nil());
    if let Some(bsn) = &d.bsn {
        let hit: Option<Uuid> = on_tx!(tx, |c| sqlx::query_scalar(BY_BSN)
            .bind(gemeente.0)
            .bind(bsn.as_str())
            .bind(except)
            .fetch_optional(c)
            .await)?;
        if let Some(id) = hit {
            return Ok(Some(("bsn", id)));
        }
    }
    if let Some(v) = &d.v_nummer {
        let hit: Option<Uuid> = on_tx!(tx, |c| sqlx::query_scalar(BY_V)
            .bind(gemeente.0)
            .bind(v.as_str())
            .bind(except)
            .fetch_optional(c)
            .await)?;
        if let Some(id) = hit {
            return Ok(Some(("vNummer", id)));
        }
    }
    Ok(None)
}

fn map_unique(e: sqlx::Error) -> StorageError {
    if StorageError::is_unique_violation(&e) {
        StorageError::Duplicate {
            field: "bsn",
            existing: None,
        }
    } else {
        e.into()
    }
}

pub async fn insert(
    tx: &mut Tx,
    id: PersonId,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    details: &PersonDetails,
    by: Option<GebruikerId>,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    if let Some((field, existing)) = find_duplicate(tx, gemeente, details, None).await? {
        return Err(StorageError::Duplicate {
            field,
            existing: Some(existing),
        });
    }
    on_tx_exec!(tx, |c| {
        let q = sqlx::query(INSERT)
            .bind(id.0)
            .bind(gemeente.0)
            .bind(regisseur.map(|r| r.0));
        bind_details!(q, details)
            .bind(now)
            .bind(now)
            .bind(by.map(|b| b.0))
            .execute(c)
            .await
    })
    .map_err(map_unique)?;
    Ok(())
}

/// Replaces the details if `expected` is still the stored version; returns the new version.
pub async fn update(
    tx: &mut Tx,
    id: PersonId,
    gemeente: OrganisatieId,
    details: &PersonDetails,
    expected: i64,
    by: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    if let Some((field, existing)) = find_duplicate(tx, gemeente, details, Some(id)).await? {
        return Err(StorageError::Duplicate {
            field,
            existing: Some(existing),
        });
    }
    let n = on_tx_exec!(tx, |c| {
        let q = sqlx::query(UPDATE);
        bind_details!(q, details)
            .bind(now)
            .bind(by.0)
            .bind(id.0)
            .bind(gemeente.0)
            .bind(expected)
            .execute(c)
            .await
    })
    .map_err(map_unique)?;
    if n == 1 {
        Ok(expected + 1)
    } else {
        Err(stale(tx, id, gemeente, expected).await)
    }
}

/// Moves a person to another regisseur's caseload (teamleider), with the same version check.
pub async fn reassign(
    tx: &mut Tx,
    id: PersonId,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    expected: i64,
    by: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE personen SET regisseur_id = $1, versie = versie + 1, gewijzigd_op = $2, gewijzigd_door = $3 \
                       WHERE id = $4 AND gemeente_id = $5 AND versie = $6";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(regisseur.map(|r| r.0))
        .bind(now)
        .bind(by.0)
        .bind(id.0)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n == 1 {
        Ok(expected + 1)
    } else {
        Err(stale(tx, id, gemeente, expected).await)
    }
}

async fn stale(tx: &mut Tx, id: PersonId, gemeente: OrganisatieId, expected: i64) -> StorageError {
    const CUR: &str = "SELECT versie FROM personen WHERE id = $1 AND gemeente_id = $2";
    match on_tx!(tx, |c| sqlx::query_scalar::<_, i64>(CUR)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await)
    {
        Ok(Some(current)) => StorageError::Conflict { expected, current },
        Ok(None) => StorageError::NotFound,
        Err(e) => e.into(),
    }
}
