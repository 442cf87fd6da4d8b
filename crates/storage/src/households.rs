//! Households (huishoudens): members and their relation to the reference person.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::{HuishoudenId, OrganisatieId, PersonId};

use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// `Debug` of households and members by hand: the omschrijving and names are personal data.
#[derive(Clone)]
pub struct Household {
    pub id: HuishoudenId,
    pub gemeente_id: OrganisatieId,
    pub omschrijving: String,
    pub versie: i64,
    pub leden: Vec<Member>,
}

impl std::fmt::Debug for Household {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Household")
            .field("id", &self.id)
            .field("gemeente_id", &self.gemeente_id)
            .field("versie", &self.versie)
            .field("leden", &self.leden)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Member {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Member")
            .field("persoon_id", &self.persoon_id)
            .field("relatie", &self.relatie)
            .field("nareiziger", &self.nareiziger)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for HouseholdSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HouseholdSummary")
            .field("id", &self.id)
            .field("leden", &self.leden)
            .field("versie", &self.versie)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
pub struct Member {
    pub persoon_id: PersonId,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub geboortedatum: Option<NaiveDate>,
    pub relatie: Relatie,
    pub nareiziger: bool,
}

impl Member {
    pub fn naam(&self) -> String {
        match &self.tussenvoegsel {
            Some(t) => format!("{} {} {}", self.voornamen, t, self.geslachtsnaam),
            None => format!("{} {}", self.voornamen, self.geslachtsnaam),
        }
    }
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    persoon_id: Uuid,
    voornamen: String,
    tussenvoegsel: Option<String>,
    geslachtsnaam: String,
    geboortedatum: Option<NaiveDate>,
    relatie: String,
    nareiziger: bool,
}

/// Checks that every member is a person of this gemeente (a household never spans gemeenten).
async fn check_members(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    leden: &[LidInput],
) -> StorageResult<()> {
    const SQL: &str = "SELECT COUNT(*) FROM personen WHERE id = $1 AND gemeente_id = $2";
    for lid in leden {
        let n: i64 = on_tx!(tx, |c| sqlx::query_scalar(SQL)
            .bind(lid.persoon_id.0)
            .bind(gemeente.0)
            .fetch_one(c)
            .await)?;
        if n == 0 {
            return Err(StorageError::NotFound);
        }
    }
    Ok(())
}

async fn insert_members(tx: &mut Tx, id: HuishoudenId, leden: &[LidInput]) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO huishouden_leden (huishouden_id, persoon_id, relatie, nareiziger) VALUES ($1, $2, $3, $4)";
    const WHERE: &str = "SELECT huishouden_id FROM huishouden_leden WHERE persoon_id = $1";
    for lid in leden {
        // Check first: on PostgreSQL a failed INSERT aborts the transaction, so no query could follow it.
        let other: Option<Uuid> = on_tx!(tx, |c| sqlx::query_scalar(WHERE)
            .bind(lid.persoon_id.0)
            .fetch_optional(c)
            .await)?;
        if other.is_some() {
            return Err(StorageError::Duplicate {
                field: "leden",
                existing: other,
            });
        }
        on_tx_exec!(tx, |c| sqlx::query(SQL)
            .bind(id.0)
            .bind(lid.persoon_id.0)
            .bind(lid.relatie.code())
            .bind(lid.nareiziger)
            .execute(c)
            .await)
        .map_err(|e| {
            if StorageError::is_unique_violation(&e) {
                StorageError::Duplicate {
                    field: "leden",
                    existing: None,
                }
            } else {
                e.into()
            }
        })?;
    }
    Ok(())
}

pub async fn create(
    tx: &mut Tx,
    id: HuishoudenId,
    gemeente: OrganisatieId,
    omschrijving: &str,
    leden: &[LidInput],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    check_members(tx, gemeente, leden).await?;
    const SQL: &str = "INSERT INTO huishoudens (id, gemeente_id, omschrijving, versie, aangemaakt_op, gewijzigd_op) \
                       VALUES ($1, $2, $3, 1, $4, $5)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id.0)
        .bind(gemeente.0)
        .bind(omschrijving)
        .bind(now)
        .bind(now)
        .execute(c)
        .await)?;
    insert_members(tx, id, leden).await
}

/// Replaces description and members if `expected` is still the stored version.
pub async fn update(
    tx: &mut Tx,
    id: HuishoudenId,
    gemeente: OrganisatieId,
    omschrijving: &str,
    leden: &[LidInput],
    expected: i64,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE huishoudens SET omschrijving = $1, versie = versie + 1, gewijzigd_op = $2 \
                       WHERE id = $3 AND gemeente_id = $4 AND versie = $5";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(omschrijving)
        .bind(now)
        .bind(id.0)
        .bind(gemeente.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n != 1 {
        const CUR: &str = "SELECT versie FROM huishoudens WHERE id = $1 AND gemeente_id = $2";
        let cur: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
            .bind(id.0)
            .bind(gemeente.0)
            .fetch_optional(c)
            .await)?;
        return Err(match cur {
            Some(current) => StorageError::Conflict { expected, current },
            None => StorageError::NotFound,
        });
    }
    check_members(tx, gemeente, leden).await?;
    const DEL: &str = "DELETE FROM huishouden_leden WHERE huishouden_id = $1";
    on_tx_exec!(tx, |c| sqlx::query(DEL).bind(id.0).execute(c).await)?;
    insert_members(tx, id, leden).await?;
    Ok(expected + 1)
}

