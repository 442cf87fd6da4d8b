//! "Intake afronden": only when the mandatory components (C-3) are complete or explicitly skipped.

use chrono::NaiveDate;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::SectieStatus;
use wegwijs_domain::trajectory::intake::Sectie;
use wegwijs_domain::trajectory::intake::afronding::{check_afronden, ontbrekend};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::{audit, intakes};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// Closes the intake at today's date, if it is still at `expected`. Returns the new versie.
pub async fn afronden(ctx: &Ctx<'_>, id: PersonId, expected: i64) -> AppResult<(i64, NaiveDate)> {
    let b = super::basis(ctx, Action::TrajectEdit, id).await?;
    let scope = person_scope(ctx.actor, Action::TrajectEdit);
    let Some(intake) = intakes::get(&ctx.app.db, scope, id).await? else {
        return Err(refuse(
            "De intake is nog niet begonnen: leg eerst een gesprek of onderdeel vast.",
        ));
    };
    if intake.afgerond_op.is_some() {
        return Err(refuse("De intake is al afgerond."));
    }
    if intake.versie != expected {
        return Err(AppError::Conflict {
            expected,
            current: intake.versie,
        });
    }
    // Statuses only: the content of special-category sections is not needed to close the intake.
    let huidig = intakes::current_secties(&ctx.app.db, scope, id, false).await?;
    let alle = Sectie::alle(b.set);
    let statussen: Vec<(Sectie, SectieStatus)> = huidig
        .iter()
        .filter_map(|v| {
            Some((
                Sectie::parse(&v.sectie, b.set)?,
                SectieStatus::parse(&v.status)?,
            ))
        })
        .collect();
    check_afronden(&ontbrekend(&statussen, &alle))?;
    let now = ctx.now();
    let today = now.date_naive();
    let mut tx = ctx.app.db.begin().await?;
    let versie = intakes::afronden(
        &mut tx,
        id,
        b.person.gemeente_id,
        expected,
        today,
        ctx.actor.user_id,
        now,
    )
    .await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::IntakeUpdated,
        Some(b.person.gemeente_id),
        Some(id),
        Some("brede intake afgerond".into()),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok((versie, today))
}

fn refuse(message: &str) -> AppError {
    let mut e = ValidationErrors::new();
    e.push("intake", "state", message);
    AppError::Invalid(e)
}
