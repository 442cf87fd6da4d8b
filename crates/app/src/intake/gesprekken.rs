//! Adding a conversation to the intake (the first one starts it).

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::intake::gesprek::{Gesprek, RawGesprek};
use wegwijs_storage::{audit, intakes};

use crate::Ctx;
use crate::error::AppResult;

/// Saves a conversation; the intake starts on the conversation's date if it had not started yet.
pub async fn add_gesprek(ctx: &Ctx<'_>, id: PersonId, raw: &RawGesprek) -> AppResult<Uuid> {
    let person = crate::persons::load(ctx, Action::TrajectEdit, id).await?;
    let now = ctx.now();
    let g = Gesprek::parse(raw, now.date_naive())?;
    let gesprek_id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    intakes::ensure_started(&mut tx, id, person.gemeente_id, g.datum, now).await?;
    intakes::insert_gesprek(&mut tx, gesprek_id, id, &g, ctx.actor.user_id, now).await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::IntakeUpdated,
        Some(person.gemeente_id),
        Some(id),
        Some(format!("brede intake: gesprek {gesprek_id} vastgelegd")),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(gesprek_id)
}

/// The person a new-conversation form is for, when the actor may add one; the name it shows is a
/// read of the intake and audited as such.
pub async fn gesprek_form(
    ctx: &Ctx<'_>,
    id: PersonId,
) -> AppResult<wegwijs_storage::persons::PersonRecord> {
    let person = crate::persons::load(ctx, Action::TrajectEdit, id).await?;
    super::audit_read(ctx, &person, "gesprekformulier", &[]).await?;
    Ok(person)
}
