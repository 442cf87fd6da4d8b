//! The werkvoorraad: everything that needs action for the persons of one regisseur (or a teamleider's
//! whole team), most urgent first. Storage loads the trajectory facts of all those persons in one
//! query; the pure rules (`domain::trajectory::werkvoorraad::acties`) say what is due; each listed
//! person is audited as `PersonListed`, like a caseload page.

use std::collections::BTreeSet;

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{WerkvoorraadKeuze, WerkvoorraadScope, werkvoorraad_scope};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::settings::TrajectInstellingen;
use wegwijs_domain::trajectory::werkvoorraad::{Actie, ActieSoort, acties};
use wegwijs_storage::trajectory_facts::{self, PersoonFeiten};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// Where an action is taken: the page a row links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plek {
    Pip,
    Voortgang,
    Intake,
    Koppeling,
    Dossier,
    /// The person's referrals (attendance at a partner).
    Verwijzingen,
}

/// One row: a person and one action for them.
#[derive(Clone)]
pub struct Rij {
    pub persoon: PersonId,
    pub naam: String,
    pub regisseur: Option<GebruikerId>,
    pub actie: Actie,
    pub plek: Plek,
}

/// `Debug` without the name (personal data).
impl std::fmt::Debug for Rij {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rij")
            .field("persoon", &self.persoon)
            .field("actie", &self.actie)
            .finish_non_exhaustive()
    }
}

pub struct Werkvoorraad {
    pub scope: WerkvoorraadScope,
    pub rijen: Vec<Rij>,
}

/// Where the action of `soort` is taken for a person with `feiten`.
fn plek(soort: ActieSoort, f: &PersoonFeiten) -> Plek {
    match soort {
        ActieSoort::PipTeLaat | ActieSoort::PipBinnenTweeWeken => Plek::Pip,
        ActieSoort::VoortgangNodig | ActieSoort::TermijnEindigtRouteOnvolledig => Plek::Voortgang,
        ActieSoort::IntakeOnvolledig => Plek::Intake,
        ActieSoort::OntzorgenEindigt | ActieSoort::BegeleidingEindigt => Plek::Dossier,
        ActieSoort::Verzuim => Plek::Verwijzingen,
        // Contact before the intake starts is the warm handover; during the intake a conversation;
        // after the PIP a voortgangsgesprek.
        ActieSoort::GeenContact => {
            match (f.feiten.intake_gestart, f.feiten.first_pip_dagtekening) {
                (_, Some(_)) => Plek::Voortgang,
                (Some(_), None) => Plek::Intake,
                (None, None) => Plek::Koppeling,
            }
        }
    }
}

/// The rows for `personen` on `today`, optionally only of one kind, most urgent first (ties by name,
/// then id, so the order is stable between requests).
pub fn rijen(
    personen: Vec<PersoonFeiten>,
    s: &TrajectInstellingen,
    today: chrono::NaiveDate,
    soort: Option<ActieSoort>,
) -> Vec<Rij> {
    let mut out: Vec<Rij> = personen
        .iter()
        .flat_map(|p| {
            acties(&p.feiten, s, today)
                .into_iter()
                .filter(|a| soort.is_none_or(|s| a.soort == s))
                .map(|a| Rij {
                    persoon: p.id,
                    naam: p.naam.clone(),
                    regisseur: p.regisseur_id,
                    actie: a,
                    plek: plek(a.soort, p),
                })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.actie.urgentie(), &a.naam, a.persoon.0).cmp(&(b.actie.urgentie(), &b.naam, b.persoon.0))
    });
    out
}

/// The gemeente's trajectory settings (`geen_contact_dagen`, `voortgang_interval_maanden`, ...).
pub async fn instellingen(
    ctx: &Ctx<'_>,
    gemeente: OrganisatieId,
) -> AppResult<TrajectInstellingen> {
    crate::traject_settings::get(ctx.app, gemeente).await
}

