//! Referrals and their steps. Reads for a partner go through the same scope helper as persons; a write
//! of a transition is a compare-and-set on `versie` plus one step row, in the caller's transaction
//! (which also holds the audit row).

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::{PartnerGrant, PersonScope};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::partners::verwijzing::VerwijzingStatus;
use wegwijs_domain::partners::verwijzing_input::NieuweVerwijzing;

use crate::scope::{Binder, active_statuses};
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VerwijzingRow {
    pub id: Uuid,
    pub gemeente_id: Uuid,
    pub persoon_id: Uuid,
    pub persoon_naam: String,
    pub partner_id: Uuid,
    pub partner_naam: String,
    pub aanbod_id: Uuid,
    pub aanbod_naam: String,
    pub eenheid: String,
    pub medewerker_id: Option<Uuid>,
    pub medewerker_naam: Option<String>,
    pub status: String,
    pub vraag: String,
    pub doel_ids: String,
    pub grondslag: String,
    pub toestemming_datum: Option<NaiveDate>,
    pub geldig_tot: NaiveDate,
    pub gezondheid_delen: bool,
    pub gezondheid_rechtvaardiging: Option<String>,
    pub verstuurd_op: NaiveDate,
    pub gestart_op: Option<NaiveDate>,
    pub beeindigd_op: Option<NaiveDate>,
    pub reden: Option<String>,
    pub toelichting: Option<String>,
    pub versie: i64,
}

impl VerwijzingRow {
    pub fn status(&self) -> StorageResult<VerwijzingStatus> {
        VerwijzingStatus::parse(&self.status)
            .ok_or_else(|| StorageError::Corrupt(format!("verwijzing.status {}", self.status)))
    }

    pub fn doelen(&self) -> Vec<Uuid> {
        serde_json::from_str(&self.doel_ids).unwrap_or_default()
    }
}

const SELECT: &str = "SELECT v.id, v.gemeente_id, v.persoon_id, \
     TRIM(p.voornamen || ' ' || COALESCE(p.tussenvoegsel || ' ', '') || p.geslachtsnaam) AS persoon_naam, \
     v.partner_id, o.naam AS partner_naam, v.aanbod_id, a.naam AS aanbod_naam, a.eenheid, \
     v.medewerker_id, g.naam AS medewerker_naam, v.status, v.vraag, v.doel_ids, v.grondslag, v.toestemming_datum, \
     v.geldig_tot, v.gezondheid_delen, v.gezondheid_rechtvaardiging, v.verstuurd_op, v.gestart_op, v.beeindigd_op, \
     v.reden, v.toelichting, v.versie \
     FROM verwijzingen v JOIN personen p ON p.id = v.persoon_id JOIN organisaties o ON o.id = v.partner_id \
     JOIN aanbod a ON a.id = v.aanbod_id LEFT JOIN gebruikers g ON g.id = v.medewerker_id";

async fn fetch(db: &Db, sql: String, binds: Vec<Uuid>) -> StorageResult<Vec<VerwijzingRow>> {
    Ok(on_pool!(db, |p| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(*b);
        }
        q.fetch_all(p).await
    })?)
}

/// One referral, whoever it is for: the caller decides access with `authz::can` on its facts.
pub async fn get(db: &Db, id: Uuid) -> StorageResult<VerwijzingRow> {
    fetch(db, format!("{SELECT} WHERE v.id = $1"), vec![id])
        .await?
        .into_iter()
        .next()
        .ok_or(StorageError::NotFound)
}

/// The referrals of one person within the gemeente scope (newest first).
pub async fn of_person(
    db: &Db,
    gemeente: OrganisatieId,
    persoon: PersonId,
) -> StorageResult<Vec<VerwijzingRow>> {
    let sql = format!(
        "{SELECT} WHERE v.persoon_id = $1 AND v.gemeente_id = $2 ORDER BY v.aangemaakt_op DESC, v.id"
    );
    fetch(db, sql, vec![persoon.0, gemeente.0]).await
}

/// Which referrals a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Sent, accepted or started: the work to do.
    Lopend,
    /// Every referral, ended ones included.
    Alle,
}

