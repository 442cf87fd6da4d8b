use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use super::dto::{Persoon, PersoonInvoer, PersoonWijziging, api_form_errors};
use super::get::with_etag;
use crate::api::problem::{ApiError, ApiJson, ApiPath, ApiQuery, GeenParams, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// The version named by `If-Match: "3"` (a weak tag `W/"3"` names the same number). Exactly that
/// form, as the document's pattern says: an ETag is quoted.
pub fn if_match(headers: &HeaderMap) -> Result<i64, ApiError> {
    let raw = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .ok_or(ApiError(AppError::PreconditionRequired))?;
    let tag = raw.trim();
    tag.strip_prefix("W/")
        .unwrap_or(tag)
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|d| (1..=18).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| {
            ApiError(AppError::BadRequest(
                "If-Match moet een ETag zijn zoals \"3\".".into(),
            ))
        })
}

/// Een persoon wijzigen (alle velden vervangen).
///
/// Vervangt alle gegevens: een veld dat u weglaat of `null` maakt, wordt onbekend. Vereist `If-Match`
/// met de ETag van de versie die u wijzigt (428 zonder, 412 als iemand anders de persoon intussen
/// wijzigde). De regisseur wijst u toe met `PUT /personen/{id}/regisseur`. Regels die het schema niet
/// kan uitdrukken, en die een 400 met `invalidParams` geven: de elfproef van het BSN, de datumgrenzen
/// (geboortedatum niet in de toekomst en niet meer dan 120 jaar terug; de andere data van 2000-01-01
/// tot een jaar na vandaag), `tolkTaal` alleen en altijd als `tolkNodig` true is, en
/// `uitkeringPwStartdatum` alleen als `uitkeringPw` true is; telefoon en e-mail worden op vorm gecontroleerd.
#[utoipa::path(put, path = "/personen/{id}", tag = "personen", request_body = PersoonWijziging,
    params(("id" = Uuid, Path, description = "Id van de persoon"),
           ("If-Match" = String, Header, description = "ETag van de versie die u wijzigt, bijvoorbeeld \"3\"",
            pattern = r#"^(W/)?"[0-9]{1,18}"$"#)),
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
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<PersoonInvoer>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let raw = input.to_raw();
    let mut strict = api_form_errors(&raw);
    if input.regisseur_id.is_some() {
        strict.push(
            "regisseurId",
            "unknown_field",
            "De regisseur wijzigt u niet hier: een teamleider wijst die toe met PUT /api/v1/personen/{id}/regisseur.",
        );
    }
    if !strict.is_empty() {
        return Err(ApiError(AppError::Invalid(strict)));
    }
    let ctx = user.ctx(&state);
    persons::update(&ctx, PersonId(id), &raw, expected).await?;
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let body = Persoon::from_record(&dossier.person, dossier.household.as_ref().map(|h| h.id.0));
    Ok(with_etag(Json(body).into_response(), dossier.person.versie))
}
