//! "Wie heeft dit dossier gezien": the audit rows about one person (teamleider, privacy officer), and
//! the gemeente's whole log (privacy officer). Looking at the log is itself a processing, so it is logged.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource};
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::audit::{self, AuditRecord};
use wegwijs_storage::persons;

use crate::Ctx;
use crate::error::{AppError, AppResult};

pub const PAGE_SIZE: i64 = 100;

/// The log of one person of the actor's gemeente. The person must exist in that gemeente.
pub async fn for_person(ctx: &Ctx<'_>, id: PersonId, pagina: i64) -> AppResult<Vec<AuditRecord>> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewPerson)?;
    // Privacy officers may not read the dossier, so check membership with the gemeente scope only.
    let gemeente_of_person = persons::gemeente_of(&ctx.app.db, id).await?;
    if gemeente_of_person != Some(gemeente) {
        return Err(AppError::NotFound);
    }
    ctx.require(
        Action::AuditViewPerson,
        Resource::Person(PersonRef {
            gemeente_id: gemeente,
            regisseur_id: None,
        }),
    )?;
    let rows = audit::for_person(
        &ctx.app.db,
        id,
        PAGE_SIZE,
        (pagina.max(1) - 1).saturating_mul(PAGE_SIZE),
    )
    .await?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::AuditRead,
        Some(gemeente),
        Some(id),
        None,
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok(rows)
}

/// The whole log of the actor's gemeente (privacy officer).
pub async fn for_gemeente(ctx: &Ctx<'_>, pagina: i64) -> AppResult<Vec<AuditRecord>> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewGemeente)?;
    let rows = audit::for_gemeente(
        &ctx.app.db,
        gemeente,
        PAGE_SIZE,
        (pagina.max(1) - 1).saturating_mul(PAGE_SIZE),
    )
    .await?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::AuditRead,
        Some(gemeente),
        None,
        Some(format!("pagina {pagina}")),
    );
    ctx.app.audit.record(vec![entry]).await?;
    Ok(rows)
}

/// [`for_person`] and the number of rows about the person (for the API's `totaal` and `next` link).
/// Counted after `for_person` has checked access, so the count reveals nothing to others.
pub async fn for_person_with_total(
    ctx: &Ctx<'_>,
    id: PersonId,
    pagina: i64,
) -> AppResult<(Vec<AuditRecord>, i64)> {
    let rows = for_person(ctx, id, pagina).await?;
    let totaal = audit::count_for_person(&ctx.app.db, id).await?;
    Ok((rows, totaal))
}
