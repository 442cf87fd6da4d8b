//! The physical limit of the same database: the SQL of a scenario run directly on the pools of
//! `wegwijs_storage::Db`, without HTTP, auth, templates or the audit batcher.
//!
//! `limit_dossier` commits every audit row in its own transaction (one sync per view). The server
//! groups audit rows of concurrent requests into one commit, so a scenario can beat this "limit".

mod sql;

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::{AuditAction, activiteit_for};
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_storage::persons::{self, ListQuery, RegisseurFilter};
use wegwijs_storage::{Db, on_pool};

use crate::bench::access::BsnRange;
use crate::bench::driver::{OpResult, Plan, measure, pick};
use crate::bench::stats::Summary;
use crate::bench::subject::Subject;
use crate::bench::targets::Kind;
use sql::{INSERT_AUDIT, INSERT_PERSON, READ_PERSON};

/// Runs `$body` with `$p` bound to the pool that writes: SQLite's single writer, or PostgreSQL's pool.
macro_rules! on_writer {
    ($db:expr, |$p:ident| $body:expr) => {
        match $db {
            Db::Sqlite { write: $p, .. } => $body,
            Db::Pg($p) => $body,
        }
    };
}

pub struct Limits {
    db: Db,
    gemeente: Uuid,
    user: Uuid,
    ids: Vec<Uuid>,
    terms: Vec<String>,
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
            terms: subject.search_terms.clone(),
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
        self.list(ListQuery {
            regisseur: RegisseurFilter::Van(GebruikerId(self.user)),
            ..self.query()
        })
        .await
    }

    /// The storage layer's own list query (count + page of 25), called directly: the same SQL the
    /// pages run, without HTTP, session, audit or templates.
    fn query(&self) -> ListQuery {
        ListQuery {
            eigen_eerst: Some(GebruikerId(self.user)),
            per_pagina: 25,
            pagina: 1,
            ..ListQuery::default()
        }
    }

    async fn list(&self, q: ListQuery) -> OpResult {
        let scope = PersonScope::Gemeente(OrganisatieId(self.gemeente));
        let page = persons::list(&self.db, scope, &q)
            .await
            .map_err(|e| format!("lijst lezen: {e}"))?;
        if page.totaal > 0 && page.items.is_empty() {
            Err("lege pagina".into())
        } else {
            Ok(())
        }
    }

    /// The search of the `search` scenario: a name prefix or a BSN, whole gemeente, own persons first.
    async fn search(self: Arc<Self>, i: u64) -> OpResult {
        let term = self
            .terms
            .get(pick(i, self.terms.len()))
            .cloned()
            .unwrap_or_default();
        self.list(ListQuery {
            zoek: Some(term),
            regisseur: RegisseurFilter::Alle,
            ..self.query()
        })
        .await
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
        Kind::LimitSearch => measure(plan, width, move |i| l.clone().search(i)).await,
        Kind::LimitCreate => measure(plan, width, move |i| l.clone().create(i)).await,
        _ => return None,
    })
}
