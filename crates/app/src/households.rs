//! Households: a regisseur links persons of the gemeente into one household.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, person_scope};
use wegwijs_domain::household::{
    LidFeiten, LidInput, check_plausible, validate_leden, validate_omschrijving,
};
use wegwijs_domain::ids::HuishoudenId;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::households::{self, Household, HouseholdSummary};
use wegwijs_storage::{StorageError, audit, persons};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// Validation of the whole input, all errors at once.
fn validate(omschrijving: &str, leden: &[LidInput]) -> AppResult<String> {
    let mut errors = ValidationErrors::new();
    let omschrijving = match validate_omschrijving(omschrijving) {
        Ok(o) => Some(o),
        Err(e) => {
            errors.0.extend(e.0);
            None
        }
    };
    if let Err(e) = validate_leden(leden) {
        errors.0.extend(e.0);
    }
    match omschrijving {
        Some(o) if errors.is_empty() => Ok(o),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// The members' names and birth dates, for the plausibility rules and for messages that name people
/// instead of ids. A member outside the actor's gemeente is the same refusal as at the write.
async fn member_facts(ctx: &Ctx<'_>, leden: &[LidInput]) -> AppResult<Vec<(LidInput, LidFeiten)>> {
    let scope = person_scope(ctx.actor, Action::HouseholdEdit);
    let mut facts = Vec::with_capacity(leden.len());
    for l in leden {
        let p = match persons::get(&ctx.app.db, scope, l.persoon_id).await {
            Ok(p) => p,
            Err(e) => return Err(member_error(e, &[], None)),
        };
        facts.push((
            *l,
            LidFeiten {
                naam: p.details.display_name(),
                relatie: l.relatie,
                nareiziger: l.nareiziger,
                geboortedatum: p.details.geboortedatum,
            },
        ));
    }
    Ok(facts)
}

/// Refuses an implausible household (`household::check_plausible`). The refusal names members and
/// their ages, so it is logged as a listing of each member, like the household page that shows them.
async fn require_plausible(ctx: &Ctx<'_>, facts: &[(LidInput, LidFeiten)]) -> AppResult<()> {
    let feiten: Vec<LidFeiten> = facts.iter().map(|(_, f)| f.clone()).collect();
    let Err(errors) = check_plausible(&feiten, ctx.now().date_naive()) else {
        return Ok(());
    };
    let now = ctx.now();
    let entries = facts
        .iter()
        .map(|(l, _)| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                ctx.actor.gemeente_id(),
                Some(l.persoon_id),
                Some("huishouden gecontroleerd, niet opgeslagen".into()),
            )
        })
        .collect();
    ctx.app.audit.record(entries).await?;
    Err(AppError::Invalid(errors))
}

/// A member conflict in people's words: who already belongs to which household (by its description),
/// never the household's id.
async fn describe_taken(
    ctx: &Ctx<'_>,
    e: StorageError,
    facts: &[(LidInput, LidFeiten)],
) -> AppError {
    let StorageError::Duplicate {
        existing: Some(other),
        ..
    } = e
    else {
        return member_error(e, facts, None);
    };
    let scope = person_scope(ctx.actor, Action::HouseholdEdit);
    let h = match households::get(&ctx.app.db, scope, HuishoudenId(other)).await {
        Ok(h) => h,
        Err(_) => return member_error(e, facts, None),
    };
    // The message names these members and their other household: a read of their data, logged as
    // the household page logs it. No row, no message with names.
    let now = ctx.now();
    let entries: Vec<_> = facts
        .iter()
        .filter(|(l, _)| h.leden.iter().any(|m| m.persoon_id == l.persoon_id))
        .map(|(l, _)| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                ctx.actor.gemeente_id(),
                Some(l.persoon_id),
                Some("lid van een ander huishouden getoond".into()),
            )
        })
        .collect();
    let hint = way_out(ctx, &h, facts).await;
    match ctx.app.audit.record(entries).await {
        Ok(()) => member_error(e, facts, Some((&h, hint))),
        Err(_) => member_error(e, facts, None),
    }
}

