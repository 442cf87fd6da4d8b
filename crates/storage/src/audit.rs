//! The verwerkingenlog (audit log). Append only: this module has no update or delete, and the
//! database refuses them with a trigger. Rows are written in the transaction of the change they record,
//! each one linked into its gemeente's hash chain (`audit_chain.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::{AuditAction, Verwerkingsactiviteit, activiteit_for};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

use crate::audit_chain::{ChainRow, GENESIS, chain_key, truncate_to_micros};
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

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
    /// Set when the processing rests on a basis of its own rather than the action's activity: a
    /// partner's read through a referral carries that referral's legal basis.
    pub grondslag: Option<Grondslag>,
}

/// The processing activity and legal basis of one row, when not the action's default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grondslag {
    pub activiteit: Verwerkingsactiviteit,
    pub tekst: String,
}

impl AuditEntry {
    /// This row under `grondslag` instead of the action's own activity.
    pub fn onder(mut self, grondslag: Grondslag) -> AuditEntry {
        self.grondslag = Some(grondslag);
        self
    }
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
            grondslag: None,
        }
    }
}

const INSERT: &str = "INSERT INTO audit_log (id, volgnummer, tijdstip, trace_id, gebruiker_id, organisatie_id, \
                      gemeente_id, persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details, vorige_hash, hash) ";

/// Rows per statement: 15 values each stays far below both databases' parameter limits.
const ROWS_PER_STATEMENT: usize = 500;

/// Creates the missing chain heads and locks the heads of `keys` (sorted, so concurrent writers take
/// them in the same order), returning each chain's last (volgnummer, hash). A no-op DO UPDATE is the
/// PostgreSQL way to lock an existing row and create a missing one in one statement; RETURNING gives
/// the row as it was.
const LOCK_HEADS: &str = "INSERT INTO audit_ketenkop (gemeente_id, volgnummer, hash) ";
const LOCK_HEADS_TAIL: &str = " ON CONFLICT (gemeente_id) DO UPDATE SET volgnummer = audit_ketenkop.volgnummer \
                               RETURNING gemeente_id, volgnummer, hash";
const SET_HEADS_TAIL: &str = " ON CONFLICT (gemeente_id) DO UPDATE SET volgnummer = excluded.volgnummer, hash = excluded.hash";

/// Appends the rows to their gemeente's hash chain (see [`crate::audit_chain`]) with as few statements
/// as possible (a caseload page logs 25 rows at once).
///
/// Call it as the **last statement before commit**, once per transaction: on PostgreSQL it locks the
/// heads of the chains it extends until the transaction ends, so every other writer to those gemeenten
/// waits for this commit.
pub async fn insert(tx: &mut Tx, entries: &[AuditEntry]) -> StorageResult<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let mut keys: Vec<Uuid> = entries
        .iter()
        .map(|e| chain_key(e.gemeente_id.map(|g| g.0)))
        .collect();
    keys.sort_unstable();
    keys.dedup();

    // 1. Lock the chain heads.
    let heads: Vec<(Uuid, i64, String)> = on_tx!(tx, |c| {
        let mut qb = sqlx::QueryBuilder::new(LOCK_HEADS);
        qb.push_values(&keys, |mut b, k| {
            b.push_bind(*k).push_bind(0i64).push_bind(GENESIS);
        });
        qb.push(LOCK_HEADS_TAIL);
        qb.build_query_as().fetch_all(c).await
    })?;
    let mut state: HashMap<Uuid, (i64, String)> =
        heads.into_iter().map(|(k, n, h)| (k, (n, h))).collect();

    // 2. Ids, taken after the locks: within a chain, ids rise with the volgnummer.
    let n = i64::try_from(entries.len()).unwrap_or(i64::MAX);
    let ids: Vec<i64> = match tx {
        Tx::Sqlite(t) => {
            // The single writer: the next ids are free until this transaction ends.
            let last: i64 = sqlx::query_scalar(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0), \
                 COALESCE((SELECT MAX(id) FROM audit_log), 0))",
            )
            .fetch_one(&mut **t)
            .await?;
            (last + 1..=last + n).collect()
        }
        Tx::Pg(t) => {
            sqlx::query_scalar(
                "SELECT nextval('audit_log_id_seq') FROM generate_series(1, $1::BIGINT) ORDER BY 1",
            )
            .bind(n)
            .fetch_all(&mut **t)
            .await?
        }
    };

    // 3. The rows with their chain columns.
    let mut rows = Vec::with_capacity(entries.len());
    for (e, id) in entries.iter().zip(ids) {
        let key = chain_key(e.gemeente_id.map(|g| g.0));
        let (last_nr, last_hash) = state
            .get(&key)
            .cloned()
            .ok_or_else(|| StorageError::Corrupt(format!("audit chain head {key} not locked")))?;
        let default = activiteit_for(e.actie);
        let (act_id, grondslag) = match &e.grondslag {
            Some(g) => (g.activiteit.id, g.tekst.clone()),
            None => (default.id, default.grondslag.to_string()),
        };
        let row = ChainRow {
            id,
            volgnummer: last_nr + 1,
            tijdstip: truncate_to_micros(e.tijdstip),
            trace_id: e.trace_id.clone(),
            gebruiker_id: e.gebruiker_id.map(|g| g.0),
            organisatie_id: e.organisatie_id.map(|o| o.0),
            gemeente_id: e.gemeente_id.map(|o| o.0),
            persoon_id: e.persoon_id.map(|p| p.0),
            actie: e.actie.code().to_string(),
            verwerkingsactiviteit: act_id.to_string(),
            grondslag,
            bron: e.bron.code().to_string(),
            details: e.details.clone(),
            vorige_hash: last_hash,
        };
        let hash = row.hash();
        state.insert(key, (row.volgnummer, hash.clone()));
        rows.push((row, hash));
    }

    // 4. Insert them.
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        on_tx_exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(INSERT);
            qb.push_values(chunk, |mut b, (r, hash)| {
                b.push_bind(r.id)
                    .push_bind(r.volgnummer)
                    .push_bind(r.tijdstip)
                    .push_bind(r.trace_id.clone())
                    .push_bind(r.gebruiker_id)
                    .push_bind(r.organisatie_id)
                    .push_bind(r.gemeente_id)
                    .push_bind(r.persoon_id)
                    .push_bind(r.actie.clone())
                    .push_bind(r.verwerkingsactiviteit.clone())
                    .push_bind(r.grondslag.clone())
                    .push_bind(r.bron.clone())
                    .push_bind(r.details.clone())
                    .push_bind(r.vorige_hash.clone())
                    .push_bind(hash.clone());
            });
            qb.build().execute(c).await
        })?;
    }

    // 5. Move the heads.
    on_tx_exec!(tx, |c| {
        let mut qb = sqlx::QueryBuilder::new(LOCK_HEADS);
        qb.push_values(&keys, |mut b, k| {
            let (nr, hash) = state.get(k).cloned().unwrap_or((0, GENESIS.to_string()));
            b.push_bind(*k).push_bind(nr).push_bind(hash);
        });
        qb.push(SET_HEADS_TAIL);
        qb.build().execute(c).await
    })?;
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
            " ORDER BY a.tijdstip DESC, a.id DESC LIMIT $2 OFFSET $3"
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
