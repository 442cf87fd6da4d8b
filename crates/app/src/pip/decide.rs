//! Deciding a concept (vaststellen) after the rules, and withdrawing the version in force.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Decision, Resource, can, can_decide_pip, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::trajectory::codes::PipStatus;
use wegwijs_domain::trajectory::pip::duo_rules::HuidigePip;
use wegwijs_domain::trajectory::pip::{DuoFeiten, check_vaststelling, lifecycle};
use wegwijs_domain::validation::{ValidationErrors, has_control_chars, parse_date};
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::{audit, pips};

use super::error::{PipError, PipResult};
use super::{PipVersie, entry, load, person_ref};
use crate::Ctx;
use crate::error::AppError;

fn require(d: Decision) -> PipResult<()> {
    match d {
        Decision::Allow => Ok(()),
        Decision::Deny(r) => Err(AppError::Forbidden(r).into()),
    }
}

/// What DUO's rules need about the person and their earlier versions.
async fn feiten(ctx: &Ctx<'_>, person: &PersonRecord) -> PipResult<(DuoFeiten, Option<Uuid>)> {
    let scope = person_scope(ctx.actor, Action::PipDecide);
    let versies = pips::list(&ctx.app.db, scope, person.id).await?;
    let geldend = versies.iter().find(|v| v.status == PipStatus::Vastgesteld);
    let besluiten: Vec<_> = versies
        .iter()
        .filter(|v| v.status != PipStatus::Concept)
        .collect();
    let d = &person.details;
    let f = DuoFeiten {
        vandaag: ctx.now().date_naive(),
        start_plicht: d.datum_kennisgeving_duo,
        vestiging: d.datum_brp_inschrijving.or(d.datum_huisvesting),
        asielstatushouder: d.doelgroep.map(|g| g == Doelgroep::Asielstatushouder),
        huidige: geldend.and_then(|g| {
            g.dagtekening.map(|dagtekening| HuidigePip {
                dagtekening,
                leerroute: g.leerroute,
                niveau: g.niveau,
            })
        }),
        initiele_dagtekening: besluiten
            .iter()
            .min_by_key(|v| v.nummer)
            .and_then(|v| v.dagtekening),
        eerder_vastgesteld: !besluiten.is_empty(),
        nt2_uren: pips::nt2_uren(&ctx.app.db, person.id).await?,
    };
    Ok((f, geldend.map(|g| g.id)))
}

fn four_eyes(
    ctx: &Ctx<'_>,
    person: &PersonRecord,
    v: &PipVersie,
    vier_ogen: bool,
) -> PipResult<()> {
    // Whoever drafted or last changed the concept counts as its drafter.
    for drafter in [v.opgesteld_door, v.gewijzigd_door] {
        require(can_decide_pip(
            ctx.actor,
            person_ref(person),
            drafter,
            vier_ogen,
        ))?;
    }
    Ok(())
}

/// Decides the concept with the dagtekening typed (`dagtekening`), if `expected` is its version.
pub async fn decide(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    dagtekening: &str,
    expected: i64,
) -> PipResult<i64> {
    let (person, v) = load(ctx, Action::PipDecide, persoon, pip).await?;
    let s = crate::traject_settings::get(ctx.app, person.gemeente_id).await?;
    four_eyes(ctx, &person, &v, s.pip_vier_ogen)?;
    let mut errors = ValidationErrors::new();
    let datum = match dagtekening.trim() {
        "" => {
            errors.push("dagtekening", "required", "Vul de dagtekening in.");
            None
        }
        s => parse_date(s)
            .map_err(|e| errors.push("dagtekening", e.code(), e.to_string()))
            .ok(),
    };
    let Some(datum) = datum else {
        return Err(errors.into());
    };
    if v.versie != expected {
        return Err(AppError::Conflict {
            expected,
            current: v.versie,
        }
        .into());
    }
    let (f, geldend) = feiten(ctx, &person).await?;
    let reden = v.inhoud.reden.is_some() && !v.inhoud.reden_toelichting.is_empty();
    lifecycle::vaststellen(v.status, geldend.is_some(), reden).map_err(PipError::Overgang)?;
    let weigeringen = check_vaststelling(&v.inhoud, datum, &f);
    if !weigeringen.is_empty() {
        return Err(PipError::Weigering(weigeringen));
    }
    let mut tx = ctx.app.db.begin().await?;
    let versie = pips::vaststellen(
        &mut tx,
        person.gemeente_id,
        pip,
        expected,
        geldend,
        datum,
        ctx.actor.user_id,
        ctx.now(),
    )
    .await?;
    let detail = match geldend {
        Some(_) => format!("pip {} vastgesteld, vervangt het geldende pip", v.nummer),
        None => format!("pip {} vastgesteld", v.nummer),
    };
    audit::insert(
        &mut tx,
        &[entry(ctx, AuditAction::PipDecided, &person, detail)],
    )
    .await?;
    tx.commit().await?;
    Ok(versie)
}

/// Withdraws the version in force (for instance after a gegrond bezwaar), with a reason.
pub async fn withdraw(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    toelichting: &str,
    expected: i64,
) -> PipResult<i64> {
    let (person, v) = load(ctx, Action::PipDecide, persoon, pip).await?;
    require(can(
        ctx.actor,
        Action::PipDecide,
        Resource::Person(person_ref(&person)),
    ))?;
    lifecycle::intrekken(v.status).map_err(PipError::Overgang)?;
    // The limit counts what was sent, spaces included, as the API document's maxLength does.
    let sent_len = toelichting.chars().count();
    let toelichting = toelichting.trim();
    let mut errors = ValidationErrors::new();
    if toelichting.is_empty() {
        errors.push(
            "toelichting",
            "required",
            "Geef de reden van de intrekking.",
        );
    } else if sent_len > 4000 || has_control_chars(toelichting, true) {
        errors.push(
            "toelichting",
            "invalid",
            "Gebruik hoogstens 4000 tekens, zonder stuurtekens.",
        );
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    if v.versie != expected {
        return Err(AppError::Conflict {
            expected,
            current: v.versie,
        }
        .into());
    }
    let mut tx = ctx.app.db.begin().await?;
    let versie = pips::intrekken(
        &mut tx,
        person.gemeente_id,
        pip,
        expected,
        ctx.now().date_naive(),
        toelichting,
        ctx.actor.user_id,
        ctx.now(),
    )
    .await?;
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            AuditAction::PipWithdrawn,
            &person,
            format!("pip {} ingetrokken", v.nummer),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(versie)
}