/// A named regisseur must work for the actor's gemeente; any other id is "not found" (it tells
/// nothing about other gemeenten).
async fn check_regisseur(ctx: &Ctx<'_>, scope: WerkvoorraadScope) -> AppResult<()> {
    let WerkvoorraadScope::Regisseur {
        gemeente,
        regisseur,
    } = scope
    else {
        return Ok(());
    };
    if regisseur == ctx.actor.user_id {
        return Ok(());
    }
    match wegwijs_storage::users::get(&ctx.app.db, regisseur).await {
        Ok(u) if u.organisatie_id == gemeente => Ok(()),
        Ok(_) | Err(wegwijs_storage::StorageError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The werkvoorraad `keuze` asks for, filtered to `soort` when given. Every person with a row shown is
/// audited (`PersonListed`); persons without any action are not shown and not audited.
pub async fn list(
    ctx: &Ctx<'_>,
    keuze: WerkvoorraadKeuze,
    soort: Option<ActieSoort>,
) -> AppResult<Werkvoorraad> {
    let scope = werkvoorraad_scope(ctx.actor, keuze).map_err(AppError::Forbidden)?;
    check_regisseur(ctx, scope).await?;
    let gemeente = match scope {
        WerkvoorraadScope::Regisseur { gemeente, .. } | WerkvoorraadScope::Team { gemeente } => {
            gemeente
        }
    };
    let s = instellingen(ctx, gemeente).await?;
    let personen = trajectory_facts::load(&ctx.app.db, scope).await?;
    let rijen = rijen(personen, &s, ctx.app.clock.today(), soort);
    let now = ctx.now();
    let listed: BTreeSet<PersonId> = rijen.iter().map(|r| r.persoon).collect();
    let entries: Vec<_> = listed
        .into_iter()
        .map(|id| {
            ctx.audit.entry(
                now,
                AuditAction::PersonListed,
                Some(gemeente),
                Some(id),
                Some("werkvoorraad".into()),
            )
        })
        .collect();
    if !entries.is_empty() {
        ctx.app.audit.record(entries).await?;
    }
    Ok(Werkvoorraad { scope, rijen })
}

/// The regisseurs a teamleider can pick (active regisseurs of the gemeente): (id, name).
pub async fn regisseurs(
    ctx: &Ctx<'_>,
    gemeente: OrganisatieId,
) -> AppResult<Vec<(GebruikerId, String)>> {
    Ok(wegwijs_storage::users::regisseurs_of(&ctx.app.db, gemeente).await?)
}

/// The codes of the regisseur choice, shared by page and API: blank or absent is the actor's
/// default, `mij` the own list, `team` (or `alle`) the whole team, else a regisseur's id. `None` for
/// anything else.
pub fn keuze(
    code: Option<&str>,
    actor: &wegwijs_domain::authz::Actor,
) -> Option<WerkvoorraadKeuze> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Some(WerkvoorraadKeuze::Standaard),
        Some("mij") => Some(WerkvoorraadKeuze::Regisseur(actor.user_id)),
        Some("team" | "alle") => Some(WerkvoorraadKeuze::Team),
        Some(other) => other
            .parse()
            .ok()
            .map(|id| WerkvoorraadKeuze::Regisseur(GebruikerId(id))),
    }
}

/// The Dutch message for a code [`keuze`] does not know.
pub const KEUZE_MESSAGE: &str = "Kies mij, team of het id van een regisseur.";

/// The Dutch message for an unknown action kind.
pub const SOORT_MESSAGE: &str = "Onbekende soort actie.";

/// An action kind from its code; blank or absent is "every kind".
pub fn soort(code: Option<&str>) -> Result<Option<ActieSoort>, &'static str> {
    match code.map(str::trim).filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(c) => ActieSoort::parse(c).map(Some).ok_or(SOORT_MESSAGE),
    }
}
