//! The teamleider's and regisseur's caseload work: the workload overview, moving persons to another
//! regisseur in bulk, taking on a person without regisseur, and the gemeente setting that allows that.

use std::collections::BTreeMap;

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource, can_take_on, person_scope};
use wegwijs_domain::caseload::{Fase, FaseFeiten, fase};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::caseload::{self, GemeenteInstellingen};
use wegwijs_storage::{StorageError, audit, persons};

use crate::Ctx;
use crate::error::{AppError, AppResult};
use crate::household_move;

/// At most this many persons move in one action: one transaction stays short, and a caseload larger
/// than this is moved in parts.
pub const MAX_BULK: usize = 2_000;

/// One line of the workload overview: a regisseur (or "Zonder regisseur") and their counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkloadLine {
    /// `None`: the persons without a regisseur.
    pub regisseur: Option<GebruikerId>,
    pub naam: String,
    /// Still an active regisseur of the gemeente (an inactive one's persons need a new regisseur).
    pub actief: bool,
    pub totaal: i64,
    /// Per doelgroep, in the order of [`Doelgroep::ALL`]; the last entry counts "onbekend".
    pub per_doelgroep: Vec<i64>,
    /// Per stage, in the order of [`Fase::ALL`].
    pub per_fase: Vec<i64>,
}

/// The overview: one line per active regisseur (also those with no persons), then any other user who
/// still has persons, then the persons without a regisseur. Counts only, so no audit row: no person's
/// data is shown.
pub async fn workload(ctx: &Ctx<'_>) -> AppResult<Vec<WorkloadLine>> {
    let gemeente = ctx.require_in_own_gemeente(Action::WorkloadView)?;
    let groups = caseload::workload(&ctx.app.db, gemeente, ctx.app.clock.today()).await?;
    let regisseurs = wegwijs_storage::users::regisseurs_of(&ctx.app.db, gemeente).await?;
    let empty = |regisseur, naam: String, actief| WorkloadLine {
        regisseur,
        naam,
        actief,
        totaal: 0,
        per_doelgroep: vec![0; Doelgroep::ALL.len() + 1],
        per_fase: vec![0; Fase::ALL.len()],
    };
    let mut lines: BTreeMap<Option<GebruikerId>, WorkloadLine> = regisseurs
        .iter()
        .map(|(id, naam)| (Some(*id), empty(Some(*id), naam.clone(), true)))
        .collect();
    for g in groups {
        let key = g.regisseur_id.map(GebruikerId);
        let line = match lines.get_mut(&key) {
            Some(l) => l,
            None => {
                // A former regisseur (inactive, or the role taken away) who still has persons.
                let naam = match key {
                    Some(id) => wegwijs_storage::users::get(&ctx.app.db, id)
                        .await
                        .map(|u| format!("{} (geen actieve regisseur)", u.naam))
                        .unwrap_or_else(|_| "Onbekende medewerker".into()),
                    None => "Zonder regisseur".into(),
                };
                lines.entry(key).or_insert(empty(key, naam, false))
            }
        };
        line.totaal += g.aantal;
        let d = g
            .doelgroep
            .as_deref()
            .and_then(Doelgroep::parse)
            .and_then(|d| Doelgroep::ALL.iter().position(|x| *x == d))
            .unwrap_or(Doelgroep::ALL.len());
        if let Some(c) = line.per_doelgroep.get_mut(d) {
            *c += g.aantal;
        }
        // The unassigned keep their real stage: "Zonder regisseur" is their row, not a stage.
        let f = fase(FaseFeiten {
            gekoppeld: g.gekoppeld,
            gehuisvest: g.gehuisvest,
            in_intake: g.in_intake,
            pip_vastgesteld: g.pip_vastgesteld,
            voldaan: g.voldaan,
        });
        if let Some(i) = Fase::ALL.iter().position(|x| *x == f)
            && let Some(c) = line.per_fase.get_mut(i)
        {
            *c += g.aantal;
        }
    }
    let mut out: Vec<WorkloadLine> = lines.into_values().collect();
    // Active regisseurs by name, then former ones, then "Zonder regisseur" last.
    out.sort_by(|a, b| {
        (a.regisseur.is_none(), !a.actief, &a.naam).cmp(&(
            b.regisseur.is_none(),
            !b.actief,
            &b.naam,
        ))
    });
    Ok(out)
}

