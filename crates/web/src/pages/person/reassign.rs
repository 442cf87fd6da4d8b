//! POST `/personen/{id}/regisseur`: a teamleider moves a person to another regisseur's caseload.

use crate::pages::extract::PagePath;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

#[derive(Deserialize)]
pub struct ReassignForm {
    #[serde(rename = "regisseurId")]
    pub regisseur_id: String,
    pub versie: i64,
}

pub async fn save(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<ReassignForm>,
) -> Result<Response, PageError> {
    let regisseur = match form.regisseur_id.as_str() {
        "" => None,
        s => Some(GebruikerId(s.parse().map_err(|_| {
            PageError(AppError::BadRequest("Onbekende regisseur.".into()))
        })?)),
    };
    persons::reassign(&signed.ctx(&state), PersonId(id), regisseur, form.versie).await?;
    Ok(Redirect::to(&format!("/personen/{id}?melding=toegewezen")).into_response())
}
