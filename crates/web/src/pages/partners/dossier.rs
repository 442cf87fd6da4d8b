//! A chain partner's view of a person (`/personen/{id}` for a partner's user): what the referral opens,
//! nothing more. No intake, health, PIP, termijn, household or log.

use askama::Template;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::partners::dossier;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::partners::PERSOON_GROEPEN;
use wegwijs_domain::partners::verwijzing::VerwijzingStatus;
use wegwijs_domain::trajectory::intake::leefdomeinen;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::person::show::{Section, sections};
use crate::pages::{datum, render};
use crate::state::AppState;

pub struct Doel {
    pub domein: String,
    pub omschrijving: String,
    pub streefdatum: String,
    pub status: &'static str,
}

pub struct Verwijzing {
    pub href: String,
    pub aanbod: String,
    pub status: &'static str,
    pub vraag: String,
}

#[derive(Template)]
#[template(path = "partner_dossier.html")]
pub struct PartnerDossierPage {
    pub layout: Layout,
    pub id: Uuid,
    pub naam: String,
    pub regisseur: String,
    pub sections: Vec<Section>,
    pub verwijzingen: Vec<Verwijzing>,
    pub doelen: Vec<Doel>,
    pub activiteiten: Vec<String>,
}

pub async fn show(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: PersonId,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(state);
    let d = dossier::view(&ctx, id).await?;
    let today = ctx.now().date_naive();
    let naam = d.person.details.display_name();
    Ok(render(&PartnerDossierPage {
        layout: Layout::new(signed, nonce, naam.clone(), ""),
        id: id.0,
        naam,
        regisseur: d
            .person
            .regisseur_naam
            .clone()
            .unwrap_or_else(|| "nog geen regisseur".into()),
        sections: sections(&d.person.details, today)
            .into_iter()
            .filter(|s| PERSOON_GROEPEN.contains(&s.title))
            .collect(),
        verwijzingen: d
            .verwijzingen
            .iter()
            .map(|v| Verwijzing {
                href: format!("/verwijzingen/{}", v.id),
                aanbod: v.aanbod_naam.clone(),
                status: VerwijzingStatus::parse(&v.status)
                    .map_or("onbekend", VerwijzingStatus::label),
                vraag: v.vraag.clone(),
            })
            .collect(),
        doelen: d
            .doelen
            .iter()
            .map(|g| Doel {
                domein: leefdomeinen::naam(&g.leefdomein).to_string(),
                omschrijving: g.omschrijving.clone(),
                streefdatum: datum(g.streefdatum),
                status: g.status.label(),
            })
            .collect(),
        activiteiten: d
            .activiteiten
            .iter()
            .map(|a| a.omschrijving.clone())
            .collect(),
    }))
}
