//! Limit (a) of every scenario: the same storage calls the server makes (the same SQL), without HTTP,
//! sessions or templates, on connections held by the load (one private connection each, as many as the
//! server's pool: `--db-connections`), with the audit rows handed to the server's own group-commit
//! audit writer and registrations to its write batcher. Only what the database and the audit guarantee
//! cost remains.
//!
//! And the disk: `fsync` writes 4 KiB and syncs it, one at a time, beside the database.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::{PersonDetails, RawPerson};
use wegwijs_storage::audit::{self, AuditContext, AuditEntry, Bron};
use wegwijs_storage::audit_batcher::AuditBatcher;
use wegwijs_storage::persons::{self, ListQuery, RegisseurFilter};
use wegwijs_storage::write_batcher::WriteBatcher;
use wegwijs_storage::{Db, households};

use crate::bench::access::BsnRange;
use crate::bench::driver::{OpResult, Plan, measure, pick};
use crate::bench::listing::{self, Pages};
use crate::bench::stats::Summary;
use crate::bench::subject::Subject;
use crate::bench::targets::Kind;
use crate::bench::traject_subject::TrajectRun;

// Trajectory (issue 7).
mod trajectory;
use trajectory::TrajectLimits;
// End trajectory.

pub struct Limits {
    /// One `Db` per held connection, sharing the writer.
    held: Vec<Db>,
    audit: AuditBatcher,
    writes: WriteBatcher,
    gemeente: OrganisatieId,
    user: GebruikerId,
    ids: Vec<Uuid>,
    terms: Vec<String>,
    bsns: Arc<BsnRange>,
    pages: Arc<Pages>,
    /// A file beside the database for the fsync measurement.
    sync_file: PathBuf,
    /// Only when a trajectory limit is selected.
    traject: Option<TrajectLimits>,
}

pub struct LimitsInput<'a> {
    pub db: &'a Db,
    pub url: &'a str,
    pub connections: usize,
    pub audit: AuditBatcher,
    pub writes: WriteBatcher,
    pub subject: &'a Subject,
    pub bsns: Arc<BsnRange>,
    pub pages: Arc<Pages>,
    pub sync_dir: PathBuf,
    pub traject: Option<&'a TrajectRun>,
}

impl Limits {
    pub async fn new(input: LimitsInput<'_>) -> anyhow::Result<Limits> {
        let mut held = Vec::new();
        for _ in 0..input.connections.max(1) {
            held.push(input.db.with_own_reader(input.url).await?);
        }
        let traject = input.traject.map(TrajectLimits::new);
        Ok(Limits {
            held,
            audit: input.audit,
            writes: input.writes,
            gemeente: input.subject.gemeente,
            user: input.subject.user.id,
            ids: input.subject.person_ids.clone(),
            terms: input.subject.search_terms.clone(),
            bsns: input.bsns,
            pages: input.pages,
            sync_file: input
                .sync_dir
                .join(format!("wegwijs-bench-fsync-{}", Uuid::now_v7().simple())),
            traject,
        })
    }

    pub async fn close(&self) {
        for db in &self.held {
            if let Db::Sqlite { read, .. } = db {
                read.close().await;
            } else {
                db.close().await;
            }
        }
        let _ = std::fs::remove_file(&self.sync_file);
    }

    fn db(&self, task: usize) -> &Db {
        &self.held[task % self.held.len()]
    }

    fn scope(&self) -> PersonScope {
        PersonScope::Gemeente(self.gemeente)
    }

    fn audit_ctx(&self) -> AuditContext {
        AuditContext {
            trace_id: format!("bench-limiet-{}", Uuid::now_v7()),
            gebruiker_id: Some(self.user),
            organisatie_id: Some(self.gemeente),
            bron: Bron::Ui,
        }
    }

    /// As `app::persons::view`: the person, its household, and the audit rows of both.
    async fn dossier(self: Arc<Self>, task: usize, i: u64) -> OpResult {
        let id = PersonId(
            self.ids
                .get(pick(i, self.ids.len()))
                .copied()
                .unwrap_or_default(),
        );
        let db = self.db(task);
        let person = persons::get(db, self.scope(), id)
            .await
            .map_err(|e| format!("persoon lezen: {e}"))?;
        let household = households::get_opt(db, self.scope(), person.huishouden_id)
            .await
            .map_err(|e| format!("huishouden lezen: {e}"))?;
        let ctx = self.audit_ctx();
        let now = Utc::now();
        let mut entries = vec![ctx.entry(
            now,
            AuditAction::PersonRead,
            Some(self.gemeente),
            Some(id),
            None,
        )];
        for lid in household
            .iter()
            .flat_map(|h| &h.leden)
            .filter(|l| l.persoon_id != id)
        {
            entries.push(ctx.entry(
                now,
                AuditAction::PersonListed,
                Some(self.gemeente),
                Some(lid.persoon_id),
                Some(format!("huishouden van {id}")),
            ));
        }
        self.audit
            .record(entries)
            .await
            .map_err(|e| format!("audit: {e}"))
    }

