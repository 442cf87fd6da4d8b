//! Limit (a) of the trajectory scenarios (issue 7): the storage calls and pure rules of
//! `app::werkvoorraad::list` and `app::tijdlijn::view` on held connections, with their audit rows
//! group-committed by the server's audit writer; for the beschikking PDF the render alone
//! (`documents::beschikking_pdf`) on data loaded before the measurement.

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::Utc;
use uuid::Uuid;
use wegwijs_documents::BeschikkingData;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{PersonScope, WerkvoorraadScope};
use wegwijs_domain::clock::Clock;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::{persons, trajectory_facts, trajectory_timeline};

use super::Limits;
use crate::bench::driver::{OpResult, Plan, measure, pick};
use crate::bench::stats::Summary;
use crate::bench::targets::Kind;
use crate::bench::traject_subject::TrajectRun;

/// What the trajectory limits act on, taken from the trajectory subject.
pub struct TrajectLimits {
    regisseur: (GebruikerId, OrganisatieId),
    teamleider: (GebruikerId, OrganisatieId),
    persons: Vec<Uuid>,
    letters: Vec<Arc<BeschikkingData>>,
}

impl TrajectLimits {
    pub fn new(run: &TrajectRun) -> TrajectLimits {
        let subject = &run.subject;
        TrajectLimits {
            regisseur: (subject.regisseur.id, subject.regisseur.organisatie_id),
            teamleider: (subject.teamleider.id, subject.teamleider.organisatie_id),
            persons: subject.persons.clone(),
            letters: run.letters.clone(),
        }
    }
}

fn audit_ctx((user, gemeente): (GebruikerId, OrganisatieId)) -> AuditContext {
    AuditContext {
        trace_id: format!("bench-limiet-{}", Uuid::now_v7()),
        gebruiker_id: Some(user),
        organisatie_id: Some(gemeente),
        bron: Bron::Ui,
    }
}

impl Limits {
    fn traject(&self) -> Result<&TrajectLimits, String> {
        self.traject
            .as_ref()
            .ok_or_else(|| "geen trajectgegevens geladen".to_string())
    }

    /// As `app::werkvoorraad::list`: the facts of the scope in one query, the pure rules (the app's
    /// own `rijen`) with the gemeente's settings read as the app reads them, one `PersonListed` row
    /// per person shown.
    async fn werkvoorraad(
        &self,
        task: usize,
        actor: (GebruikerId, OrganisatieId),
        scope: WerkvoorraadScope,
    ) -> OpResult {
        let gemeente = actor.1;
        let (instellingen, _) = wegwijs_storage::traject_settings::get(self.db(task), gemeente)
            .await
            .map_err(|e| format!("instellingen lezen: {e}"))?;
        let personen = trajectory_facts::load(self.db(task), scope)
            .await
            .map_err(|e| format!("werkvoorraad lezen: {e}"))?;
        let today = wegwijs_app::clock::SystemClock.today();
        let rijen = wegwijs_app::werkvoorraad::rijen(personen, &instellingen, today, None);
        let listed: BTreeSet<PersonId> = rijen.iter().map(|r| r.persoon).collect();
        let ctx = audit_ctx(actor);
        let now = Utc::now();
        let entries: Vec<_> = listed
            .into_iter()
            .map(|id| {
                ctx.entry(
                    now,
                    AuditAction::PersonListed,
                    Some(gemeente),
                    Some(id),
                    Some("werkvoorraad".into()),
                )
            })
            .collect();
        if entries.is_empty() {
            return Ok(());
        }
        self.audit
            .record(entries)
            .await
            .map_err(|e| format!("audit: {e}"))
    }

    async fn werkvoorraad_eigen(self: Arc<Self>, task: usize, _i: u64) -> OpResult {
        let (user, gemeente) = self.traject()?.regisseur;
        let scope = WerkvoorraadScope::Regisseur {
            gemeente,
            regisseur: user,
        };
        self.werkvoorraad(task, (user, gemeente), scope).await
    }

    async fn werkvoorraad_team(self: Arc<Self>, task: usize, _i: u64) -> OpResult {
        let actor = self.traject()?.teamleider;
        let scope = WerkvoorraadScope::Team { gemeente: actor.1 };
        self.werkvoorraad(task, actor, scope).await
    }

    /// As `app::tijdlijn::view`: the person (scope check in SQL), the facts, the events, the pure
    /// timeline and its `TrajectRead` row.
    async fn tijdlijn(self: Arc<Self>, task: usize, i: u64) -> OpResult {
        let t = self.traject()?;
        let (_, gemeente) = t.regisseur;
        let id = PersonId(
            t.persons
                .get(pick(i, t.persons.len()))
                .copied()
                .unwrap_or_default(),
        );
        let db = self.db(task);
        let person = persons::get(db, PersonScope::Gemeente(gemeente), id)
            .await
            .map_err(|e| format!("persoon lezen: {e}"))?;
        let feiten = trajectory_facts::load_one(db, person.gemeente_id, id)
            .await
            .map_err(|e| format!("trajectfeiten lezen: {e}"))?
            .ok_or("persoon zonder trajectfeiten")?;
        let momenten = trajectory_timeline::momenten(db, id)
            .await
            .map_err(|e| format!("momenten lezen: {e}"))?;
        let (instellingen, _) = wegwijs_storage::traject_settings::get(db, gemeente)
            .await
            .map_err(|e| format!("instellingen lezen: {e}"))?;
        let today = wegwijs_app::clock::SystemClock.today();
        let tijdlijn = wegwijs_app::tijdlijn::bouw(&feiten.feiten, &momenten, &instellingen, today);
        std::hint::black_box(&tijdlijn);
        let entry = audit_ctx(t.regisseur).entry(
            Utc::now(),
            AuditAction::TrajectRead,
            Some(gemeente),
            Some(id),
            Some("tijdlijn".into()),
        );
        self.audit
            .record(vec![entry])
            .await
            .map_err(|e| format!("audit: {e}"))
    }

    /// The render alone, as the app runs it (a blocking task): no reads, no audit.
    async fn beschikking(self: Arc<Self>, _task: usize, i: u64) -> OpResult {
        let t = self.traject()?;
        let data = t
            .letters
            .get(pick(i, t.letters.len()))
            .cloned()
            .ok_or("geen vastgestelde PIP in de gegevens")?;
        let pdf = tokio::task::spawn_blocking(move || wegwijs_documents::beschikking_pdf(&data))
            .await
            .map_err(|e| format!("beschikking-taak: {e}"))?
            .map_err(|e| format!("beschikking: {e}"))?;
        if pdf.starts_with(b"%PDF") {
            Ok(())
        } else {
            Err("beschikking: geen PDF".into())
        }
    }
}

/// Measures one trajectory limit; `None` for any other kind.
pub async fn measure_limit(
    limits: &Arc<Limits>,
    kind: Kind,
    width: usize,
    plan: Plan,
) -> Option<Summary> {
    let l = limits.clone();
    Some(match kind {
        Kind::LimitWerkvoorraad => {
            measure(plan, width, move |t, i| l.clone().werkvoorraad_eigen(t, i)).await
        }
        Kind::LimitWerkvoorraadTeam => {
            measure(plan, width, move |t, i| l.clone().werkvoorraad_team(t, i)).await
        }
        Kind::LimitDossierTraject => {
            measure(plan, width, move |t, i| l.clone().tijdlijn(t, i)).await
        }
        Kind::LimitBeschikkingPdf => {
            measure(plan, width, move |t, i| l.clone().beschikking(t, i)).await
        }
        _ => return None,
    })
}
