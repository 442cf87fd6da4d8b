//! Bezwaar and beroep against a PIP version (`pip_rechtsmiddelen`), always read and written through
//! the version's gemeente.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::codes::{RechtsmiddelSoort, RechtsmiddelUitkomst};
use wegwijs_domain::trajectory::pip::rechtsmiddel::Rechtsmiddel;

use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

#[derive(Debug, Clone)]
pub struct RechtsmiddelRecord {
    pub id: Uuid,
    pub pip_id: Uuid,
    pub rechtsmiddel: Rechtsmiddel,
    pub versie: i64,
    pub aangemaakt_op: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    pip_id: Uuid,
    soort: String,
    ontvangen_op: NaiveDate,
    beslist_op: Option<NaiveDate>,
    uitkomst: Option<String>,
    toelichting: String,
    versie: i64,
    aangemaakt_op: DateTime<Utc>,
}

/// The bezwaren and beroepen of one version, oldest first.
pub async fn list(
    db: &Db,
    scope: PersonScope,
    persoon: PersonId,
    pip: Uuid,
) -> StorageResult<Vec<RechtsmiddelRecord>> {
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok(vec![]);
    };
    const SQL: &str = "SELECT r.id, r.pip_id, r.soort, r.ontvangen_op, r.beslist_op, r.uitkomst, r.toelichting, r.versie, r.aangemaakt_op \
                       FROM pip_rechtsmiddelen r JOIN pip_versies v ON v.id = r.pip_id \
                       WHERE r.pip_id = $1 AND r.persoon_id = $2 AND v.gemeente_id = $3 ORDER BY r.ontvangen_op, r.id";
    let rows: Vec<Row> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(pip)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(|r| {
            let corrupt = || StorageError::Corrupt("pip_rechtsmiddelen".into());
            Ok(RechtsmiddelRecord {
                id: r.id,
                pip_id: r.pip_id,
                rechtsmiddel: Rechtsmiddel {
                    soort: RechtsmiddelSoort::parse(&r.soort).ok_or_else(corrupt)?,
                    ontvangen_op: r.ontvangen_op,
                    beslist_op: r.beslist_op,
                    uitkomst: r
                        .uitkomst
                        .map(|u| RechtsmiddelUitkomst::parse(&u).ok_or_else(corrupt))
                        .transpose()?,
                    toelichting: r.toelichting,
                },
                versie: r.versie,
                aangemaakt_op: r.aangemaakt_op,
            })
        })
        .collect()
}

#[expect(
    clippy::too_many_arguments,
    reason = "one bound value per column; a struct would only rename them"
)]
pub async fn insert(
    tx: &mut Tx,
    id: Uuid,
    gemeente: OrganisatieId,
    persoon: PersonId,
    pip: Uuid,
    r: &Rechtsmiddel,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    // The version must belong to this person in this gemeente: checked in the same transaction.
    const OWN: &str =
        "SELECT COUNT(*) FROM pip_versies WHERE id = $1 AND persoon_id = $2 AND gemeente_id = $3";
    let n: i64 = on_tx!(tx, |c| sqlx::query_scalar(OWN)
        .bind(pip)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_one(c)
        .await)?;
    if n == 0 {
        return Err(StorageError::NotFound);
    }
    const SQL: &str = "INSERT INTO pip_rechtsmiddelen (id, pip_id, persoon_id, soort, ontvangen_op, beslist_op, uitkomst, toelichting, versie, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(pip)
        .bind(persoon.0)
        .bind(r.soort.code())
        .bind(r.ontvangen_op)
        .bind(r.beslist_op)
        .bind(r.uitkomst.map(|u| u.code()))
        .bind(&r.toelichting)
        .bind(door.0)
        .bind(now)
        .execute(c)
        .await)?;
    Ok(())
}

/// Records the decision on (or corrects) a bezwaar or beroep at version `expected`.
pub async fn update(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    persoon: PersonId,
    id: Uuid,
    r: &Rechtsmiddel,
    expected: i64,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE pip_rechtsmiddelen SET soort = $1, ontvangen_op = $2, beslist_op = $3, uitkomst = $4, toelichting = $5, \
                       versie = versie + 1 WHERE id = $6 AND persoon_id = $7 AND versie = $8 \
                       AND pip_id IN (SELECT v.id FROM pip_versies v WHERE v.gemeente_id = $9)";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(r.soort.code())
        .bind(r.ontvangen_op)
        .bind(r.beslist_op)
        .bind(r.uitkomst.map(|u| u.code()))
        .bind(&r.toelichting)
        .bind(id)
        .bind(persoon.0)
        .bind(expected)
        .bind(gemeente.0)
        .execute(c)
        .await)?;
    if n == 1 {
        return Ok(expected + 1);
    }
    const CUR: &str = "SELECT r.versie FROM pip_rechtsmiddelen r JOIN pip_versies v ON v.id = r.pip_id \
                       WHERE r.id = $1 AND r.persoon_id = $2 AND v.gemeente_id = $3";
    let cur: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
        .bind(id)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_optional(c)
        .await)?;
    Err(match cur {
        Some(current) => StorageError::Conflict { expected, current },
        None => StorageError::NotFound,
    })
}
