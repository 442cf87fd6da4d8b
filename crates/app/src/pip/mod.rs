//! The PIP use cases: list and read versions, draft and edit a concept, decide it (after DUO's
//! registration rules), withdraw it, compare versions, record bezwaar and beroep. Reads are audited
//! through the batcher (PipRead), writes in their own transaction (PipDrafted, PipDecided,
//! PipWithdrawn, RechtsmiddelRecorded). The letter is in `pip_letter`.

mod decide;
mod draft;
mod error;
mod read;
mod rechtsmiddelen;

pub use decide::{decide, withdraw};
pub use draft::{draft, update};
pub use error::{PipError, PipResult};
pub use read::{PipOverzicht, PipView, compare, list, view};
pub use rechtsmiddelen::{record_rechtsmiddel, update_rechtsmiddel};

pub use wegwijs_storage::pip_rechtsmiddelen::RechtsmiddelRecord;
pub use wegwijs_storage::pips::{PipSamenvatting, PipVersie};

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource};
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::persons::PersonRecord;

use crate::Ctx;
use crate::error::AppResult;

fn person_ref(p: &PersonRecord) -> PersonRef {
    PersonRef {
        gemeente_id: p.gemeente_id,
        regisseur_id: p.regisseur_id,
    }
}

/// The person (for `action`) and one of their versions, both within the actor's scope.
async fn load(
    ctx: &Ctx<'_>,
    action: Action,
    persoon: PersonId,
    pip: Uuid,
) -> AppResult<(PersonRecord, PipVersie)> {
    let person = crate::persons::load(ctx, action, persoon).await?;
    let scope = wegwijs_domain::authz::person_scope(ctx.actor, action);
    let v = wegwijs_storage::pips::get(&ctx.app.db, scope, persoon, pip).await?;
    ctx.require(action, Resource::Person(person_ref(&person)))?;
    Ok((person, v))
}

fn entry(
    ctx: &Ctx<'_>,
    actie: AuditAction,
    person: &PersonRecord,
    detail: String,
) -> wegwijs_storage::audit::AuditEntry {
    ctx.audit.entry(
        ctx.now(),
        actie,
        Some(person.gemeente_id),
        Some(person.id),
        Some(detail),
    )
}
