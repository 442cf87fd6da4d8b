//! `GET /verwijzingen`: the work list. For a partner the referrals to its organisation (a worker's:
//! assigned to them) with what is due; for the gemeente the referrals of its persons.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use wegwijs_app::model::VerwijzingFilter;
use wegwijs_app::partners::verwijzingen;
use wegwijs_domain::authz::OrganisatieSoort;
use wegwijs_domain::partners::verwijzing::VerwijzingStatus;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, render};
use crate::state::AppState;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct WerklijstQuery {
    pub status: Option<String>,
}

pub struct Regel {
    pub href: String,
    pub persoon: String,
    pub persoon_href: Option<String>,
    pub aanbod: String,
    pub partner: String,
    pub medewerker: String,
    pub status: &'static str,
    pub verstuurd: String,
    /// What is to be done next, for the actor's side.
    pub te_doen: &'static str,
}

#[derive(Template)]
#[template(path = "verwijzingen.html")]
pub struct WerklijstPage {
    pub layout: Layout,
    pub partner: bool,
    pub coordinator: bool,
    pub alle: bool,
    pub regels: Vec<Regel>,
}

fn te_doen(s: VerwijzingStatus, partner: bool) -> &'static str {
    use VerwijzingStatus::*;
    match (s, partner) {
        (Verstuurd, true) => "Accepteren of afwijzen",
        (Geaccepteerd, true) => "Starten",
        (Gestart, true) => "Aanwezigheid en voortgang bijhouden",
        (Verstuurd, false) => "Wacht op antwoord van de partner",
        (Geaccepteerd, false) => "Wacht op de start",
        (Gestart, false) => "Loopt",
        _ => "",
    }
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<WerklijstQuery>,
) -> Result<Response, PageError> {
    let alle = q.status.as_deref() == Some("alle");
    let filter = if alle {
        VerwijzingFilter::Alle
    } else {
        VerwijzingFilter::Lopend
    };
    let rows = verwijzingen::list(&signed.ctx(&state), filter, None, 500, 0).await?;
    let partner = signed.actor.organisatie_soort == OrganisatieSoort::Partner;
    let regels = rows
        .iter()
        .map(|v| {
            let status = VerwijzingStatus::parse(&v.status).unwrap_or(VerwijzingStatus::Verstuurd);
            Regel {
                href: format!("/verwijzingen/{}", v.id),
                persoon: v.persoon_naam.clone(),
                persoon_href: (!partner || status.geeft_toegang())
                    .then(|| format!("/personen/{}", v.persoon_id)),
                aanbod: v.aanbod_naam.clone(),
                partner: v.partner_naam.clone(),
                medewerker: v
                    .medewerker_naam
                    .clone()
                    .unwrap_or_else(|| "nog niet toegewezen".into()),
                status: status.label(),
                verstuurd: datum(Some(v.verstuurd_op)),
                te_doen: te_doen(status, partner),
            }
        })
        .collect();
    Ok(render(&WerklijstPage {
        layout: Layout::new(&signed, nonce, "Verwijzingen", "/verwijzingen"),
        partner,
        coordinator: signed
            .actor
            .has(wegwijs_domain::authz::Role::PartnerCoordinator),
        alle,
        regels,
    }))
}