/// Which persons a bulk move takes.
pub enum Selectie {
    /// These persons, each at the version the teamleider saw (a person changed meanwhile stops the move).
    Personen(Vec<(PersonId, i64)>),
    /// Everyone in this regisseur's caseload now (`None`: everyone without a regisseur).
    AllesVan(Option<GebruikerId>),
}

/// What a move did: how many chosen persons changed regisseur and how many household members moved
/// along with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Verplaatsing {
    pub personen: usize,
    pub gezinsleden: usize,
}

/// What moving a whole caseload would do, for the confirmation page.
#[derive(Clone)]
pub struct Voorstel {
    pub van_naam: String,
    pub naar_naam: String,
    pub personen: usize,
    /// Household members who would move along: their names (the page shows who, and that is logged).
    pub gezinsleden: Vec<String>,
}

fn refused(message: &str) -> AppError {
    let mut e = ValidationErrors::new();
    e.push("personen", "invalid", message);
    AppError::Invalid(e)
}

fn refused_naar(message: String) -> AppError {
    let mut e = ValidationErrors::new();
    e.push("naar", "invalid", message);
    AppError::Invalid(e)
}

/// The checks before any move: the target is an active regisseur of the gemeente, the source (for a
/// whole caseload) belongs to the gemeente and differs from the target. Returns the gemeente, the
/// target's name and the source's name.
async fn check_move(
    ctx: &Ctx<'_>,
    selectie: &Selectie,
    naar: GebruikerId,
) -> AppResult<(OrganisatieId, String, String)> {
    let gemeente = ctx.require_in_own_gemeente(Action::PersonReassign)?;
    let regisseurs = wegwijs_storage::users::regisseurs_of(&ctx.app.db, gemeente).await?;
    let Some((_, naar_naam)) = regisseurs.iter().find(|(id, _)| *id == naar) else {
        let mut e = ValidationErrors::new();
        e.push(
            "naar",
            "unknown_value",
            "Kies een actieve regisseur van uw gemeente.",
        );
        return Err(AppError::Invalid(e));
    };
    let van_naam = match selectie {
        Selectie::AllesVan(Some(van)) => {
            // Another gemeente's regisseur has no persons here; say so instead of moving nobody silently.
            let user = wegwijs_storage::users::get(&ctx.app.db, *van)
                .await
                .ok()
                .filter(|u| u.organisatie_id == gemeente);
            let Some(user) = user else {
                return Err(refused("Deze regisseur werkt niet voor uw gemeente."));
            };
            // A caseload moved onto itself changes nothing, yet would look like a success.
            if *van == naar {
                return Err(refused_naar(format!(
                    "Van en naar zijn dezelfde regisseur ({}). Kies bij “Naar regisseur” een andere regisseur.",
                    user.naam
                )));
            }
            user.naam
        }
        Selectie::AllesVan(None) => "Zonder regisseur".to_string(),
        Selectie::Personen(_) => String::new(),
    };
    Ok((gemeente, naar_naam.clone(), van_naam))
}

/// What moving a whole caseload to `naar` would do, shown before the teamleider confirms. The names of
/// the household members it lists are logged as a listing of each of them.
pub async fn propose_move(
    ctx: &Ctx<'_>,
    selectie: &Selectie,
    naar: GebruikerId,
    met_huishouden: bool,
) -> AppResult<Voorstel> {
    let (gemeente, naar_naam, van_naam) = check_move(ctx, selectie, naar).await?;
    let Selectie::AllesVan(van) = selectie else {
        return Err(AppError::BadRequest(
            "Alleen een hele caseload wordt eerst bevestigd.".into(),
        ));
    };
    let ids = caseload::ids_of(&ctx.app.db, gemeente, *van).await?;
    if ids.is_empty() {
        return Err(refused(
            "Deze caseload is leeg: er is niemand om te verplaatsen.",
        ));
    }
    if ids.len() > MAX_BULK {
        return Err(refused(&format!(
            "Verplaats hoogstens {MAX_BULK} personen tegelijk."
        )));
    }
    let mut gezinsleden = Vec::new();
    if met_huishouden {
        let mut seen: std::collections::HashSet<PersonId> = ids.iter().copied().collect();
        for id in &ids {
            for lid in household_move::preview(ctx, gemeente, *id, *van, Some(naar)).await? {
                if seen.insert(lid.id) {
                    gezinsleden.push(lid);
                }
            }
        }
    }
    let now = ctx.now();
    let entries = gezinsleden
        .iter()
        .map(|l| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                Some(gemeente),
                Some(l.id),
                Some("genoemd bij het bevestigen van een verplaatsing".into()),
            )
        })
        .collect::<Vec<_>>();
    if !entries.is_empty() {
        ctx.app.audit.record(entries).await?;
    }
    Ok(Voorstel {
        van_naam,
        naar_naam,
        personen: ids.len(),
        gezinsleden: gezinsleden.into_iter().map(|l| l.naam).collect(),
    })
}

