//! Reading, listing, creating and changing persons, with access checks and audit rows.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, Resource, person_scope};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::{PersonDetails, RawPerson};
use wegwijs_storage::households::Household;
use wegwijs_storage::persons::{self, ListQuery, Page, PersonRecord};
use wegwijs_storage::{audit, households};

use super::changes::changed_fields;
use crate::error::{AppError, AppResult};
use crate::{Ctx, search_term};

/// A dossier as shown: the person and their household.
pub struct Dossier {
    pub person: PersonRecord,
    pub household: Option<Household>,
}

fn person_ref(p: &PersonRecord) -> Resource {
    Resource::Person(PersonRef {
        gemeente_id: p.gemeente_id,
        regisseur_id: p.regisseur_id,
    })
}

/// Loads a person the actor may see, without writing an audit row (callers audit what they show).
pub async fn load(ctx: &Ctx<'_>, action: Action, id: PersonId) -> AppResult<PersonRecord> {
    ctx.require_in_own_gemeente(action)?;
    let person = persons::get(&ctx.app.db, person_scope(ctx.actor, action), id).await?;
    ctx.require(action, person_ref(&person))?;
    Ok(person)
}

/// Records that the actor saw the whole record (edit form, conflict view).
pub async fn audit_read(ctx: &Ctx<'_>, person: &PersonRecord) -> AppResult<()> {
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::PersonRead,
        Some(person.gemeente_id),
        Some(person.id),
        None,
    );
    Ok(ctx.app.audit.record(vec![entry]).await?)
}

/// The dossier page / API get: one audit row, durable before the data is returned.
pub async fn view(ctx: &Ctx<'_>, id: PersonId) -> AppResult<Dossier> {
    let person = load(ctx, Action::PersonView, id).await?;
    let household = households::get_opt(
        &ctx.app.db,
        person_scope(ctx.actor, Action::HouseholdView),
        person.huishouden_id,
    )
    .await?;
    let now = ctx.now();
    let mut entries = vec![ctx.audit.entry(
        now,
        AuditAction::PersonRead,
        Some(person.gemeente_id),
        Some(id),
        None,
    )];
    // The household block shows the other members' names and birth dates: that is a read of their data too.
    for lid in household
        .iter()
        .flat_map(|h| &h.leden)
        .filter(|l| l.persoon_id != id)
    {
        let detail = Some(format!("huishouden van {id}"));
        entries.push(ctx.audit.entry(
            now,
            AuditAction::PersonListed,
            Some(person.gemeente_id),
            Some(lid.persoon_id),
            detail,
        ));
    }
    ctx.app.audit.record(entries).await?;
    Ok(Dossier { person, household })
}

/// A caseload page, API list or member search: one audit row per person shown (list rows carry
/// personal data), and for a search one row more that records what was searched for, also when
/// nothing was found (a search for a BSN that finds no one still tells whether that person is known).
pub async fn list(ctx: &Ctx<'_>, query: &ListQuery) -> AppResult<Page> {
    // A partner lists the persons of its referrals, each audited with the referral as legal basis.
    if ctx.actor.organisatie_soort == wegwijs_domain::authz::OrganisatieSoort::Partner {
        return crate::partners::dossier::list(ctx, query).await;
    }
    let gemeente = ctx.require_in_own_gemeente(Action::PersonList)?;
    let page = persons::list(
        &ctx.app.db,
        person_scope(ctx.actor, Action::PersonList),
        query,
    )
    .await?;
    let now = ctx.now();
    let details = Some(format!("lijst pagina {}", page.pagina));
    let mut entries: Vec<audit::AuditEntry> = page
        .items
        .iter()
        .map(|p| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                Some(gemeente),
                Some(p.person_id()),
                details.clone(),
            )
        })
        .collect();
    if let Some(term) = query.zoek.as_deref().filter(|t| !t.trim().is_empty()) {
        entries.push(ctx.audit.entry(
            now,
            AuditAction::PersonSearched,
            Some(gemeente),
            None,
            Some(search_details(ctx, term, page.totaal)),
        ));
    }
    ctx.app.audit.record(entries).await?;
    Ok(page)
}

/// The search row's details: the kind of term, its fingerprint (never the term) and the hit count.
pub(crate) fn search_details(ctx: &Ctx<'_>, term: &str, totaal: i64) -> String {
    format!(
        "zoekterm ({}) {}; gevonden: {totaal}",
        search_term::kind(term),
        search_term::fingerprint(ctx.app.config.search_term_key.as_ref(), term)
    )
}

