//! `/werkvoorraad`: what needs action, most urgent first; the regisseur's start page. A teamleider
//! picks a regisseur or the whole team (a plain GET form); anyone filters by kind of action.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wegwijs_app::error::AppError;
use wegwijs_app::werkvoorraad::{self, Plek, Rij};
use wegwijs_domain::authz::{Action, Resource, WerkvoorraadScope, can};
use wegwijs_domain::ids::GebruikerId;
use wegwijs_domain::trajectory::werkvoorraad::ActieSoort;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render_status;
use crate::state::AppState;

#[derive(Debug, Default, Deserialize)]
pub struct WerkvoorraadQuery {
    pub regisseur: Option<String>,
    pub soort: Option<String>,
}

/// Where a row's action is taken.
pub fn href(plek: Plek, persoon: &str) -> String {
    let tail = match plek {
        Plek::Pip => "/pips",
        Plek::Voortgang => "/voortgang",
        Plek::Intake => "/intake",
        Plek::Koppeling => "/koppeling",
        Plek::Dossier => "",
        Plek::Verwijzingen => "/verwijzingen",
    };
    format!("/personen/{persoon}{tail}")
}

fn link_text(plek: Plek) -> &'static str {
    match plek {
        Plek::Pip => "Naar het PIP",
        Plek::Voortgang => "Naar termijn en voortgang",
        Plek::Intake => "Naar de intake",
        Plek::Koppeling => "Naar de koppeling",
        Plek::Dossier => "Naar het dossier",
        Plek::Verwijzingen => "Naar de verwijzingen",
    }
}

pub struct RijView {
    pub naam: String,
    /// The person's dossier, linked from the name.
    pub dossier: String,
    /// The name of the person's regisseur (shown in the team view).
    pub regisseur: String,
    pub actie: &'static str,
    pub datum: String,
    pub te_laat: bool,
    pub href: String,
    pub link: &'static str,
}

impl RijView {
    /// `regisseurs`: (id, name) of the gemeente's regisseurs, to name each row's regisseur.
    fn new(r: &Rij, regisseurs: &[(GebruikerId, String)]) -> RijView {
        let id = r.persoon.0.to_string();
        let regisseur = match r.regisseur {
            None => "Geen regisseur".to_string(),
            Some(g) => regisseurs
                .iter()
                .find(|(id, _)| *id == g)
                .map_or_else(|| "Onbekend".to_string(), |(_, naam)| naam.clone()),
        };
        RijView {
            naam: r.naam.clone(),
            dossier: href(Plek::Dossier, &id),
            regisseur,
            actie: r.actie.soort.label(),
            datum: r
                .actie
                .datum
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_else(|| "geen datum".into()),
            te_laat: r.actie.te_laat,
            href: href(r.plek, &id),
            link: link_text(r.plek),
        }
    }
}

/// (value, label, selected) of a select.
pub type Optie = (String, String, bool);

#[derive(Template)]
#[template(path = "werkvoorraad.html")]
pub struct WerkvoorraadPage {
    pub layout: Layout,
    pub kop: String,
    /// The teamleider's choice of regisseur; empty for a regisseur (only the own list).
    pub regisseurs: Vec<Optie>,
    pub soorten: Vec<Optie>,
    pub rijen: Vec<RijView>,
    /// The whole team's list: each row names its regisseur.
    pub team: bool,
    pub aantallen: bool,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<WerkvoorraadQuery>,
) -> Result<Response, PageError> {
    let actor = &signed.actor;
    let keuze = werkvoorraad::keuze(q.regisseur.as_deref(), actor)
        .ok_or_else(|| PageError(AppError::BadRequest(werkvoorraad::KEUZE_MESSAGE.into())))?;
    let soort = werkvoorraad::soort(q.soort.as_deref())
        .map_err(|m| PageError(AppError::BadRequest(m.into())))?;
    let ctx = signed.ctx(&state);
    let lijst = werkvoorraad::list(&ctx, keuze, soort).await?;
    let gemeente = Resource::Gemeente(actor.organisatie_id);
    let teamleider = can(actor, Action::WorkloadView, gemeente).is_allowed();
    let mut regisseurs = Vec::new();
    let mut kop = "Mijn werkvoorraad".to_string();
    let mut team = false;
    let mut namen = Vec::new();
    if teamleider {
        let gekozen = match lijst.scope {
            WerkvoorraadScope::Regisseur { regisseur, .. } => Some(regisseur),
            WerkvoorraadScope::Team { .. } => None,
        };
        team = gekozen.is_none();
        regisseurs.push(("team".into(), "Hele team".into(), team));
        namen = werkvoorraad::regisseurs(&ctx, actor.organisatie_id).await?;
        for (id, naam) in &namen {
            if Some(*id) == gekozen && *id != actor.user_id {
                kop = format!("Werkvoorraad van {naam}");
            }
            regisseurs.push((id.to_string(), naam.clone(), Some(*id) == gekozen));
        }
        if team {
            kop = "Werkvoorraad van het hele team".into();
        }
    }
    let soorten = std::iter::once((String::new(), "Alle acties".to_string(), soort.is_none()))
        .chain(ActieSoort::ALL.iter().map(|s| {
            (
                s.code().to_string(),
                s.label().to_string(),
                Some(*s) == soort,
            )
        }))
        .collect();
    let page = WerkvoorraadPage {
        layout: Layout::new(&signed, nonce, kop.clone(), "/werkvoorraad"),
        kop,
        regisseurs,
        soorten,
        rijen: lijst
            .rijen
            .iter()
            .map(|r| RijView::new(r, &namen))
            .collect(),
        team,
        aantallen: teamleider,
    };
    Ok(render_status(StatusCode::OK, &page))
}
