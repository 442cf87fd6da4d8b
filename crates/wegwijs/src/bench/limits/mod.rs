//! The physical limit of the same database: the SQL of a scenario run directly on the pools of
//! `wegwijs_storage::Db`, without HTTP, auth, templates or the audit batcher.
//!
//! `limit_dossier` commits every audit row in its own transaction (one sync per view). The server
//! groups audit rows of concurrent requests into one commit, so a scenario can beat this "limit".

mod sql;

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::audit::{self, AuditEntry, Bron};
use wegwijs_storage::persons::{self, ListQuery, RegisseurFilter};
use wegwijs_storage::{Db, on_pool, on_tx_exec};

use crate::bench::access::BsnRange;
use crate::bench::driver::{OpResult, Plan, measure, pick};
use crate::bench::stats::Summary;
use crate::bench::subject::Subject;
use crate::bench::targets::Kind;
use sql::{INSERT_PERSON, READ_PERSON};

pub struct Limits {
    db: Db,
    gemeente: Uuid,
    user: Uuid,
    ids: Vec<Uuid>,
    terms: Vec<String>,
    bsns: Arc<BsnRange>,
}

fn fail<E: std::fmt::Display>(what: &str) -> impl Fn(E) -> String + '_ {
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

    /// One audit row in a transaction of its own (chained, as `wegwijs_storage::audit::insert` does).
    async fn audit_alone(&self, action: AuditAction, person: Uuid) -> OpResult {
        async {
            let mut tx = self.db.begin().await?;
            audit::insert(&mut tx, &[self.entry(action, person)]).await?;
            tx.commit().await
        }
        .await
        .map_err(fail::<wegwijs_storage::StorageError>(
            "auditregel schrijven",
        ))
    }

    fn entry(&self, action: AuditAction, person: Uuid) -> AuditEntry {
        AuditEntry {
            tijdstip: Utc::now(),
            trace_id: "bench-limiet".into(),
            gebruiker_id: Some(GebruikerId(self.user)),
            organisatie_id: Some(OrganisatieId(self.gemeente)),
            gemeente_id: Some(OrganisatieId(self.gemeente)),
            persoon_id: Some(PersonId(person)),
            actie: action,
            bron: Bron::Cli,
            details: None,
        }
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
        async {
            let now = Utc::now();
            let mut tx = self.db.begin().await?;
            on_tx_exec!(&mut tx, |c| sqlx::query(INSERT_PERSON)
                .bind(id)
                .bind(self.gemeente)
                .bind(self.user)
                .bind(&bsn)
                .bind(born)
                .bind(now)
                .execute(c)
                .await)?;
            audit::insert(&mut tx, &[self.entry(AuditAction::PersonCreated, id)]).await?;
            tx.commit().await
        }
        .await
        .map_err(fail::<wegwijs_storage::StorageError>("persoon aanmaken"))
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
