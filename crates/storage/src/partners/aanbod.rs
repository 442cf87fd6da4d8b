//! The sociale kaart: products of partner organisations offered in a gemeente.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::partners::aanbod::Product;

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx_exec};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AanbodRow {
    pub id: Uuid,
    pub gemeente_id: Uuid,
    pub partner_id: Uuid,
    pub partner_naam: String,
    pub partner_soort: Option<String>,
    pub naam: String,
    pub leefdomein: String,
    pub financiering: String,
    pub eenheid: String,
    pub omschrijving: String,
    pub actief: bool,
    pub versie: i64,
}

const SELECT: &str = "SELECT a.id, a.gemeente_id, a.partner_id, o.naam AS partner_naam, o.partner_soort, a.naam, \
     a.leefdomein, a.financiering, a.eenheid, a.omschrijving, a.actief, a.versie \
     FROM aanbod a JOIN organisaties o ON o.id = a.partner_id";

/// The products of a gemeente (only active ones unless `ook_inactief`), by domain and name.
pub async fn list(
    db: &Db,
    gemeente: OrganisatieId,
    ook_inactief: bool,
) -> StorageResult<Vec<AanbodRow>> {
    let sql = format!(
        "{SELECT} WHERE a.gemeente_id = $1 AND (a.actief OR $2) ORDER BY a.leefdomein, a.naam, a.id"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(gemeente.0)
    .bind(ook_inactief)
    .fetch_all(p)
    .await)?)
}

/// The products a partner offers, in every gemeente.
pub async fn list_of_partner(db: &Db, partner: OrganisatieId) -> StorageResult<Vec<AanbodRow>> {
    let sql = format!("{SELECT} WHERE a.partner_id = $1 ORDER BY a.naam, a.id");
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(partner.0)
    .fetch_all(p)
    .await)?)
}

pub async fn get(db: &Db, id: Uuid) -> StorageResult<AanbodRow> {
    let sql = format!("{SELECT} WHERE a.id = $1");
    on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(p)
        .await)?
    .ok_or(StorageError::NotFound)
}

pub async fn insert(
    tx: &mut Tx,
    id: Uuid,
    gemeente: OrganisatieId,
    partner: OrganisatieId,
    p: &Product,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO aanbod (id, gemeente_id, partner_id, naam, leefdomein, financiering, eenheid, omschrijving, actief, versie, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, 1, $9)";
    let res = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(gemeente.0)
        .bind(partner.0)
        .bind(&p.naam)
        .bind(&p.leefdomein)
        .bind(p.financiering.code())
        .bind(p.eenheid.code())
        .bind(&p.omschrijving)
        .bind(now)
        .execute(c)
        .await);
    match res {
        Err(e) if StorageError::is_unique_violation(&e) => Err(StorageError::Duplicate {
            field: "naam",
            existing: None,
        }),
        other => other.map(|_| ()).map_err(Into::into),
    }
}