/// The referrals a scope sees: a gemeente's, or a partner's (a worker's: assigned to them). Pages by
/// offset: a partner's list is hundreds, not hundreds of thousands.
pub async fn list(
    db: &Db,
    scope: PersonScope,
    filter: Filter,
    persoon: Option<PersonId>,
    limit: i64,
    offset: i64,
) -> StorageResult<Vec<VerwijzingRow>> {
    let mut b = Binder::starting_at(1);
    let mut conds = match scope {
        PersonScope::Nothing => return Ok(vec![]),
        PersonScope::Gemeente(g) => vec![format!("v.gemeente_id = {}", b.bind(g.0))],
        PersonScope::Verwijzingen(PartnerGrant {
            partner_id,
            medewerker_id,
        }) => {
            let mut c = vec![format!("v.partner_id = {}", b.bind(partner_id.0))];
            if let Some(m) = medewerker_id {
                c.push(format!("v.medewerker_id = {}", b.bind(m.0)));
            }
            c
        }
    };
    if filter == Filter::Lopend {
        conds.push(format!("v.status IN ('verstuurd', {})", active_statuses()));
    }
    if let Some(p) = persoon {
        conds.push(format!("v.persoon_id = {}", b.bind(p.0)));
    }
    let sql = format!(
        "{SELECT} WHERE {} ORDER BY v.aangemaakt_op DESC, v.id LIMIT {} OFFSET {}",
        conds.join(" AND "),
        limit.clamp(1, 500),
        offset.max(0)
    );
    fetch(db, sql, b.values).await
}

/// Inserts a sent referral and its first step.
#[allow(clippy::too_many_arguments)]
pub async fn insert(
    tx: &mut Tx,
    id: Uuid,
    gemeente: OrganisatieId,
    persoon: PersonId,
    partner: OrganisatieId,
    v: &NieuweVerwijzing,
    door: Option<GebruikerId>,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    let doelen =
        serde_json::to_string(&v.doel_ids).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    const SQL: &str = "INSERT INTO verwijzingen (id, gemeente_id, persoon_id, partner_id, aanbod_id, medewerker_id, status, vraag, doel_ids, \
         grondslag, toestemming_datum, geldig_tot, gezondheid_delen, gezondheid_rechtvaardiging, verstuurd_op, versie, aangemaakt_door, aangemaakt_op, gewijzigd_op) \
         VALUES ($1, $2, $3, $4, $5, $6, 'verstuurd', $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $16, $16)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(gemeente.0)
        .bind(persoon.0)
        .bind(partner.0)
        .bind(v.aanbod_id)
        .bind(v.medewerker_id)
        .bind(&v.vraag)
        .bind(&doelen)
        .bind(v.grondslag.code())
        .bind(v.toestemming_datum)
        .bind(v.geldig_tot)
        .bind(v.gezondheid_delen)
        .bind(&v.gezondheid_rechtvaardiging)
        .bind(now.date_naive())
        .bind(door.map(|d| d.0))
        .bind(now)
        .execute(c)
        .await)?;
    insert_step(
        tx,
        id,
        VerwijzingStatus::Verstuurd,
        now.date_naive(),
        None,
        None,
        door,
        now,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn insert_step(
    tx: &mut Tx,
    verwijzing: Uuid,
    status: VerwijzingStatus,
    datum: NaiveDate,
    reden: Option<&str>,
    toelichting: Option<&str>,
    door: Option<GebruikerId>,
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO verwijzing_stappen (id, verwijzing_id, status, datum, reden, toelichting, door, op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(Uuid::now_v7())
        .bind(verwijzing)
        .bind(status.code())
        .bind(datum)
        .bind(reden)
        .bind(toelichting)
        .bind(door.map(|d| d.0))
        .bind(now)
        .execute(c)
        .await)?;
    Ok(())
}

/// A transition, as decided by the domain: the new state with its date and reason.
#[derive(Debug, Clone)]
pub struct Stap {
    pub status: VerwijzingStatus,
    pub datum: NaiveDate,
    pub reden: Option<String>,
    pub toelichting: Option<String>,
}

/// Moves the referral to `stap.status` if it is still at `expected` version; returns the new version.
pub async fn transition(
    tx: &mut Tx,
    id: Uuid,
    expected: i64,
    stap: &Stap,
    door: Option<GebruikerId>,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    let start = (stap.status == VerwijzingStatus::Gestart).then_some(stap.datum);
    let end = stap.status.is_eind().then_some(stap.datum);
    const SQL: &str = "UPDATE verwijzingen SET status = $1, gestart_op = COALESCE($2, gestart_op), beeindigd_op = COALESCE($3, beeindigd_op), \
         reden = COALESCE($4, reden), toelichting = COALESCE($5, toelichting), versie = versie + 1, gewijzigd_op = $6 \
         WHERE id = $7 AND versie = $8";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(stap.status.code())
        .bind(start)
        .bind(end)
        .bind(&stap.reden)
        .bind(&stap.toelichting)
        .bind(now)
        .bind(id)
        .bind(expected)
        .execute(c)
        .await)?;
    if n == 0 {
        return Err(conflict(tx, id, expected).await);
    }
    insert_step(
        tx,
        id,
        stap.status,
        stap.datum,
        stap.reden.as_deref(),
        stap.toelichting.as_deref(),
        door,
        now,
    )
    .await?;
    Ok(expected + 1)
}

