//! Reading: the versions list, one version (with its bezwaren and the objection period) and the
//! differences between two versions. Each is one PipRead row, durable before anything is shown.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, can_decide_pip, can_view_health, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::PipStatus;
use wegwijs_domain::trajectory::pip::diff::{Verschillen, verschillen};
use wegwijs_domain::trajectory::pip::rechtsmiddel::bezwaartermijn;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::{pip_rechtsmiddelen, pips};

use super::{
    PipSamenvatting, PipVersie, RechtsmiddelRecord, afschermen, bijzonder_zichtbaar, entry, load,
    person_ref,
};
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
    /// Goals in a special-category life domain left out for this reader (no recorded need).
    pub verborgen_doelen: usize,
    /// The reader may decide this concept (the right, and not its drafter under four-eyes); the
    /// decision itself checks again.
    pub mag_vaststellen: bool,
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
    let s = crate::traject_settings::get(ctx.app, person.gemeente_id).await?;
    let zichtbaar =
        can_view_health(ctx.actor, person_ref(&person), &s.gezondheid_rollen).is_allowed();
    let mag_vaststellen = v.status == PipStatus::Concept
        && [v.opgesteld_door, v.gewijzigd_door]
            .into_iter()
            .all(|drafter| {
                can_decide_pip(ctx.actor, person_ref(&person), drafter, s.pip_vier_ogen)
                    .is_allowed()
            });
    let mut audit = vec![entry(
        ctx,
        AuditAction::PipRead,
        &person,
        format!("pip {}", v.nummer),
    )];
    let (v, verborgen_doelen) = afschermen(ctx, &person, v, zichtbaar, &mut audit);
    ctx.app.audit.record(audit).await?;
    Ok(PipView {
        bezwaartermijn: v.dagtekening.map(bezwaartermijn),
        person,
        pip: v,
        rechtsmiddelen,
        versies,
        verborgen_doelen,
        mag_vaststellen,
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
    let zichtbaar = bijzonder_zichtbaar(ctx, &person).await?;
    let mut audit = vec![entry(
        ctx,
        AuditAction::PipRead,
        &person,
        format!("pip {} en {} vergeleken", oud.nummer, nieuw.nummer),
    )];
    let (oud, _) = afschermen(ctx, &person, oud, zichtbaar, &mut audit);
    let (nieuw, _) = afschermen(ctx, &person, nieuw, zichtbaar, &mut audit);
    // One HealthRead row for the comparison is enough.
    audit.dedup_by(|a, b| a.actie == b.actie);
    let d = verschillen(&oud.inhoud, &nieuw.inhoud);
    ctx.app.audit.record(audit).await?;
    Ok((person, oud, nieuw, d))
}
