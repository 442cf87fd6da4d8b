//! Application services shared by the pages and the API: each checks access with the domain's
//! `authz::can`, does the storage work and writes the audit rows (in the same transaction for
//! writes, through the group-commit batcher for reads).

pub mod accounts;
pub mod audit_view;
pub mod changes;
pub mod households;
pub mod persons;

use wegwijs_domain::authz::{Action, Actor, Resource, can};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_storage::audit::AuditContext;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Everything a service needs to know about the request it serves.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub actor: &'a Actor,
    pub audit: AuditContext,
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
        self.state.clock.now()
    }
}
