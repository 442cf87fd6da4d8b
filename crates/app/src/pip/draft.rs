//! A new concept (a copy of the version in force, or drafted from the brede intake) and changes to it.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{PipStatus, PipWijzigingsreden};
use wegwijs_domain::trajectory::pip::lifecycle;
use wegwijs_domain::trajectory::pip::voorstel::concept_uit_intake;
use wegwijs_domain::trajectory::pip::{PipConcept, PipInhoud, RawPip};
use wegwijs_storage::pips::{self, NieuwConcept};
use wegwijs_storage::{StorageError, audit};

use super::error::{PipError, PipResult};
use super::{entry, load};
use crate::Ctx;
use crate::error::AppError;

/// Opens a new concept for the person: a copy of the version in force (goals and activities keep
/// their ids; the reason is the one given, e.g. by the review that asked for it, else left for the
/// user), else a first concept drafted from the intake (a first PIP has no reason of change).
pub async fn draft(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    reden: Option<PipWijzigingsreden>,
) -> PipResult<Uuid> {
    let person = crate::persons::load(ctx, Action::TrajectEdit, persoon).await?;
    let scope = person_scope(ctx.actor, Action::TrajectEdit);
    let versies = pips::list(&ctx.app.db, scope, persoon).await?;
    let statussen: Vec<PipStatus> = versies.iter().map(|v| v.status).collect();
    lifecycle::nieuw_concept(&statussen).map_err(PipError::Overgang)?;
    let inhoud = match versies.iter().find(|v| v.status == PipStatus::Vastgesteld) {
        Some(geldend) => {
            let v = pips::get(&ctx.app.db, scope, persoon, geldend.id).await?;
            PipInhoud {
                reden,
                reden_toelichting: String::new(),
                ..v.inhoud
            }
        }
        None => {
            let feiten = pips::intake_feiten(&ctx.app.db, persoon).await?;
            let s = crate::traject_settings::get(ctx.app, person.gemeente_id).await?;
            concept_uit_intake(&feiten, s.voortgang_interval_maanden, &mut Uuid::now_v7)
        }
    };
    let id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    let nummer = match pips::insert_concept(
        &mut tx,
        NieuwConcept {
            id,
            persoon,
            gemeente: person.gemeente_id,
            inhoud: &inhoud,
            door: ctx.actor.user_id,
            now: ctx.now(),
        },
    )
    .await
    {
        Ok(n) => n,
        Err(StorageError::Duplicate { .. }) => {
            return Err(PipError::Overgang(
                lifecycle::OvergangWeigering::AlEenConcept,
            ));
        }
        Err(e) => return Err(e.into()),
    };
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            AuditAction::PipDrafted,
            &person,
            format!("pip {nummer} concept aangemaakt"),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves a concept's content if `expected` is still its version. Returns the new version; the same
/// version when nothing changed (no write, no audit row).
pub async fn update(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    raw: &RawPip,
    expected: i64,
) -> PipResult<i64> {
    let (person, v) = load(ctx, Action::TrajectEdit, persoon, pip).await?;
    lifecycle::bewerken(v.status).map_err(PipError::Overgang)?;
    let PipConcept(inhoud) = PipConcept::parse(raw, &mut Uuid::now_v7)?;
    // A writer who could not see the special-category goals keeps them as stored.
    let inhoud = if super::bijzonder_zichtbaar(ctx, &person).await? {
        inhoud
    } else {
        inhoud.met_verborgen_doelen_van(&v.inhoud)
    };
    if v.versie != expected {
        return Err(AppError::Conflict {
            expected,
            current: v.versie,
        }
        .into());
    }
    if inhoud == v.inhoud {
        return Ok(v.versie);
    }
    let mut tx = ctx.app.db.begin().await?;
    let versie = pips::update_concept(
        &mut tx,
        person.gemeente_id,
        pip,
        &inhoud,
        expected,
        ctx.actor.user_id,
        ctx.now(),
    )
    .await?;
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            AuditAction::PipDrafted,
            &person,
            format!("pip {} concept gewijzigd", v.nummer),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(versie)
}
