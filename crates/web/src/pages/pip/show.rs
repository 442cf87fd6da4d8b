//! `/personen/{id}/pips/{pipId}`: one version as read, and its beschikking as PDF.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::pip;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::PipStatus;
use wegwijs_domain::trajectory::intake::leefdomeinen;
use wegwijs_domain::trajectory::pip::diff::verschillen;
use wegwijs_domain::trajectory::pip::{PipInhoud, lifecycle};

use super::page_error;
use crate::api::pips::handlers::pdf_response;
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, render};
use crate::state::AppState;

/// A field as read: label and value ("" shows as "niet ingevuld").
pub struct Regel {
    pub label: &'static str,
    pub waarde: String,
}

/// Every field of a version as (label, value), by the same list the differences use.
pub fn regels(p: &PipInhoud) -> Vec<Regel> {
    // Compared with an empty version every filled field is a "difference": its new value is the value.
    let leeg = PipInhoud::default();
    let d = verschillen(&leeg, p);
    d.velden
        .into_iter()
        .map(|v| Regel {
            label: v.label,
            waarde: v.nieuw,
        })
        .collect()
}

pub struct Andere {
    pub id: Uuid,
    pub nummer: i32,
}

#[derive(Template)]
#[template(path = "pip_show.html")]
pub struct PipShowPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub pip_id: Uuid,
    pub naam: String,
    pub nummer: i32,
    pub status: &'static str,
    pub is_concept: bool,
    pub is_geldend: bool,
    pub dagtekening: String,
    pub vastgesteld_door: String,
    pub bezwaar_eind: String,
    pub regels: Vec<Regel>,
    pub doelen: Vec<(String, String, String, String, &'static str)>,
    pub activiteiten: Vec<(String, String, String, String)>,
    pub aantal_rechtsmiddelen: usize,
    pub andere: Vec<Andere>,
    pub mag_bewerken: bool,
    pub mag_vaststellen: bool,
    pub verborgen_doelen: usize,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let v = pip::view(&ctx, PersonId(id), pip_id).await?;
    let p = &v.pip;
    let naam = v.person.details.display_name();
    Ok(render(&PipShowPage {
        layout: Layout::new(&signed, nonce, format!("PIP {} van {naam}", p.nummer), ""),
        person_id: id,
        pip_id,
        naam,
        nummer: p.nummer,
        status: p.status.label(),
        is_concept: p.status == PipStatus::Concept,
        is_geldend: p.status == PipStatus::Vastgesteld,
        dagtekening: p
            .dagtekening
            .map(|d| datum(Some(d)))
            .unwrap_or_else(|| "nog niet vastgesteld".into()),
        vastgesteld_door: p.vastgesteld_door_naam.clone().unwrap_or_default(),
        bezwaar_eind: v
            .bezwaartermijn
            .map(|t| datum(Some(t.1)))
            .unwrap_or_default(),
        regels: regels(&p.inhoud),
        doelen: p
            .inhoud
            .doelen
            .iter()
            .map(|d| {
                (
                    leefdomeinen::naam(&d.leefdomein).to_string(),
                    d.omschrijving.clone(),
                    datum(d.streefdatum),
                    d.uitvoerder.clone(),
                    d.status.label(),
                )
            })
            .collect(),
        activiteiten: p
            .inhoud
            .activiteiten
            .iter()
            .map(|a| {
                (
                    a.omschrijving.clone(),
                    a.aanbieder.clone(),
                    a.uren_per_week
                        .map(wegwijs_domain::trajectory::pip::parse::fmt_uren)
                        .unwrap_or_default(),
                    format!("{} tot {}", datum(a.startdatum), datum(a.einddatum)),
                )
            })
            .collect(),
        aantal_rechtsmiddelen: v.rechtsmiddelen.len(),
        andere: v
            .versies
            .iter()
            .filter(|x| x.id != pip_id)
            .map(|x| Andere {
                id: x.id,
                nummer: x.nummer,
            })
            .collect(),
        mag_bewerken: ctx.require_in_own_gemeente(Action::TrajectEdit).is_ok()
            && lifecycle::bewerken(p.status).is_ok(),
        mag_vaststellen: v.mag_vaststellen,
        verborgen_doelen: v.verborgen_doelen,
    }))
}

/// `/personen/{id}/pips/{pipId}/beschikking.pdf`: the letter as an attachment, audited per download.
pub async fn beschikking(
    State(state): State<AppState>,
    signed: SignedIn,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    let b = wegwijs_app::pip_letter::beschikking(&signed.ctx(&state), PersonId(id), pip_id)
        .await
        .map_err(page_error)?;
    Ok(pdf_response(b))
}

/// `/personen/{id}/pips/{pipId}/samenvatting.pdf`: only the plain-Dutch summary, audited likewise.
pub async fn samenvatting(
    State(state): State<AppState>,
    signed: SignedIn,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    let b = wegwijs_app::pip_letter::samenvatting(&signed.ctx(&state), PersonId(id), pip_id)
        .await
        .map_err(page_error)?;
    Ok(pdf_response(b))
}
