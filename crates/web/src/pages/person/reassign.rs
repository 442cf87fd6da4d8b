//! POST `/personen/{id}/regisseur`: a teamleider moves a person to another regisseur's caseload.

use crate::pages::extract::PagePath;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::melding::{Melding, redirect_to};
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

#[derive(Deserialize)]
pub struct ReassignForm {
    #[serde(rename = "regisseurId")]
    pub regisseur_id: String,
    pub versie: i64,
    /// The "ook de gezinsleden" checkbox: present (checked) means the household moves along.
    #[serde(default)]
    pub gezinsleden: Option<String>,
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
    let (_, leden, changed) = persons::reassign(
        &signed.ctx(&state),
        PersonId(id),
        regisseur,
        form.versie,
        form.gezinsleden.is_some(),
    )
    .await?;
    let melding = if changed {
        Melding::Toegewezen(u32::try_from(leden).unwrap_or(u32::MAX))
    } else {
        Melding::Ongewijzigd
    };
    Ok(Redirect::to(&redirect_to(&format!("/personen/{id}"), melding)).into_response())
}