/// Moves the selected persons to `naar` (an active regisseur of the gemeente) in one transaction:
/// all or none. One audit row per person moved, in the same commit. A person who already has `naar`
/// is skipped: no audit row and no new version (nothing changed, so no colleague's open form should
/// see a conflict). With `met_huishouden`, household members move along (`household_move`).
///
/// The rule when one person cannot be moved (not in the gemeente, or changed since the list was shown):
/// nothing moves, and the message says why, so the teamleider reloads and chooses again.
pub async fn bulk_move(
    ctx: &Ctx<'_>,
    selectie: Selectie,
    naar: GebruikerId,
    met_huishouden: bool,
) -> AppResult<Verplaatsing> {
    let (gemeente, naar_naam, _) = check_move(ctx, &selectie, naar).await?;
    let now = ctx.now();
    let by = ctx.actor.user_id;
    let mut tx = ctx.app.db.begin().await?;
    // (person, the version the teamleider saw; `None` when read here)
    let chosen: Vec<(PersonId, Option<i64>)> = match selectie {
        Selectie::Personen(p) => p.into_iter().map(|(id, v)| (id, Some(v))).collect(),
        Selectie::AllesVan(van) => caseload::persons_of(&mut tx, gemeente, van)
            .await?
            .into_iter()
            .map(|(id, _)| (id, None))
            .collect(),
    };
    if chosen.is_empty() {
        return Err(refused("Kies ten minste één persoon om te verplaatsen."));
    }
    if chosen.len() > MAX_BULK {
        return Err(refused(&format!(
            "Verplaats hoogstens {MAX_BULK} personen tegelijk."
        )));
    }
    let gone = || {
        refused(
            "Een van de gekozen personen hoort niet (meer) bij uw gemeente. Er is niemand verplaatst.",
        )
    };
    let changed = || {
        refused(
            "Een van de gekozen personen is intussen gewijzigd door een collega. Er is niemand \
             verplaatst: laad de lijst opnieuw en kies opnieuw.",
        )
    };
    let mut moves = household_move::Moves::new(ctx, gemeente, now, chosen.iter().map(|c| c.0));
    let mut moved: Vec<PersonId> = Vec::with_capacity(chosen.len());
    let mut previous: Vec<(PersonId, Option<GebruikerId>)> = Vec::new();
    for (id, seen_version) in &chosen {
        let Some((current, versie)) = caseload::regisseur_of(&mut tx, gemeente, *id).await? else {
            return Err(gone());
        };
        // Already with the target: nothing to change (no row, no version), whatever version was seen.
        if current == Some(naar) {
            continue;
        }
        let expected = seen_version.unwrap_or(versie);
        match persons::reassign(&mut tx, *id, gemeente, Some(naar), expected, by, now).await {
            Ok(_) => {}
            Err(StorageError::NotFound) => return Err(gone()),
            Err(StorageError::Conflict { .. }) => return Err(changed()),
            Err(e) => return Err(e.into()),
        }
        moved.push(*id);
        previous.push((*id, current));
    }
    if met_huishouden {
        for (id, van) in &previous {
            match moves
                .household_of(&mut tx, *id, *van, Some(naar), naar_naam.as_str())
                .await
            {
                Ok(()) => {}
                Err(StorageError::Conflict { .. }) => return Err(changed()),
                Err(e) => return Err(e.into()),
            }
        }
    }
    let n = moved.len();
    let mut entries: Vec<_> = moved
        .iter()
        .map(|id| {
            ctx.audit.entry(
                now,
                AuditAction::PersonReassigned,
                Some(gemeente),
                Some(*id),
                Some(match n - 1 + moves.gezinsleden {
                    0 => format!("naar {naar_naam}"),
                    1 => format!("naar {naar_naam} (samen met 1 andere persoon verplaatst)"),
                    others => {
                        format!("naar {naar_naam} (samen met {others} andere personen verplaatst)")
                    }
                }),
            )
        })
        .collect();
    entries.append(&mut moves.entries);
    if !entries.is_empty() {
        audit::insert(&mut tx, &entries).await?;
    }
    tx.commit().await?;
    Ok(Verplaatsing {
        personen: n,
        gezinsleden: moves.gezinsleden,
    })
}

