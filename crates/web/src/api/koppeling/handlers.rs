use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_domain::ids::PersonId;

use super::dto::KoppelingDto;
use crate::api::problem::{
    ApiError, ApiJson, ApiPath, ApiQuery, GeenParams, Problem, problem_response,
};
use crate::auth::ApiUser;
use crate::state::AppState;

/// De koppeling van een persoon opvragen.
///
/// Datum koppeling, taakstelling-halfjaar, AZC, COA-contact, het informatieprofiel van COA, de
/// voorintake en de warme overdracht. Het opvragen wordt gelogd in het verwerkingenlog.
#[utoipa::path(get, path = "/personen/{id}/koppeling", tag = "koppeling",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De koppeling", body = KoppelingDto),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of buiten uw gemeente", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn get_koppeling(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let k = wegwijs_app::koppeling::view(&ctx, PersonId(id)).await?;
    Ok(Json(KoppelingDto::from_record(&k)).into_response())
}

/// De koppeling van een persoon vastleggen of wijzigen (alles vervangen).
///
/// Stuur `versie` (0 als er nog geen koppeling is) en `persoonVersie` mee; een verouderde versie geeft
/// 409. Regels die 400 met `invalidParams` geven: data niet in de toekomst, de warme overdracht niet
/// vóór de datum koppeling, halfjaar 1 of 2 met een jaar, bekende codes, `bekend` vraagt een toelichting.
#[utoipa::path(put, path = "/personen/{id}/koppeling", tag = "koppeling", request_body = KoppelingDto,
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "Opgeslagen", body = KoppelingDto),
        (status = 400, description = "Ongeldige invoer", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of buiten uw gemeente", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Iemand anders wijzigde de koppeling of de persoon intussen", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn put_koppeling(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<KoppelingDto>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let raw = input.to_raw();
    match wegwijs_app::koppeling::save(&ctx, PersonId(id), &raw, input.versie, input.persoon_versie)
        .await
    {
        Ok(_) => {}
        Err(AppError::Conflict { .. }) => return Ok(conflict()),
        Err(e) => return Err(e.into()),
    }
    let k = wegwijs_app::koppeling::view(&ctx, PersonId(id)).await?;
    Ok(Json(KoppelingDto::from_record(&k)).into_response())
}

/// A stale `versie` in the body is 409 (the trajectory API's rule; ETag-based resources use 412).
pub(crate) fn conflict() -> Response {
    problem_response(
        Problem {
            type_: "https://wegwijs.example/problemen/verouderde-versie".into(),
            title: "Verouderde versie".into(),
            status: StatusCode::CONFLICT.as_u16(),
            detail: "Iemand anders heeft deze gegevens intussen gewijzigd. Haal ze opnieuw op en pas uw wijziging daarop toe.".into(),
            instance: None,
            invalid_params: vec![],
        },
        None,
    )
}