/// Assigns the referral to a worker of the partner (the coordinator's act).
pub async fn assign(
    tx: &mut Tx,
    id: Uuid,
    expected: i64,
    medewerker: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const SQL: &str = "UPDATE verwijzingen SET medewerker_id = $1, versie = versie + 1, gewijzigd_op = $2 WHERE id = $3 AND versie = $4";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(medewerker.0)
        .bind(now)
        .bind(id)
        .bind(expected)
        .execute(c)
        .await)?;
    if n == 0 {
        return Err(conflict(tx, id, expected).await);
    }
    Ok(expected + 1)
}

async fn conflict(tx: &mut Tx, id: Uuid, expected: i64) -> StorageError {
    const CUR: &str = "SELECT versie FROM verwijzingen WHERE id = $1";
    let cur: Result<Option<i64>, sqlx::Error> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
        .bind(id)
        .fetch_optional(c)
        .await);
    match cur {
        Ok(Some(current)) => StorageError::Conflict { expected, current },
        Ok(None) => StorageError::NotFound,
        Err(e) => e.into(),
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StapRow {
    pub status: String,
    pub datum: NaiveDate,
    pub reden: Option<String>,
    pub toelichting: Option<String>,
    pub door_naam: Option<String>,
    pub op: DateTime<Utc>,
}

/// The history of a referral, oldest first.
pub async fn steps(db: &Db, id: Uuid) -> StorageResult<Vec<StapRow>> {
    const SQL: &str = "SELECT s.status, s.datum, s.reden, s.toelichting, g.naam AS door_naam, s.op \
         FROM verwijzing_stappen s LEFT JOIN gebruikers g ON g.id = s.door WHERE s.verwijzing_id = $1 ORDER BY s.op, s.id";
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id)
        .fetch_all(p)
        .await)?)
}

/// The referrals through which a partner scope sees these persons now (for the legal basis of each
/// audit row of a list page).
pub async fn active_for(
    db: &Db,
    grant: PartnerGrant,
    persons: &[PersonId],
) -> StorageResult<Vec<VerwijzingRow>> {
    if persons.is_empty() {
        return Ok(vec![]);
    }
    let mut b = Binder::starting_at(1);
    let partner = b.bind(grant.partner_id.0);
    let worker = grant
        .medewerker_id
        .map(|m| format!(" AND v.medewerker_id = {}", b.bind(m.0)))
        .unwrap_or_default();
    let ids: Vec<String> = persons.iter().map(|p| b.bind(p.0)).collect();
    let sql = format!(
        "{SELECT} WHERE v.partner_id = {partner}{worker} AND v.status IN ({}) AND v.persoon_id IN ({}) \
         ORDER BY v.aangemaakt_op DESC, v.id",
        active_statuses(),
        ids.join(", ")
    );
    fetch(db, sql, b.values).await
}
