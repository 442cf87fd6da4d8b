//! POST `/personen/{id}/inzage`: the privacy officer makes the inzage export (AVG art. 15) of one
//! person, as a PDF or a ZIP of JSON and PDF. A POST (with the CSRF token), because making it is an
//! act that is logged on the person; the file comes back as the response, so it works without JS.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::inzage::{self, Formaat};
use wegwijs_domain::ids::PersonId;

use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct InzageForm {
    pub formaat: String,
}

pub async fn export(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<InzageForm>,
) -> Result<Response, PageError> {
    let formaat = Formaat::parse(&form.formaat)
        .ok_or_else(|| PageError(AppError::BadRequest("Kies PDF of ZIP.".into())))?;
    let file = inzage::export(&signed.ctx(&state), PersonId(id), formaat).await?;
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, file.content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.file_name),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        file.bytes,
    )
        .into_response())
}
