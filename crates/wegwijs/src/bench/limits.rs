//! The physical limit of the same database: the SQL of a scenario run directly on the pools of
//! `wegwijs_storage::Db`, without HTTP, auth, templates or the audit batcher.
//!
//! `limit_dossier` commits every audit row in its own transaction (one sync per view). The server
//! groups audit rows of concurrent requests into one commit, so a scenario can beat this "limit".

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::{AuditAction, activiteit_for};
use wegwijs_storage::{Db, on_pool};

use super::access::BsnRange;
use super::driver::{OpResult, Plan, measure, pick};
use super::stats::Summary;
use super::subject::Subject;
use super::targets::Kind;

/// Runs `$body` with `$p` bound to the pool that writes: SQLite's single writer, or PostgreSQL's pool.
macro_rules! on_writer {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            Db::Sqlite { write: $p, .. } => $body,
            Db::Pg($p) => $body,
        }
    };
}

/// The dossier's read: the person with the names of its regisseur and last editor (as `persons::get`).
const READ_PERSON: &str = "SELECT p.*, r.naam AS regisseur_naam, w.naam AS gewijzigd_door_naam FROM personen p \
     LEFT JOIN gebruikers r ON r.id = p.regisseur_id LEFT JOIN gebruikers w ON w.id = p.gewijzigd_door \
     WHERE p.id = $1 AND p.gemeente_id = $2";

/// The audit row, as `wegwijs_storage::audit::insert` writes it.
const INSERT_AUDIT: &str = "INSERT INTO audit_log (tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, \
     persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL)";

/// The caseload page's two queries for "my caseload, my persons first, by name" (as `persons::list`).
const CASELOAD_COUNT: &str =
    "SELECT COUNT(*) FROM personen p WHERE p.gemeente_id = $1 AND p.regisseur_id = $2";
const CASELOAD_PAGE: &str = "SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.bsn, \
     p.v_nummer, p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, r.naam AS regisseur_naam, p.versie \
     FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id \
     WHERE p.gemeente_id = $1 AND p.regisseur_id = $2 \
     ORDER BY CASE WHEN p.regisseur_id = $3 THEN 0 ELSE 1 END, p.zoek_achternaam, p.zoek_voornamen, p.id \
     LIMIT $4 OFFSET $5";

/// The fields the `create_api` scenario sends, as the API stores them.
const INSERT_PERSON: &str = "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, bsn, voornamen, \
     geslachtsnaam, zoek_achternaam, zoek_voornamen, geboortedatum, geslacht, geboorteland, talen, doelgroep, regime, \
     aangemaakt_op, gewijzigd_op, gewijzigd_door) \
     VALUES ($1, $2, $3, 1, $4, 'Bench', 'Meting', 'meting', 'bench', $5, 'vrouw', 'Syrië', 'Arabisch', \
     'asielstatushouder', 'wi2021', $6, $6, $3)";

pub struct Limits {
    db: Db,
    gemeente: Uuid,
    user: Uuid,
    ids: Vec<Uuid>,
    bsns: Arc<BsnRange>,
}

fn fail(what: &str) -> impl Fn(sqlx::Error) -> String + '_ {
    move |e| format!("{what}: {e}")
}

impl Limits {
    pub fn new(db: &Db, subject: &Subject, bsns: Arc<BsnRange>) -> Limits {
        Limits {
            db: db.clone(),
            gemeente: subject.gemeente.0,
            user: subject.user.id.0,
            ids: subject.person_ids.clone(),
            bsns,
        }
    }

    async fn read_and_audit(self: Arc<Self>, i: u64) -> OpResult {
        let id = self
            .ids
            .get(pick(i, self.ids.len()))
            .copied()
            .unwrap_or_default();
        let found = on_pool!(&self.db, |p| sqlx::query(READ_PERSON)
            .bind(id)
            .bind(self.gemeente)
            .fetch_optional(p)
            .await
            .map(|row| row.is_some()))
        .map_err(fail("persoon lezen"))?;
        if !found {
            return Err(format!("persoon {id} niet gevonden"));
        }
        self.audit_alone(AuditAction::PersonRead, id).await
    }

    /// One audit row in a transaction of its own.
    async fn audit_alone(&self, action: AuditAction, person: Uuid) -> OpResult {
        let act = activiteit_for(action);
        on_writer!(&self.db, |p| async {
            let mut tx = p.begin().await?;
            sqlx::query(INSERT_AUDIT)
                .bind(Utc::now())
                .bind("bench-limiet")
                .bind(self.user)
                .bind(self.gemeente)
                .bind(self.gemeente)
                .bind(person)
                .bind(action.code())
                .bind(act.id)
                .bind(act.grondslag)
                .bind("cli")
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await)
        .map_err(fail("auditregel schrijven"))
    }

    async fn caseload(self: Arc<Self>, _i: u64) -> OpResult {
        let n: i64 = on_pool!(&self.db, |p| sqlx::query_scalar(CASELOAD_COUNT)
            .bind(self.gemeente)
            .bind(self.user)
            .fetch_one(p)
            .await)
        .map_err(fail("caseload tellen"))?;
        let rows = on_pool!(&self.db, |p| sqlx::query(CASELOAD_PAGE)
            .bind(self.gemeente)
            .bind(self.user)
            .bind(self.user)
            .bind(25_i64)
            .bind(0_i64)
            .fetch_all(p)
            .await
            .map(|rows| rows.len()))
        .map_err(fail("caseload lezen"))?;
        if n > 0 && rows == 0 {
            Err("lege caseloadpagina".into())
        } else {
            Ok(())
        }
    }

    /// One person and its audit row in one transaction.
    async fn create(self: Arc<Self>, _i: u64) -> OpResult {
        let bsn = self
            .bsns
            .next()
            .ok_or("de BSN-reeks van de benchmark is op")?;
        let id = Uuid::now_v7();
        let born = NaiveDate::from_ymd_opt(1990, 5, 17);
        let act = activiteit_for(AuditAction::PersonCreated);
        on_writer!(&self.db, |p| async {
            let now = Utc::now();
            let mut tx = p.begin().await?;
            sqlx::query(INSERT_PERSON)
                .bind(id)
                .bind(self.gemeente)
                .bind(self.user)
                .bind(&bsn)
                .bind(born)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(INSERT_AUDIT)
                .bind(now)
                .bind("bench-limiet")
                .bind(self.user)
                .bind(self.gemeente)
                .bind(self.gemeente)
                .bind(id)
                .bind(AuditAction::PersonCreated.code())
                .bind(act.id)
                .bind(act.grondslag)
                .bind("cli")
                .execute(&mut *tx)
                .await?;
            tx.commit().await
        }
        .await)
        .map_err(fail("persoon aanmaken"))
    }
}

/// Measures one limit; `None` for an HTTP scenario (see `http`).
pub async fn measure_limit(
    limits: &Arc<Limits>,
    kind: Kind,
    width: usize,
    plan: Plan,
) -> Option<Summary> {
    let l = limits.clone();
    Some(match kind {
        Kind::LimitDossier => measure(plan, width, move |i| l.clone().read_and_audit(i)).await,
        Kind::LimitCaseload => measure(plan, width, move |i| l.clone().caseload(i)).await,
        Kind::LimitCreate => measure(plan, width, move |i| l.clone().create(i)).await,
        _ => return None,
    })
}
