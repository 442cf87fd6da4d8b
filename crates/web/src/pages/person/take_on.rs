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
use crate::pages::melding::{Melding, redirect_to};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct TakeOnForm {
    pub versie: i64,
    /// The "ook de gezinsleden" checkbox: present (checked) means the household comes along.
    #[serde(default)]
    pub gezinsleden: Option<String>,
}

pub async fn save(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<TakeOnForm>,
) -> Result<Response, PageError> {
    let (_, leden) = wegwijs_app::caseload::take_on(
        &signed.ctx(&state),
        PersonId(id),
        form.versie,
        form.gezinsleden.is_some(),
    )
    .await?;
    Ok(Redirect::to(&redirect_to(
        &format!("/personen/{id}"),
        Melding::Overgenomen(u32::try_from(leden).unwrap_or(u32::MAX)),
    ))
    .into_response())
}