pub async fn get(db: &Db, scope: PersonScope, id: HuishoudenId) -> StorageResult<Household> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = "SELECT id, gemeente_id, omschrijving, versie FROM huishoudens WHERE id = $1 AND gemeente_id = $2";
    let head: Option<(Uuid, Uuid, String, i64)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    let (hid, gid, omschrijving, versie) = head.ok_or(StorageError::NotFound)?;
    const MEMBERS: &str = "SELECT l.persoon_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.geboortedatum, \
                           l.relatie, l.nareiziger FROM huishouden_leden l JOIN personen p ON p.id = l.persoon_id \
                           WHERE l.huishouden_id = $1 ORDER BY l.relatie = 'referentiepersoon' DESC, p.geboortedatum";
    let rows: Vec<MemberRow> =
        on_pool!(db, |p| sqlx::query_as(MEMBERS).bind(hid).fetch_all(p).await)?;
    let mut leden = Vec::with_capacity(rows.len());
    for r in rows {
        let relatie = Relatie::parse(&r.relatie)
            .ok_or_else(|| StorageError::Corrupt(format!("relatie {}", r.relatie)))?;
        leden.push(Member {
            persoon_id: PersonId(r.persoon_id),
            voornamen: r.voornamen,
            tussenvoegsel: r.tussenvoegsel,
            geslachtsnaam: r.geslachtsnaam,
            geboortedatum: r.geboortedatum,
            relatie,
            nareiziger: r.nareiziger,
        });
    }
    Ok(Household {
        id: HuishoudenId(hid),
        gemeente_id: OrganisatieId(gid),
        omschrijving,
        versie,
        leden,
    })
}

/// The household with this id, if any (a person's `huishouden_id`), within the scope.
pub async fn get_opt(
    db: &Db,
    scope: PersonScope,
    id: Option<HuishoudenId>,
) -> StorageResult<Option<Household>> {
    match id {
        Some(id) => Ok(Some(get(db, scope, id).await?)),
        None => Ok(None),
    }
}

/// The household a person belongs to, if any and if the scope allows it.
pub async fn of_person(
    db: &Db,
    scope: PersonScope,
    persoon: PersonId,
) -> StorageResult<Option<Household>> {
    const SQL: &str = "SELECT huishouden_id FROM huishouden_leden WHERE persoon_id = $1";
    let id: Option<Uuid> = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(persoon.0)
        .fetch_optional(p)
        .await)?;
    match id {
        Some(id) => Ok(Some(get(db, scope, HuishoudenId(id)).await?)),
        None => Ok(None),
    }
}

#[derive(Clone, sqlx::FromRow)]
pub struct HouseholdSummary {
    pub id: Uuid,
    pub omschrijving: String,
    pub leden: i64,
    pub versie: i64,
}

pub async fn list(
    db: &Db,
    scope: PersonScope,
    limit: i64,
    offset: i64,
) -> StorageResult<(Vec<HouseholdSummary>, i64)> {
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok((vec![], 0));
    };
    const SQL: &str = "SELECT h.id, h.omschrijving, h.versie, \
                       (SELECT COUNT(*) FROM huishouden_leden l WHERE l.huishouden_id = h.id) AS leden \
                       FROM huishoudens h WHERE h.gemeente_id = $1 ORDER BY h.omschrijving, h.id LIMIT $2 OFFSET $3";
    const COUNT: &str = "SELECT COUNT(*) FROM huishoudens WHERE gemeente_id = $1";
    let rows: Vec<HouseholdSummary> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?;
    let total: i64 = on_pool!(db, |p| sqlx::query_scalar(COUNT)
        .bind(gemeente.0)
        .fetch_one(p)
        .await)?;
    Ok((rows, total))
}

/// The members of these households of the gemeente in scope, as (household, person), for logging
/// what a household list showed.
pub async fn member_ids(
    db: &Db,
    scope: PersonScope,
    ids: &[Uuid],
) -> StorageResult<Vec<(HuishoudenId, PersonId)>> {
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok(vec![]);
    };
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<(Uuid, Uuid)> = on_pool!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT l.huishouden_id, l.persoon_id FROM huishouden_leden l \
             JOIN huishoudens h ON h.id = l.huishouden_id WHERE h.gemeente_id = ",
        );
        qb.push_bind(gemeente.0).push(" AND h.id IN (");
        let mut list = qb.separated(", ");
        for id in ids {
            list.push_bind(*id);
        }
        qb.push(") ORDER BY l.huishouden_id, l.persoon_id");
        qb.build_query_as().fetch_all(p).await
    })?;
    Ok(rows
        .into_iter()
        .map(|(h, p)| (HuishoudenId(h), PersonId(p)))
        .collect())
}
