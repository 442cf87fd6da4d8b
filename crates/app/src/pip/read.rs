//! Reading: the versions list, one version (with its bezwaren and the objection period) and the
//! differences between two versions. Each is one PipRead row, durable before anything is shown.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::pip::diff::{Verschillen, verschillen};
use wegwijs_domain::trajectory::pip::rechtsmiddel::bezwaartermijn;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::{pip_rechtsmiddelen, pips};

use super::{PipSamenvatting, PipVersie, RechtsmiddelRecord, entry, load};
use crate::Ctx;
use crate::error::AppResult;

pub struct PipOverzicht {
    pub person: PersonRecord,
    pub versies: Vec<PipSamenvatting>,
}

pub struct PipView {
    pub person: PersonRecord,
    pub pip: PipVersie,
    pub rechtsmiddelen: Vec<RechtsmiddelRecord>,
    /// First and last day of the objection period, for a decided version.
    pub bezwaartermijn: Option<(NaiveDate, NaiveDate)>,
    /// The other versions, to compare with.
    pub versies: Vec<PipSamenvatting>,
}

pub async fn list(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<PipOverzicht> {
    let person = crate::persons::load(ctx, Action::TrajectView, persoon).await?;
    let versies = pips::list(
        &ctx.app.db,
        person_scope(ctx.actor, Action::TrajectView),
        persoon,
    )
    .await?;
    ctx.app
        .audit
        .record(vec![entry(
            ctx,
            AuditAction::PipRead,
            &person,
            "pip-versies".into(),
        )])
        .await?;
    Ok(PipOverzicht { person, versies })
}

pub async fn view(ctx: &Ctx<'_>, persoon: PersonId, pip: Uuid) -> AppResult<PipView> {
    let (person, v) = load(ctx, Action::TrajectView, persoon, pip).await?;
    let scope = person_scope(ctx.actor, Action::TrajectView);
    let rechtsmiddelen = pip_rechtsmiddelen::list(&ctx.app.db, scope, persoon, pip).await?;
    let versies = pips::list(&ctx.app.db, scope, persoon).await?;
    ctx.app
        .audit
        .record(vec![entry(
            ctx,
            AuditAction::PipRead,
            &person,
            format!("pip {}", v.nummer),
        )])
        .await?;
    Ok(PipView {
        bezwaartermijn: v.dagtekening.map(bezwaartermijn),
        person,
        pip: v,
        rechtsmiddelen,
        versies,
    })
}

/// Version `a` against version `b` (older first when the caller wants "what changed").
pub async fn compare(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    a: Uuid,
    b: Uuid,
) -> AppResult<(PersonRecord, PipVersie, PipVersie, Verschillen)> {
    let (person, va) = load(ctx, Action::TrajectView, persoon, a).await?;
    let scope = person_scope(ctx.actor, Action::TrajectView);
    let vb = pips::get(&ctx.app.db, scope, persoon, b).await?;
    let (oud, nieuw) = if va.nummer <= vb.nummer {
        (va, vb)
    } else {
        (vb, va)
    };
    let d = verschillen(&oud.inhoud, &nieuw.inhoud);
    ctx.app
        .audit
        .record(vec![entry(
            ctx,
            AuditAction::PipRead,
            &person,
            format!("pip {} en {} vergeleken", oud.nummer, nieuw.nummer),
        )])
        .await?;
    Ok((person, oud, nieuw, d))
}