/// What the user can do about a member who is in another household: take them out there themselves
/// when they may edit that household, else whom to ask (that household's regisseur, named only because
/// the user may see that person; never an id).
async fn way_out(ctx: &Ctx<'_>, h: &Household, facts: &[(LidInput, LidFeiten)]) -> String {
    let taken: Vec<&(LidInput, LidFeiten)> = facts
        .iter()
        .filter(|(l, _)| h.leden.iter().any(|m| m.persoon_id == l.persoon_id))
        .collect();
    let wie = if taken.len() == 1 {
        "deze persoon"
    } else {
        "hen"
    };
    let generic = format!("Haal {wie} daar eerst uit.");
    let Some((first, feiten)) = taken.first() else {
        return generic;
    };
    let scope = person_scope(ctx.actor, Action::HouseholdEdit);
    let Ok(p) = persons::get(&ctx.app.db, scope, first.persoon_id).await else {
        return generic;
    };
    let target = wegwijs_domain::authz::Resource::Person(wegwijs_domain::authz::PersonRef {
        gemeente_id: p.gemeente_id,
        regisseur_id: p.regisseur_id,
    });
    let may_edit = ctx.require(Action::HouseholdEdit, target).is_ok();
    let own = p.regisseur_id == Some(ctx.actor.user_id);
    let there = format!(
        "open het dossier van {} en kies “Huishouden beheren”",
        feiten.naam
    );
    if may_edit && (own || p.regisseur_id.is_none()) {
        return format!("Haal {wie} daar eerst uit: {there}.");
    }
    match p.regisseur_naam {
        Some(r) if may_edit => format!(
            "Dat huishouden heeft {r} als regisseur: overleg met {r}, of haal {wie} daar zelf uit ({there})."
        ),
        Some(r) => {
            format!("Dat huishouden heeft {r} als regisseur: vraag {r} om {wie} daar uit te halen.")
        }
        None => format!(
            "Dat huishouden heeft nog geen regisseur: vraag uw teamleider om {wie} daar uit te halen."
        ),
    }
}

fn member_error(
    e: StorageError,
    facts: &[(LidInput, LidFeiten)],
    other: Option<(&Household, String)>,
) -> AppError {
    match e {
        // A member outside the gemeente: say so at the field instead of a bare 404.
        StorageError::NotFound => {
            let mut errors = ValidationErrors::new();
            errors.push(
                "leden",
                "unknown_value",
                "Een of meer leden zijn geen persoon van uw gemeente.",
            );
            AppError::Invalid(errors)
        }
        StorageError::Duplicate { .. } => {
            let mut errors = ValidationErrors::new();
            // Name whom it is about: the members of the other household that this form also lists.
            let message = match other {
                Some((h, hint)) => {
                    let names: Vec<&str> = facts
                        .iter()
                        .filter(|(l, _)| h.leden.iter().any(|m| m.persoon_id == l.persoon_id))
                        .map(|(_, f)| f.naam.as_str())
                        .collect();
                    let wie = match names.as_slice() {
                        [] => "Een of meer leden horen".to_string(),
                        [one] => format!("{one} hoort"),
                        many => format!("{} horen", many.join(", ")),
                    };
                    format!(
                        "{wie} al bij een ander huishouden: “{}”. {hint}",
                        h.omschrijving
                    )
                }
                None => "Een of meer leden horen al bij een ander huishouden.".to_string(),
            };
            // "in_use": a conflict with another record, not a mistake in the input (the API: 409).
            errors.push("leden", "in_use", message);
            AppError::Invalid(errors)
        }
        other => other.into(),
    }
}

fn audit_members(
    ctx: &Ctx<'_>,
    actie: AuditAction,
    h: &HuishoudenId,
    leden: &[LidInput],
) -> Vec<audit::AuditEntry> {
    let now = ctx.now();
    let gemeente = ctx.actor.gemeente_id();
    leden
        .iter()
        .map(|l| {
            ctx.audit.entry(
                now,
                actie,
                gemeente,
                Some(l.persoon_id),
                Some(format!("huishouden {h}")),
            )
        })
        .collect()
}

/// The household form of one person's dossier (`/personen/{id}/huishouden`): the household saved is
/// the one this person belongs to, or a new one with this person in it. A form that names another
/// household (an edited hidden field) is refused before anything is saved.
pub async fn save_for_person(
    ctx: &Ctx<'_>,
    person: wegwijs_domain::ids::PersonId,
    household: Option<(HuishoudenId, i64)>,
    omschrijving: &str,
    leden: &[LidInput],
) -> AppResult<()> {
    ctx.require_in_own_gemeente(Action::HouseholdEdit)?;
    let scope = person_scope(ctx.actor, Action::HouseholdEdit);
    let own = persons::get(&ctx.app.db, scope, person)
        .await?
        .huishouden_id;
    match (own, household) {
        (Some(own), Some((h, versie))) if own == h => update(ctx, h, omschrijving, leden, versie)
            .await
            .map(|_| ()),
        (None, None) => {
            if !leden.iter().any(|l| l.persoon_id == person) {
                let mut errors = ValidationErrors::new();
                errors.push(
                    "leden",
                    "required",
                    "De persoon van dit dossier hoort in het nieuwe huishouden: voeg hem of haar toe.",
                );
                return Err(AppError::Invalid(errors));
            }
            create(ctx, omschrijving, leden).await.map(|_| ())
        }
        // The household changed since the form was shown (made, left or replaced meanwhile), or the
        // form was edited to point elsewhere: never save onto another household.
        (_, _) => Err(AppError::Conflict {
            expected: household.map_or(0, |(_, v)| v),
            current: 0,
        }),
    }
}

