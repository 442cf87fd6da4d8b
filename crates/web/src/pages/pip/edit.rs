//! `/personen/{id}/pips/{pipId}/bewerken`: the concept's form (concept only). Refused fields come back
//! with the message next to them and a summary at the top; a stale version says so and keeps the input.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::pip::{self, PipError};
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::pip::{RawPip, lifecycle};

use super::fields::{
    ActiviteitRij, DoelRij, Groep, activiteit_rijen, doel_rijen, from_form, groepen,
};
use super::page_error;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "pip_edit.html")]
pub struct PipEditPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub pip_id: Uuid,
    pub naam: String,
    pub nummer: i32,
    pub versie: i64,
    pub groepen: Vec<Groep>,
    pub doelen: Vec<DoelRij>,
    pub activiteiten: Vec<ActiviteitRij>,
    pub doelen_fout: Option<String>,
    pub activiteiten_fout: Option<String>,
    /// (id to link to, message)
    pub errors: Vec<(String, String)>,
    pub date_hint: &'static str,
    /// Special-category goals this editor cannot see; they stay as they are when saving.
    pub verborgen_doelen: usize,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    (id, pip_id): (Uuid, Uuid),
    raw: Option<RawPip>,
    errors: Vec<(String, String)>,
) -> Result<PipEditPage, PageError> {
    let ctx = signed.ctx(state);
    ctx.require_in_own_gemeente(Action::TrajectEdit)?;
    let v = pip::view(&ctx, PersonId(id), pip_id).await?;
    lifecycle::bewerken(v.pip.status).map_err(|o| page_error(PipError::Overgang(o)))?;
    let raw = raw.unwrap_or_else(|| v.pip.inhoud.to_raw());
    let naam = v.person.details.display_name();
    let fout = |f: &str| {
        errors
            .iter()
            .filter(|(k, _)| k == f)
            .map(|(_, m)| m.clone())
            .reduce(|a, b| format!("{a} {b}"))
    };
    Ok(PipEditPage {
        layout: Layout::new(
            signed,
            nonce,
            format!("PIP {} van {naam} bewerken", v.pip.nummer),
            "",
        ),
        person_id: id,
        pip_id,
        naam,
        nummer: v.pip.nummer,
        versie: v.pip.versie,
        groepen: groepen(&raw, &errors),
        doelen: doel_rijen(&raw),
        activiteiten: activiteit_rijen(&raw),
        doelen_fout: fout("doelen"),
        activiteiten_fout: fout("activiteiten"),
        errors,
        date_hint: crate::pages::forms::DATE_HINT,
        verborgen_doelen: v.verborgen_doelen,
    })
}

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(ids): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    Ok(render(
        &page(&state, &signed, nonce, ids, None, vec![]).await?,
    ))
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let raw = from_form(&pairs);
    let versie = pairs
        .iter()
        .find(|(k, _)| k == "versie")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .unwrap_or(0);
    let errors = match pip::update(&signed.ctx(&state), PersonId(id), pip_id, &raw, versie).await {
        Ok(n) if n == versie => {
            return Ok(Redirect::to(&redirect_to(&format!("/personen/{id}/pips/{pip_id}"), Melding::Ongewijzigd)).into_response());
        }
        Ok(_) => return Ok(Redirect::to(&redirect_to(&format!("/personen/{id}/pips/{pip_id}"), Melding::PipConcept)).into_response()),
        Err(PipError::App(AppError::Invalid(e))) => e.0.into_iter().map(|f| (f.field.to_string(), f.message)).collect(),
        Err(PipError::App(AppError::Conflict { .. })) => vec![(
            "versie".to_string(),
            "Iemand anders heeft dit concept intussen gewijzigd. Hieronder staat uw invoer; het opgeslagen concept is niet overschreven. Open het concept opnieuw om de wijziging van uw collega te zien.".to_string(),
        )],
        Err(e) => return Err(page_error(e)),
    };
    let page = page(&state, &signed, nonce, (id, pip_id), Some(raw), errors).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}
