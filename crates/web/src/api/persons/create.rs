use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use wegwijs_domain::ids::GebruikerId;

use super::dto::{Persoon, PersoonInvoer, api_form_errors};
use super::get::with_etag;
use crate::api::problem::{ApiError, ApiJson, ApiQuery, GeenParams, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// Een persoon registreren in uw gemeente.
///
/// Alleen voornamen en geslachtsnaam zijn verplicht; wat nog onbekend is, laat u weg of `null`. Een
/// regisseur die registreert, wordt de regisseur van de persoon; een teamleider kan `regisseurId`
/// meegeven. Location wijst naar de nieuwe persoon. Regels die het schema niet kan uitdrukken, en die
/// een 400 met `invalidParams` geven: de elfproef van het BSN, de datumgrenzen (geboortedatum niet in
/// de toekomst en niet meer dan 120 jaar terug; de andere data van 2000-01-01 tot een jaar na
/// vandaag), `tolkTaal` alleen en altijd als `tolkNodig` true is, `uitkeringPwStartdatum` alleen als
/// `uitkeringPw` true is, en `regisseurId` een actieve regisseur van uw gemeente; telefoon en e-mail
/// worden op vorm gecontroleerd. Een BSN of V-nummer dat al bestaat in uw gemeente geeft 409.
#[utoipa::path(post, path = "/personen", tag = "personen", request_body = PersoonInvoer,
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
    _: ApiQuery<GeenParams>,
    ApiJson(input): ApiJson<PersoonInvoer>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let raw = input.to_raw();
    let strict = api_form_errors(&raw);
    if !strict.is_empty() {
        return Err(ApiError(AppError::Invalid(strict)));
    }
    let regisseur = input.regisseur_id.flatten().map(GebruikerId);
    let id = persons::create(&ctx, &raw, regisseur).await?;
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