pub async fn create(
    ctx: &Ctx<'_>,
    omschrijving: &str,
    leden: &[LidInput],
) -> AppResult<HuishoudenId> {
    let gemeente = ctx.require_in_own_gemeente(Action::HouseholdEdit)?;
    let omschrijving = validate(omschrijving, leden)?;
    let facts = member_facts(ctx, leden).await?;
    require_plausible(ctx, &facts).await?;
    let id = HuishoudenId(Uuid::now_v7());
    let mut tx = ctx.app.db.begin().await?;
    if let Err(e) = households::create(&mut tx, id, gemeente, &omschrijving, leden, ctx.now()).await
    {
        drop(tx);
        return Err(describe_taken(ctx, e, &facts).await);
    }
    audit::insert(
        &mut tx,
        &audit_members(ctx, AuditAction::HouseholdCreated, &id, leden),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub async fn update(
    ctx: &Ctx<'_>,
    id: HuishoudenId,
    omschrijving: &str,
    leden: &[LidInput],
    expected: i64,
) -> AppResult<i64> {
    let gemeente = ctx.require_in_own_gemeente(Action::HouseholdEdit)?;
    let omschrijving = validate(omschrijving, leden)?;
    let facts = member_facts(ctx, leden).await?;
    require_plausible(ctx, &facts).await?;
    let before = households::get(
        &ctx.app.db,
        person_scope(ctx.actor, Action::HouseholdEdit),
        id,
    )
    .await?;
    let mut tx = ctx.app.db.begin().await?;
    let versie = match households::update(
        &mut tx,
        id,
        gemeente,
        &omschrijving,
        leden,
        expected,
        ctx.now(),
    )
    .await
    {
        Ok(v) => v,
        Err(e) => {
            drop(tx);
            return Err(describe_taken(ctx, e, &facts).await);
        }
    };
    // Log both the members who left and those who stayed or joined: each person's household data changed.
    let mut touched: Vec<LidInput> = leden.to_vec();
    for old in &before.leden {
        if !leden.iter().any(|l| l.persoon_id == old.persoon_id) {
            touched.push(LidInput {
                persoon_id: old.persoon_id,
                relatie: old.relatie,
                nareiziger: old.nareiziger,
            });
        }
    }
    audit::insert(
        &mut tx,
        &audit_members(ctx, AuditAction::HouseholdUpdated, &id, &touched),
    )
    .await?;
    tx.commit().await?;
    Ok(versie)
}

/// One household, logged as a read of each member.
pub async fn view(ctx: &Ctx<'_>, id: HuishoudenId) -> AppResult<Household> {
    ctx.require_in_own_gemeente(Action::HouseholdView)?;
    let h = households::get(
        &ctx.app.db,
        person_scope(ctx.actor, Action::HouseholdView),
        id,
    )
    .await?;
    let leden: Vec<LidInput> = h
        .leden
        .iter()
        .map(|l| LidInput {
            persoon_id: l.persoon_id,
            relatie: l.relatie,
            nareiziger: l.nareiziger,
        })
        .collect();
    ctx.app
        .audit
        .record(audit_members(ctx, AuditAction::HouseholdRead, &id, &leden))
        .await?;
    Ok(h)
}

/// The gemeente's households. A description usually holds the family name ("Huishouden Demouri"),
/// so a list of them is a read of personal data: it is logged with one row per member of every
/// household shown, not one row per household, because the members are the data subjects: a row
/// without a person would never appear in a member's "wie heeft mijn gegevens gezien" view (AVG art.
/// 15). A household without members names no one who could be told, and leaves no row.
pub async fn list(
    ctx: &Ctx<'_>,
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<HouseholdSummary>, i64)> {
    let gemeente = ctx.require_in_own_gemeente(Action::HouseholdView)?;
    let scope = person_scope(ctx.actor, Action::HouseholdView);
    let (rows, totaal) = households::list(&ctx.app.db, scope, limit, offset).await?;
    let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
    let members = households::member_ids(&ctx.app.db, scope, &ids).await?;
    let now = ctx.now();
    let entries = members
        .into_iter()
        .map(|(h, p)| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                Some(gemeente),
                Some(p),
                Some(format!("huishoudenlijst, huishouden {h}")),
            )
        })
        .collect();
    ctx.app.audit.record(entries).await?;
    Ok((rows, totaal))
}
