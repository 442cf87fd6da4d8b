use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use wegwijs_domain::ids::GebruikerId;

use super::dto::{Persoon, PersoonInvoer};
use super::get::with_etag;
use crate::api::problem::{ApiError, ApiJson, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::persons;

/// Een persoon registreren in uw gemeente.
#[utoipa::path(post, path = "/api/v1/personen", tag = "personen", request_body = PersoonInvoer,
    responses(
        (status = 201, description = "Aangemaakt; Location wijst naar de persoon", body = Persoon),
        (status = 400, description = "Ongeldige invoer (invalidParams per veld) of ongeldige JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "BSN of V-nummer bestaat al in deze gemeente; instance wijst naar die persoon", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_persoon(
    State(state): State<AppState>,
    user: ApiUser,
    ApiJson(input): ApiJson<PersoonInvoer>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let id = persons::create(&ctx, &input.to_raw(), input.regisseur_id.map(GebruikerId)).await?;
    // Answer with the stored record, exactly as a GET shows it. The creator supplied this data, so the
    // creation row is its audit: no separate read row and no second commit.
    let person = persons::load(&ctx, wegwijs_domain::authz::Action::PersonView, id).await?;
    let body = Persoon::from_record(&person, None);
    let mut res = with_etag(
        (StatusCode::CREATED, Json(body)).into_response(),
        person.versie,
    );
    if let Ok(loc) = HeaderValue::from_str(&format!("/api/v1/personen/{id}")) {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    Ok(res)
}
