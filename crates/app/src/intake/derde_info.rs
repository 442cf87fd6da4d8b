//! The third-party information dates (Besluit inburgering 2021 art. 5.3 lid 2): the PIP deadline
//! engine reads them from the intake row, so they are written with the intake's optimistic versie.

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::intake::derde_info::DerdeInfo;
use wegwijs_storage::{audit, intakes};

use crate::Ctx;
use crate::error::AppResult;

/// Saves both dates as typed if the intake is still at `expected` (0: not started yet). Returns the
/// new versie.
pub async fn set_derde_info(
    ctx: &Ctx<'_>,
    id: PersonId,
    expected: i64,
    gevraagd: &str,
    ontvangen: &str,
) -> AppResult<i64> {
    let person = crate::persons::load(ctx, Action::TrajectEdit, id).await?;
    let now = ctx.now();
    let today = now.date_naive();
    let info = DerdeInfo::parse(gevraagd, ontvangen, today)?;
    let mut tx = ctx.app.db.begin().await?;
    let versie = intakes::set_derde_info(
        &mut tx,
        id,
        person.gemeente_id,
        expected,
        info.gevraagd_op,
        info.ontvangen_op,
        today,
        now,
    )
    .await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::IntakeUpdated,
        Some(person.gemeente_id),
        Some(id),
        Some("brede intake: informatie van derden".into()),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(versie)
}
