//! The context every use case runs in: who acts (a medewerker or a system task) and for which
//! request or job the audit rows are written.

use wegwijs_domain::authz::SystemTask;
use wegwijs_domain::authz::{Action, Actor, Resource, can};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_storage::audit::{AuditContext, Bron};

use crate::App;
use crate::error::{AppError, AppResult};

/// Everything a service needs to know about the request it serves.
pub struct Ctx<'a> {
    pub app: &'a App,
    pub actor: &'a Actor,
    pub audit: AuditContext,
}

/// A system task's actor and audit context, owned, so a background job can hold them and borrow a
/// [`Ctx`] per unit of work.
pub struct SystemCtx {
    pub actor: Actor,
    pub audit: AuditContext,
}

impl SystemCtx {
    /// Wegwijs acting for `gemeente` in `task`; `job_id` becomes the audit trace of every row.
    pub fn new(task: SystemTask, gemeente: OrganisatieId, job_id: String) -> SystemCtx {
        SystemCtx {
            actor: Actor::system(task, gemeente),
            audit: AuditContext {
                trace_id: job_id,
                gebruiker_id: None,
                organisatie_id: Some(gemeente),
                bron: Bron::Systeem,
            },
        }
    }

    pub fn ctx<'a>(&'a self, app: &'a App) -> Ctx<'a> {
        Ctx {
            app,
            actor: &self.actor,
            audit: self.audit.clone(),
        }
    }
}

impl Ctx<'_> {
    /// The actor's own gemeente, or 403 when the actor does not work for a gemeente.
    pub fn gemeente(&self) -> AppResult<OrganisatieId> {
        self.actor.gemeente_id().ok_or(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NotAGemeente,
        ))
    }

    /// Refuses with 403 unless the actor may do `action` on `resource`.
    pub fn require(&self, action: Action, resource: Resource) -> AppResult<()> {
        match can(self.actor, action, resource) {
            wegwijs_domain::authz::Decision::Allow => Ok(()),
            wegwijs_domain::authz::Decision::Deny(reason) => Err(AppError::Forbidden(reason)),
        }
    }

    /// The gemeente-level check that comes before any scoped query: a role without the right gets 403,
    /// a person outside the scope then simply is not found (404).
    pub fn require_in_own_gemeente(&self, action: Action) -> AppResult<OrganisatieId> {
        let g = self.gemeente()?;
        self.require(action, Resource::Gemeente(g))?;
        Ok(g)
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.app.clock.now()
    }
}