/// Refuses a regisseur that is not an active regisseur of `gemeente` (create and reassign alike).
async fn check_regisseur(ctx: &Ctx<'_>, gemeente: OrganisatieId, r: GebruikerId) -> AppResult<()> {
    let regisseurs = wegwijs_storage::users::regisseurs_of(&ctx.app.db, gemeente).await?;
    if regisseurs.iter().any(|(rid, _)| *rid == r) {
        return Ok(());
    }
    let mut errors = wegwijs_domain::validation::ValidationErrors::new();
    errors.push(
        "regisseurId",
        "unknown_value",
        "Kies een actieve regisseur van deze gemeente.",
    );
    Err(AppError::Invalid(errors))
}

/// A 409 on a BSN or V-nummer names the person who already holds it: that is a disclosure about that
/// person, so it is logged, and it is made only if the actor may see that person. Otherwise the answer
/// says that the number is taken, without id. (The duplicate check itself only looks within the actor's
/// gemeente: the same BSN in another gemeente is no duplicate, and is never mentioned.)
async fn disclose_duplicate(ctx: &Ctx<'_>, err: AppError, bij: &str) -> AppError {
    let AppError::Duplicate {
        field,
        existing: Some(existing),
    } = err
    else {
        return err;
    };
    let hidden = AppError::Duplicate {
        field,
        existing: None,
    };
    let person = match load(ctx, Action::PersonView, PersonId(existing)).await {
        Ok(p) => p,
        Err(AppError::NotFound | AppError::Forbidden(_)) => return hidden,
        Err(other) => return other,
    };
    let wat = if field == "vNummer" {
        "V-nummer"
    } else {
        "BSN"
    };
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::PersonRead,
        Some(person.gemeente_id),
        Some(person.id),
        Some(format!("dubbel {wat} bij {bij}")),
    );
    // No durable row, no disclosure.
    match ctx.app.audit.record(vec![entry]).await {
        Ok(()) => AppError::Duplicate {
            field,
            existing: Some(existing),
        },
        Err(e) => e.into(),
    }
}

/// Creates a person in the actor's gemeente; the record and its audit row commit together.
pub async fn create(
    ctx: &Ctx<'_>,
    raw: &RawPerson,
    regisseur: Option<GebruikerId>,
) -> AppResult<PersonId> {
    let gemeente = ctx.require_in_own_gemeente(Action::PersonCreate)?;
    let details = PersonDetails::parse(raw, ctx.app.clock.today())?;
    let regisseur = match regisseur {
        Some(r) => {
            check_regisseur(ctx, gemeente, r).await?;
            Some(r)
        }
        // A regisseur who registers someone takes them on; a teamleider assigns explicitly.
        None if ctx.actor.has(wegwijs_domain::authz::Role::Regisseur) => Some(ctx.actor.user_id),
        None => None,
    };
    let id = PersonId(Uuid::now_v7());
    let now = ctx.now();
    let entry = ctx.audit.entry(
        now,
        AuditAction::PersonCreated,
        Some(gemeente),
        Some(id),
        None,
    );
    let by = Some(ctx.actor.user_id);
    // Registration is a frequent small write: it joins the group commit, in its own savepoint.
    let written = ctx
        .app
        .writes
        .write(Box::new(move |tx| {
            Box::pin(async move {
                persons::insert(tx, id, gemeente, regisseur, &details, by, now).await?;
                audit::insert(tx, &[entry]).await
            })
        }))
        .await;
    match written {
        Ok(()) => Ok(id),
        Err(e) => Err(disclose_duplicate(ctx, e.into(), "registratie").await),
    }
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The details changed; the new version.
    Changed(i64),
    /// The input equals what is stored: nothing written, no new version, no audit row of a change.
    Unchanged(i64),
}

impl Saved {
    pub fn versie(self) -> i64 {
        match self {
            Saved::Changed(v) | Saved::Unchanged(v) => v,
        }
    }
}