/// A regisseur takes a person without regisseur into their own caseload, if the gemeente allows it.
/// The setting is read in the writing transaction, and the version guards against a colleague taking
/// the same person at the same moment. With `met_huishouden`, the household members without regisseur
/// come along. Returns the person's new version and how many household members came along.
pub async fn take_on(
    ctx: &Ctx<'_>,
    id: PersonId,
    expected_version: i64,
    met_huishouden: bool,
) -> AppResult<(i64, usize)> {
    let gemeente = ctx.require_in_own_gemeente(Action::PersonTakeOn)?;
    let person = persons::get(
        &ctx.app.db,
        person_scope(ctx.actor, Action::PersonTakeOn),
        id,
    )
    .await?;
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    let allowed = caseload::settings_tx(&mut tx, gemeente)
        .await?
        .overnemen_toegestaan;
    let target = PersonRef {
        gemeente_id: person.gemeente_id,
        regisseur_id: person.regisseur_id,
    };
    if let wegwijs_domain::authz::Decision::Deny(reason) = can_take_on(ctx.actor, target, allowed) {
        return Err(AppError::Forbidden(reason));
    }
    let me = ctx.actor.user_id;
    let versie =
        persons::reassign(&mut tx, id, gemeente, Some(me), expected_version, me, now).await?;
    let mut moves = household_move::Moves::new(ctx, gemeente, now, [id]);
    if met_huishouden {
        let naam = wegwijs_storage::users::get(&ctx.app.db, me)
            .await
            .map(|u| u.naam)
            .unwrap_or_else(|_| "de regisseur zelf".into());
        moves
            .household_of(&mut tx, id, None, Some(me), naam.as_str())
            .await?;
    }
    let mut entries = vec![ctx.audit.entry(
        now,
        AuditAction::PersonReassigned,
        Some(gemeente),
        Some(id),
        Some("overgenomen door de regisseur zelf (zonder regisseur)".into()),
    )];
    entries.append(&mut moves.entries);
    audit::insert(&mut tx, &entries).await?;
    tx.commit().await?;
    Ok((versie, moves.gezinsleden))
}

/// Whether the actor's gemeente lets regisseurs take on persons (for showing the button).
pub async fn take_on_allowed(ctx: &Ctx<'_>) -> AppResult<bool> {
    let g = ctx.gemeente()?;
    Ok(caseload::settings(&ctx.app.db, g)
        .await?
        .overnemen_toegestaan)
}

fn require_settings(ctx: &Ctx<'_>) -> AppResult<OrganisatieId> {
    let g = ctx.gemeente()?;
    ctx.require(Action::OrganisationManage, Resource::Organisation(g))?;
    Ok(g)
}

/// The gemeente's settings (its beheerder).
pub async fn settings(ctx: &Ctx<'_>) -> AppResult<GemeenteInstellingen> {
    let g = require_settings(ctx)?;
    Ok(caseload::settings(&ctx.app.db, g).await?)
}

/// Changes the gemeente's settings if `expected_version` is current; audited in the gemeente's chain.
pub async fn set_settings(
    ctx: &Ctx<'_>,
    overnemen_toegestaan: bool,
    expected_version: i64,
) -> AppResult<i64> {
    let g = require_settings(ctx)?;
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    let versie =
        caseload::set_settings(&mut tx, g, overnemen_toegestaan, expected_version, now).await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::SettingChanged,
        Some(g),
        None,
        Some(format!(
            "regisseurs mogen personen zonder regisseur overnemen: {}",
            if overnemen_toegestaan { "ja" } else { "nee" }
        )),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(versie)
}
