//! POST `/personen/{id}/overnemen`: a regisseur takes a person without regisseur into their own
//! caseload (when the gemeente allows it).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct TakeOnForm {
    pub versie: i64,
}

pub async fn save(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<TakeOnForm>,
) -> Result<Response, PageError> {
    wegwijs_app::caseload::take_on(&signed.ctx(&state), PersonId(id), form.versie).await?;
    Ok(Redirect::to(&format!("/personen/{id}?melding=overgenomen")).into_response())
}