/// Replaces a person's details if `expected_version` is current. Input equal to what is stored is
/// no change: a new version would set off the conflict page for anyone else editing the person and
/// clutter the log with changes that did not happen.
pub async fn update(
    ctx: &Ctx<'_>,
    id: PersonId,
    raw: &RawPerson,
    expected_version: i64,
) -> AppResult<Saved> {
    let before = load(ctx, Action::PersonEdit, id).await?;
    let details = PersonDetails::parse(raw, ctx.app.clock.today())?;
    let changed = changed_fields(&before.details, &details);
    if changed.is_empty() {
        // A stale form is still a conflict, even if it matches: the user saw an older version.
        if expected_version != before.versie {
            return Err(AppError::Conflict {
                expected: expected_version,
                current: before.versie,
            });
        }
        return Ok(Saved::Unchanged(before.versie));
    }
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    let versie = match persons::update(
        &mut tx,
        id,
        before.gemeente_id,
        &details,
        expected_version,
        ctx.actor.user_id,
        now,
    )
    .await
    {
        Ok(v) => v,
        Err(e) => {
            drop(tx);
            return Err(disclose_duplicate(ctx, e.into(), "wijziging").await);
        }
    };
    let entry = ctx.audit.entry(
        now,
        AuditAction::PersonUpdated,
        Some(before.gemeente_id),
        Some(id),
        Some(format!("velden: {}", changed.join(", "))),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(Saved::Changed(versie))
}

/// Moves a person to another regisseur (teamleider). The new regisseur must work for the same gemeente.
/// With `met_huishouden` the household members who had the same regisseur (or none) move along, in
/// the same transaction (`household_move`). Returns the (new) version, how many members moved along,
/// and whether anything changed at all (assigning the regisseur a person already has, with no member
/// to follow, changes nothing and writes nothing).
pub async fn reassign(
    ctx: &Ctx<'_>,
    id: PersonId,
    regisseur: Option<GebruikerId>,
    expected_version: i64,
    met_huishouden: bool,
) -> AppResult<(i64, usize, bool)> {
    let before = load(ctx, Action::PersonReassign, id).await?;
    if let Some(r) = regisseur {
        check_regisseur(ctx, before.gemeente_id, r).await?;
    }
    let now = ctx.now();
    // The regisseur the person already has: no new version, no "gewijzigd" row (open forms on the
    // dossier would otherwise meet a conflict with nothing changed). The household may still follow.
    let unchanged = before.regisseur_id == regisseur;
    if unchanged && before.versie != expected_version {
        return Err(AppError::Conflict {
            expected: expected_version,
            current: before.versie,
        });
    }
    let mut tx = ctx.app.db.begin().await?;
    let versie = if unchanged {
        before.versie
    } else {
        persons::reassign(
            &mut tx,
            id,
            before.gemeente_id,
            regisseur,
            expected_version,
            ctx.actor.user_id,
            now,
        )
        .await?
    };
    let detail = regisseur
        .map(|r| format!("naar regisseur {r}"))
        .unwrap_or_else(|| "zonder regisseur".into());
    let mut moves = crate::household_move::Moves::new(ctx, before.gemeente_id, now, [id]);
    if met_huishouden {
        let target = regisseur
            .map(|r| format!("regisseur {r}"))
            .unwrap_or_else(|| "geen regisseur".into());
        moves
            .household_of(&mut tx, id, before.regisseur_id, regisseur, &target)
            .await?;
    }
    let mut entries = Vec::new();
    if !unchanged {
        entries.push(ctx.audit.entry(
            now,
            AuditAction::PersonReassigned,
            Some(before.gemeente_id),
            Some(id),
            Some(detail),
        ));
    }
    entries.append(&mut moves.entries);
    if entries.is_empty() {
        // Nothing moved at all: nothing to commit, and the page says so.
        return Ok((versie, 0, false));
    }
    audit::insert(&mut tx, &entries).await?;
    tx.commit().await?;
    Ok((versie, moves.gezinsleden, true))
}

/// The household members who would move along if `id` moved away from its current regisseur (the
/// dossier's "ook de gezinsleden", which names them). The dossier shows the household's names already.
pub async fn household_along(ctx: &Ctx<'_>, person: &PersonRecord) -> AppResult<Vec<String>> {
    let gemeente = person.gemeente_id;
    let leden = wegwijs_storage::caseload::gezinsleden(&ctx.app.db, gemeente, person.id).await?;
    Ok(leden
        .into_iter()
        // The target is not chosen yet: everyone who shares the regisseur (or has none) is offered.
        .filter(|l| l.regisseur.is_none() || l.regisseur == person.regisseur_id)
        .map(|l| l.naam)
        .collect())
}
