use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use super::dto::Persoon;
use crate::api::problem::{ApiError, ApiPath, ApiQuery, GeenParams, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::persons;

/// Eén persoon opvragen.
///
/// Alle gegevens van de persoon, met de ETag van de versie (voor `If-Match` bij wijzigen) en links
/// naar het huishouden en het verwerkingenlog. Het opvragen wordt gelogd in het verwerkingenlog.
#[utoipa::path(get, path = "/personen/{id}", tag = "personen",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De persoon; ETag bevat de versie", body = Persoon),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of buiten uw gemeente", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn get_persoon(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let body = Persoon::from_record(&dossier.person, dossier.household.as_ref().map(|h| h.id.0));
    Ok(with_etag(Json(body).into_response(), dossier.person.versie))
}

pub fn with_etag(mut res: Response, versie: i64) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("\"{versie}\"")) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}
