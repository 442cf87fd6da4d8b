use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use super::dto::{Persoon, PersoonInvoer};
use super::get::with_etag;
use crate::api::problem::{ApiError, ApiJson, ApiPath, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// The version named by `If-Match: "3"` (weak tags are accepted as the same number).
pub fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let raw = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .ok_or(ApiError(AppError::PreconditionRequired))?;
    raw.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map_err(|_| {
            ApiError(AppError::BadRequest(
                "If-Match moet een ETag zijn zoals \"3\".".into(),
            ))
        })
}

/// Een persoon wijzigen (alle velden vervangen). Vereist `If-Match` met de ETag van de versie die u wijzigt.
#[utoipa::path(put, path = "/api/v1/personen/{id}", tag = "personen", request_body = PersoonInvoer,
    params(("id" = Uuid, Path, description = "Id van de persoon"),
           ("If-Match" = String, Header, description = "ETag van de versie die u wijzigt, bijvoorbeeld \"3\"")),
    responses(
        (status = 200, description = "Gewijzigd; nieuwe ETag", body = Persoon),
        (status = 400, description = "Ongeldige invoer", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of buiten uw gemeente", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "BSN of V-nummer bestaat al", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Iemand anders wijzigde de persoon intussen", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match ontbreekt", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn update_persoon(
    State(state): State<AppState>,
    user: ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<PersoonInvoer>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    if input.regisseur_id.is_some() {
        return Err(ApiError(AppError::BadRequest(
            "regisseurId wijzigt u niet hier: een teamleider wijst de regisseur toe.".into(),
        )));
    }
    let ctx = user.ctx(&state);
    persons::update(&ctx, PersonId(id), &input.to_raw(), expected).await?;
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let body = Persoon::from_record(&dossier.person, dossier.household.as_ref().map(|h| h.id.0));
    Ok(with_etag(Json(body).into_response(), dossier.person.versie))
}
