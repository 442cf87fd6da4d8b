//! Creating and changing persons. Each function runs inside the caller's transaction so the caller
//! can add the audit rows to the same commit.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;

use super::row::{bind_column, detail_columns, detail_values};
use crate::{StorageError, StorageResult, Tx, on_tx, on_tx_exec};

/// `INSERT INTO personen (...) VALUES (...)` for one person; the detail columns follow from the
/// domain's field table.
fn insert_query<DB: sqlx::Database>(
    id: PersonId,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    details: &PersonDetails,
    by: Option<GebruikerId>,
    now: DateTime<Utc>,
) -> QueryBuilder<DB>
where
    DB::Arguments: Default,
    for<'t> Uuid: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<Uuid>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<String>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<NaiveDate>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<bool>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let mut qb = QueryBuilder::new("INSERT INTO personen (id, gemeente_id, regisseur_id, versie");
    for column in detail_columns() {
        qb.push(", ").push(column);
    }
    qb.push(", aangemaakt_op, gewijzigd_op, gewijzigd_door) VALUES (");
    let mut values = qb.separated(", ");
    values
        .push_bind(id.0)
        .push_bind(gemeente.0)
        .push_bind(regisseur.map(|r| r.0))
        .push("1");
    for v in detail_values(details) {
        bind_column!(values, v, push_bind);
    }
    values
        .push_bind(now)
        .push_bind(now)
        .push_bind(by.map(|b| b.0))
        .push_unseparated(")");
    qb
}

/// `UPDATE personen SET <details> ...` guarded by the expected version.
fn update_query<DB: sqlx::Database>(
    id: PersonId,
    gemeente: OrganisatieId,
    details: &PersonDetails,
    expected: i64,
    by: GebruikerId,
    now: DateTime<Utc>,
) -> QueryBuilder<DB>
where
    DB::Arguments: Default,
    for<'t> Uuid: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> i64: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<String>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<NaiveDate>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> Option<bool>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    for<'t> DateTime<Utc>: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
{
    let mut qb = QueryBuilder::new("UPDATE personen SET ");
    for (column, value) in detail_columns().zip(detail_values(details)) {
        qb.push(column).push(" = ");
        bind_column!(qb, value, push_bind);
        qb.push(", ");
    }
    qb.push("versie = versie + 1, gewijzigd_op = ")
        .push_bind(now)
        .push(", gewijzigd_door = ")
        .push_bind(by.0)
        .push(" WHERE id = ")
        .push_bind(id.0)
        .push(" AND gemeente_id = ")
        .push_bind(gemeente.0)
        .push(" AND versie = ")
        .push_bind(expected);
    qb
}

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
        insert_query(id, gemeente, regisseur, details, by, now)
            .build()
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
        update_query(id, gemeente, details, expected, by, now)
            .build()
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
