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
use wegwijs_domain::authz::{Action, PersonRef, Resource, can_view_health};
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

/// Whether the actor may see this person's special-category goals: the rule of the intake's health
/// section (`authz::can_view_health`, with the gemeente's recorded need).
pub(crate) async fn bijzonder_zichtbaar(ctx: &Ctx<'_>, person: &PersonRecord) -> AppResult<bool> {
    let s = crate::traject_settings::get(ctx.app, person.gemeente_id).await?;
    Ok(can_view_health(ctx.actor, person_ref(person), &s.gezondheid_rollen).is_allowed())
}

/// The version as the actor may read it: whole, with a HealthRead row added to `audit` when it holds
/// special-category goals, or without those goals (returning how many were left out).
fn afschermen(
    ctx: &Ctx<'_>,
    person: &PersonRecord,
    mut v: PipVersie,
    zichtbaar: bool,
    audit: &mut Vec<wegwijs_storage::audit::AuditEntry>,
) -> (PipVersie, usize) {
    if !v.inhoud.heeft_bijzondere_doelen() {
        return (v, 0);
    }
    if zichtbaar {
        audit.push(entry(
            ctx,
            AuditAction::HealthRead,
            person,
            format!("pip {}: doelen in een gezondheidsdomein", v.nummer),
        ));
        return (v, 0);
    }
    let (inhoud, weg) = std::mem::take(&mut v.inhoud).zonder_bijzondere_doelen();
    v.inhoud = inhoud;
    (v, weg)
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
