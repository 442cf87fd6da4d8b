//! The verwerkingenlog (audit log). Append only: this module has no update or delete, and the
//! database refuses them with a trigger. Rows are written in the transaction of the change they record.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::{AuditAction, activiteit_for};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx_exec};

/// Where a processing came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bron {
    Ui,
    Api,
    Cli,
    /// Background work of Wegwijs itself (DUO exchange, deadline checks).
    Systeem,
}

impl Bron {
    pub fn code(self) -> &'static str {
        match self {
            Bron::Ui => "ui",
            Bron::Api => "api",
            Bron::Cli => "cli",
            Bron::Systeem => "systeem",
        }
    }
}

/// Who acts, for which request: the part of an audit row that is the same for a whole request.
#[derive(Debug, Clone)]
pub struct AuditContext {
    pub trace_id: String,
    pub gebruiker_id: Option<GebruikerId>,
    pub organisatie_id: Option<OrganisatieId>,
    pub bron: Bron,
}

#[derive(Debug, Clone)]
pub struct AuditEntry {
    pub tijdstip: DateTime<Utc>,
    pub trace_id: String,
    pub gebruiker_id: Option<GebruikerId>,
    pub organisatie_id: Option<OrganisatieId>,
    pub gemeente_id: Option<OrganisatieId>,
    pub persoon_id: Option<PersonId>,
    pub actie: AuditAction,
    pub bron: Bron,
    /// Which fields, filters or counts were involved; never the personal data itself.
    pub details: Option<String>,
}

impl AuditContext {
    pub fn entry(
        &self,
        now: DateTime<Utc>,
        actie: AuditAction,
        gemeente: Option<OrganisatieId>,
        persoon: Option<PersonId>,
        details: Option<String>,
    ) -> AuditEntry {
        AuditEntry {
            tijdstip: now,
            trace_id: self.trace_id.clone(),
            gebruiker_id: self.gebruiker_id,
            organisatie_id: self.organisatie_id,
            gemeente_id: gemeente,
            persoon_id: persoon,
            actie,
            bron: self.bron,
            details,
        }
    }
}

const INSERT: &str = "INSERT INTO audit_log (tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, persoon_id, \
                      actie, verwerkingsactiviteit, grondslag, bron, details) ";

/// Inserts a probe row with the id 0, which the id sequences never hand out: the caller rolls it back.
/// An explicit id keeps the sequence untouched, so health probes leave no gaps in the audit ids.
pub async fn insert_probe(tx: &mut Tx, now: DateTime<Utc>) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO audit_log (id, tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, \
                       persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details) \
                       VALUES (0, $1, 'health-probe', NULL, NULL, NULL, NULL, $2, $3, $4, 'cli', 'rolled back')";
    let act = activiteit_for(AuditAction::PersonRead);
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(now)
        .bind(AuditAction::PersonRead.code())
        .bind(act.id)
        .bind(act.grondslag)
        .execute(c)
        .await)?;
    Ok(())
}

/// Rows per statement: 11 values each stays far below both databases' parameter limits.
const ROWS_PER_STATEMENT: usize = 500;

/// Inserts the rows with as few statements as possible (a caseload page logs 25 rows at once).
pub async fn insert(tx: &mut Tx, entries: &[AuditEntry]) -> StorageResult<()> {
    for chunk in entries.chunks(ROWS_PER_STATEMENT) {
        on_tx_exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(INSERT);
            qb.push_values(chunk, |mut b, e| {
                let act = activiteit_for(e.actie);
                b.push_bind(e.tijdstip)
                    .push_bind(e.trace_id.clone())
                    .push_bind(e.gebruiker_id.map(|g| g.0))
                    .push_bind(e.organisatie_id.map(|o| o.0))
                    .push_bind(e.gemeente_id.map(|o| o.0))
                    .push_bind(e.persoon_id.map(|p| p.0))
                    .push_bind(e.actie.code())
                    .push_bind(act.id)
                    .push_bind(act.grondslag)
                    .push_bind(e.bron.code())
                    .push_bind(e.details.clone());
            });
            qb.build().execute(c).await
        })?;
    }
    Ok(())
}

/// An audit row as shown in "wie heeft dit dossier gezien" and the privacy officer's log.
#[derive(Debug, Clone)]
pub struct AuditRecord {
    pub id: i64,
    pub tijdstip: DateTime<Utc>,
    pub trace_id: String,
    pub gebruiker_naam: Option<String>,
    pub organisatie_naam: Option<String>,
    pub persoon_id: Option<PersonId>,
    pub actie: AuditAction,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    pub bron: String,
    pub details: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    tijdstip: DateTime<Utc>,
    trace_id: String,
    gebruiker_naam: Option<String>,
    organisatie_naam: Option<String>,
    persoon_id: Option<Uuid>,
    actie: String,
    verwerkingsactiviteit: String,
    grondslag: String,
    bron: String,
    details: Option<String>,
}

impl TryFrom<Row> for AuditRecord {
    type Error = StorageError;
    fn try_from(r: Row) -> StorageResult<Self> {
        let actie = AuditAction::parse(&r.actie)
            .ok_or_else(|| StorageError::Corrupt(format!("actie {}", r.actie)))?;
        Ok(AuditRecord {
            id: r.id,
            tijdstip: r.tijdstip,
            trace_id: r.trace_id,
            gebruiker_naam: r.gebruiker_naam,
            organisatie_naam: r.organisatie_naam,
            persoon_id: r.persoon_id.map(PersonId),
            actie,
            verwerkingsactiviteit: r.verwerkingsactiviteit,
            grondslag: r.grondslag,
            bron: r.bron,
            details: r.details,
        })
    }
}

macro_rules! select_audit {
    ($where:literal) => {
        concat!(
            "SELECT a.id, a.tijdstip, a.trace_id, g.naam AS gebruiker_naam, o.naam AS organisatie_naam, a.persoon_id, \
             a.actie, a.verwerkingsactiviteit, a.grondslag, a.bron, a.details \
             FROM audit_log a LEFT JOIN gebruikers g ON g.id = a.gebruiker_id \
             LEFT JOIN organisaties o ON o.id = a.organisatie_id ",
            $where,
            " ORDER BY a.id DESC LIMIT $2 OFFSET $3"
        )
    };
}

/// Everything recorded about one person, newest first.
pub async fn for_person(
    db: &Db,
    persoon: PersonId,
    limit: i64,
    offset: i64,
) -> StorageResult<Vec<AuditRecord>> {
    const SQL: &str = select_audit!("WHERE a.persoon_id = $1");
    let rows: Vec<Row> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(persoon.0)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?;
    rows.into_iter().map(AuditRecord::try_from).collect()
}

/// Everything recorded within one gemeente, newest first (privacy officer).
pub async fn for_gemeente(
    db: &Db,
    gemeente: OrganisatieId,
    limit: i64,
    offset: i64,
) -> StorageResult<Vec<AuditRecord>> {
    const SQL: &str = select_audit!("WHERE a.gemeente_id = $1");
    let rows: Vec<Row> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(limit)
        .bind(offset)
        .fetch_all(p)
        .await)?;
    rows.into_iter().map(AuditRecord::try_from).collect()
}

/// Number of rows about a person (tests and the who-saw pager).
pub async fn count_for_person(db: &Db, persoon: PersonId) -> StorageResult<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM audit_log WHERE persoon_id = $1";
    Ok(on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(persoon.0)
        .fetch_one(p)
        .await)?)
}
