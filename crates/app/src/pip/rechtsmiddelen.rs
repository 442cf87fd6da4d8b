//! Bezwaar and beroep against a decided PIP version.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::pip::lifecycle::{self, OvergangWeigering};
use wegwijs_domain::trajectory::pip::rechtsmiddel::{RawRechtsmiddel, Rechtsmiddel};
use wegwijs_storage::{audit, pip_rechtsmiddelen};

use super::error::{PipError, PipResult};
use super::{entry, load};
use crate::Ctx;

pub async fn record_rechtsmiddel(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    raw: &RawRechtsmiddel,
) -> PipResult<Uuid> {
    let (person, v) = load(ctx, Action::TrajectEdit, persoon, pip).await?;
    // A concept is no decision: there is nothing to object to yet.
    if !lifecycle::is_beschikking(v.status) {
        return Err(PipError::Overgang(OvergangWeigering::NietVastgesteld));
    }
    let r = Rechtsmiddel::parse(raw, ctx.now().date_naive())?;
    let id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    pip_rechtsmiddelen::insert(
        &mut tx,
        id,
        person.gemeente_id,
        persoon,
        pip,
        &r,
        ctx.actor.user_id,
        ctx.now(),
    )
    .await?;
    let detail = format!(
        "{} tegen pip {} vastgelegd",
        r.soort.label().to_lowercase(),
        v.nummer
    );
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            AuditAction::RechtsmiddelRecorded,
            &person,
            detail,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update_rechtsmiddel(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    id: Uuid,
    raw: &RawRechtsmiddel,
    expected: i64,
) -> PipResult<i64> {
    let (person, v) = load(ctx, Action::TrajectEdit, persoon, pip).await?;
    let r = Rechtsmiddel::parse(raw, ctx.now().date_naive())?;
    let mut tx = ctx.app.db.begin().await?;
    let versie =
        pip_rechtsmiddelen::update(&mut tx, person.gemeente_id, persoon, id, &r, expected).await?;
    let detail = format!(
        "{} tegen pip {} bijgewerkt",
        r.soort.label().to_lowercase(),
        v.nummer
    );
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            AuditAction::RechtsmiddelRecorded,
            &person,
            detail,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(versie)
}
