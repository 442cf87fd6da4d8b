//! The two small forms of the intake overview: "Intake afronden" and the third-party information
//! dates. A refusal re-shows the overview with the message at the top and next to its field.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::intake;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::validation::ValidationErrors;

use super::overview::build;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::Nonce;
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::render_status;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct AfrondenForm {
    pub versie: i64,
}

pub async fn afronden(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<AfrondenForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let result = intake::afronden(&ctx, PersonId(id), form.versie).await;
    refused_or_redirect(
        &state,
        &signed,
        nonce,
        id,
        result.map(|_| Melding::IntakeAfgerond),
        None,
    )
    .await
}

#[derive(Deserialize)]
pub struct DerdeInfoForm {
    pub versie: i64,
    #[serde(rename = "derdeInfoGevraagdOp", default)]
    pub gevraagd: String,
    #[serde(rename = "derdeInfoOntvangenOp", default)]
    pub ontvangen: String,
}

pub async fn derde_info(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<DerdeInfoForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let result = intake::set_derde_info(
        &ctx,
        PersonId(id),
        form.versie,
        &form.gevraagd,
        &form.ontvangen,
    )
    .await;
    let typed = Some((form.gevraagd, form.ontvangen));
    refused_or_redirect(
        &state,
        &signed,
        nonce,
        id,
        result.map(|_| Melding::DerdeInfoOpgeslagen),
        typed,
    )
    .await
}

/// Back to the overview with the melding, or the overview again with the refusal at the top and
/// next to its field (422), or with the conflict (409); `typed` keeps the dates as typed.
async fn refused_or_redirect(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    result: Result<Melding, AppError>,
    typed: Option<(String, String)>,
) -> Result<Response, PageError> {
    let (status, errors) = match result {
        Ok(m) => {
            return Ok(
                Redirect::to(&redirect_to(&format!("/personen/{id}/intake"), m)).into_response(),
            );
        }
        Err(AppError::Invalid(e)) => (StatusCode::UNPROCESSABLE_ENTITY, e),
        Err(AppError::Conflict { .. }) => {
            let mut e = ValidationErrors::new();
            e.push("intake", "conflict", "De intake is intussen door iemand anders gewijzigd; er is niets opgeslagen. Hieronder staat de huidige stand: probeer het opnieuw.");
            (StatusCode::CONFLICT, e)
        }
        Err(other) => return Err(PageError(other)),
    };
    let v = intake::view(&signed.ctx(state), PersonId(id)).await?;
    let mut page = build(signed, nonce, v, &errors);
    if let (Some((g, o)), StatusCode::UNPROCESSABLE_ENTITY) = (typed, status) {
        page.derde[0].2 = g;
        page.derde[1].2 = o;
    }
    Ok(render_status(status, &page))
}