    /// As `app::persons::list`: the page, one audit row per person shown and, for a search, one row
    /// for the search itself (its details hold a keyed hash of the term, as long as the app's).
    async fn list(&self, task: usize, q: ListQuery) -> OpResult {
        let page = persons::list(self.db(task), self.scope(), &q)
            .await
            .map_err(|e| format!("lijst lezen: {e}"))?;
        if page.totaal > 0 && page.items.is_empty() {
            return Err("lege pagina".into());
        }
        let ctx = self.audit_ctx();
        let now = Utc::now();
        let details = Some(format!("lijst pagina {}", page.pagina));
        let mut entries: Vec<AuditEntry> = page
            .items
            .iter()
            .map(|p| {
                ctx.entry(
                    now,
                    AuditAction::PersonListed,
                    Some(self.gemeente),
                    Some(p.person_id()),
                    details.clone(),
                )
            })
            .collect();
        if q.zoek.is_some() {
            entries.push(ctx.entry(
                now,
                AuditAction::PersonSearched,
                Some(self.gemeente),
                None,
                Some(format!(
                    "zoekterm {} ({} treffers)",
                    "0".repeat(64),
                    page.totaal
                )),
            ));
        }
        self.audit
            .record(entries)
            .await
            .map_err(|e| format!("audit: {e}"))
    }

    fn term(&self, i: u64) -> String {
        self.terms
            .get(pick(i, self.terms.len()))
            .cloned()
            .unwrap_or_default()
    }

    /// The caseload page's query (`/caseload` of a regisseur).
    fn caseload_query(&self) -> ListQuery {
        ListQuery {
            regisseur: RegisseurFilter::Van(self.user),
            eigen_eerst: Some(self.user),
            per_pagina: 25,
            pagina: 1,
            ..ListQuery::default()
        }
    }

    async fn caseload(self: Arc<Self>, task: usize, _i: u64) -> OpResult {
        self.list(task, self.caseload_query()).await
    }

    async fn search(self: Arc<Self>, task: usize, i: u64) -> OpResult {
        let q = ListQuery {
            zoek: Some(self.term(i)),
            regisseur: RegisseurFilter::Alle,
            ..self.caseload_query()
        };
        self.list(task, q).await
    }

    async fn list_100k(self: Arc<Self>, task: usize, i: u64) -> OpResult {
        let page = pick(i, self.pages.len());
        let mut q = listing::api_query(self.pages.cursor(page));
        q.pagina = u32::try_from(page + 1).unwrap_or(u32::MAX);
        self.list(task, q).await
    }

    async fn list_100k_search(self: Arc<Self>, task: usize, i: u64) -> OpResult {
        let q = ListQuery {
            zoek: Some(self.term(i)),
            ..listing::api_query(None)
        };
        self.list(task, q).await
    }

    /// As `app::persons::create` through the API: validate, then the record and its audit row in one
    /// write of the write batcher.
    async fn create(self: Arc<Self>, _task: usize, _i: u64) -> OpResult {
        let bsn = self
            .bsns
            .next()
            .ok_or("de BSN-reeks van de benchmark is op")?;
        let raw = RawPerson {
            bsn: Some(bsn),
            voornamen: Some("Bench".into()),
            geslachtsnaam: Some("Meting".into()),
            geboortedatum: Some("1990-05-17".into()),
            geslacht: Some("vrouw".into()),
            geboorteland: Some("Syrië".into()),
            talen: Some("Arabisch".into()),
            doelgroep: Some("asielstatushouder".into()),
            regime: Some("wi2021".into()),
            ..RawPerson::default()
        };
        let now = Utc::now();
        let details = PersonDetails::parse(&raw, now.date_naive())
            .map_err(|e| format!("ongeldige invoer: {e:?}"))?;
        let id = PersonId(Uuid::now_v7());
        let entry = self.audit_ctx().entry(
            now,
            AuditAction::PersonCreated,
            Some(self.gemeente),
            Some(id),
            None,
        );
        let (gemeente, me) = (self.gemeente, self.user);
        self.writes
            .write(Box::new(move |tx| {
                Box::pin(async move {
                    persons::insert(tx, id, gemeente, Some(me), &details, Some(me), now).await?;
                    audit::insert(tx, &[entry]).await
                })
            }))
            .await
            .map_err(|e| format!("persoon aanmaken: {e}"))
    }

    async fn fsync(self: Arc<Self>, _task: usize, _i: u64) -> OpResult {
        let path = self.sync_file.clone();
        tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .write(true)
                .truncate(false)
                .open(&path)?;
            f.write_all(&[0x5a; 4096])?;
            f.sync_data()
        })
        .await
        .map_err(|e| format!("fsync-taak: {e}"))?
        .map_err(|e| format!("fsync: {e}"))
    }
}

/// Measures one limit (a) or the disk; `None` for any other kind.
pub async fn measure_limit(
    limits: &Arc<Limits>,
    kind: Kind,
    width: usize,
    plan: Plan,
) -> Option<Summary> {
    let l = limits.clone();
    Some(match kind {
        Kind::LimitDossier1 | Kind::LimitDossierN => {
            measure(plan, width, move |t, i| l.clone().dossier(t, i)).await
        }
        Kind::LimitCaseload | Kind::LimitCaseloadN => {
            measure(plan, width, move |t, i| l.clone().caseload(t, i)).await
        }
        Kind::LimitSearch => measure(plan, width, move |t, i| l.clone().search(t, i)).await,
        Kind::LimitList => measure(plan, width, move |t, i| l.clone().list_100k(t, i)).await,
        Kind::LimitListSearch => {
            measure(plan, width, move |t, i| l.clone().list_100k_search(t, i)).await
        }
        Kind::LimitCreate => measure(plan, width, move |t, i| l.clone().create(t, i)).await,
        Kind::Fsync => measure(plan, 1, move |t, i| l.clone().fsync(t, i)).await,
        _ => return trajectory::measure_limit(limits, kind, width, plan).await,
    })
}
