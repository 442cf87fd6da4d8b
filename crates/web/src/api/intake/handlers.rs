//! Handlers of `/personen/{id}/brede-intake`: each translates HTTP to a use case of
//! `wegwijs_app::intake` and back; access and audit happen there.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::intake;
use wegwijs_domain::ids::PersonId;

use super::dto::{
    BredeIntake, GesprekAangemaakt, IntakeAfronding, IntakeAfrondingInvoer, IntakeGesprekInvoer,
    SectieInvoer, SectieOpgeslagen, SectieVersies, versie_dto,
};
use crate::api::problem::{
    ApiError, ApiJson, ApiPath, ApiQuery, GeenParams, Problem, problem, problem_response,
};
use crate::auth::ApiUser;
use crate::state::AppState;

/// A stale `versie` in the body is a 409 (the design's rule for body versions; 412 is for `If-Match`).
fn conflict_409(e: ApiError) -> Response {
    match e.0 {
        wegwijs_app::AppError::Conflict { current, .. } => problem_response(
            problem(
                StatusCode::CONFLICT,
                "verouderde-versie",
                "Verouderde versie",
                "Iemand anders heeft dit onderdeel intussen gewijzigd; er is niets opgeslagen. Haal het opnieuw op en pas uw wijziging daarop toe.".into(),
            ),
            Some((header::ETAG, format!("\"{current}\""))),
        ),
        other => ApiError(other).into_response(),
    }
}

/// De brede intake van een persoon.
///
/// Gesprekken en onderdelen met hun status en huidige antwoorden. Gezondheid (bijzondere
/// persoonsgegevens) staat er alleen in voor de eigen regisseur en rollen waarvoor de gemeente een
/// noodzaak vastlegde; dat inzien wordt apart gelogd.
#[utoipa::path(get, path = "/personen/{id}/brede-intake", tag = "brede-intake",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De brede intake", body = BredeIntake),
              (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn get_intake(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<BredeIntake>, ApiError> {
    let v = intake::view(&user.ctx(&state), PersonId(id)).await?;
    Ok(Json(BredeIntake::from(&v)))
}

/// Een intakegesprek vastleggen.
///
/// Het eerste gesprek start de intake. De datum mag niet in de toekomst liggen; een tolk heeft een
/// taal en een soort.
#[utoipa::path(post, path = "/personen/{id}/brede-intake/gesprekken", tag = "brede-intake",
    request_body = IntakeGesprekInvoer,
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 201, description = "Vastgelegd", body = GesprekAangemaakt)),
    security(("apiKey" = [])))]
pub async fn post_gesprek(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<IntakeGesprekInvoer>,
) -> Result<Response, ApiError> {
    let gid = intake::add_gesprek(&user.ctx(&state), PersonId(id), &input.raw()).await?;
    let mut res = (StatusCode::CREATED, Json(GesprekAangemaakt { id: gid })).into_response();
    if let Ok(loc) = HeaderValue::from_str(&format!("/api/v1/personen/{id}/brede-intake")) {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    Ok(res)
}

/// Een onderdeel van de intake opslaan.
///
/// Slaat een nieuwe versie op; eerdere versies blijven bewaard. `versie` is de versie die u wijzigt
/// (0 voor een nieuw onderdeel): een andere versie geeft 409 en slaat niets op. Gezondheid vereist de
/// noodzaak (anders 403).
#[utoipa::path(put, path = "/personen/{id}/brede-intake/secties/{sectie}", tag = "brede-intake",
    request_body = SectieInvoer,
    params(("id" = Uuid, Path, description = "Id van de persoon"),
           ("sectie" = String, Path, description = "Sleutel van het onderdeel, bijvoorbeeld leerbaarheidstoets of leefdomein-huisvesting")),
    responses((status = 200, description = "Opgeslagen", body = SectieOpgeslagen),
              (status = 409, description = "Intussen door iemand anders gewijzigd", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn put_sectie(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, sectie)): ApiPath<(Uuid, String)>,
    ApiJson(input): ApiJson<SectieInvoer>,
) -> Result<Json<SectieOpgeslagen>, Response> {
    let ctx = user.ctx(&state);
    let (versie, status) =
        intake::save_sectie(&ctx, PersonId(id), &sectie, input.versie, &input.inhoud)
            .await
            .map_err(|e| conflict_409(ApiError(e)))?;
    Ok(Json(SectieOpgeslagen {
        sectie,
        versie,
        status: status.code().into(),
    }))
}

/// Alle versies van een onderdeel.
///
/// Nieuwste eerst, met wie en wanneer. Gezondheid alleen met noodzaak (anders 403).
#[utoipa::path(get, path = "/personen/{id}/brede-intake/secties/{sectie}/versies", tag = "brede-intake",
    params(("id" = Uuid, Path, description = "Id van de persoon"),
           ("sectie" = String, Path, description = "Sleutel van het onderdeel")),
    responses((status = 200, description = "De versies", body = SectieVersies)),
    security(("apiKey" = [])))]
pub async fn get_versies(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, sectie)): ApiPath<(Uuid, String)>,
) -> Result<Json<SectieVersies>, ApiError> {
    let d = intake::sectie(&user.ctx(&state), PersonId(id), &sectie).await?;
    Ok(Json(SectieVersies {
        sectie: d.sectie.key(),
        naam: d.sectie.naam(),
        versies: d
            .versies
            .iter()
            .map(|v| versie_dto(&d.sectie, Some(v)))
            .collect(),
    }))
}

/// De intake afronden.
///
/// Alleen als de verplichte onderdelen (leerbaarheidstoets, opleiding en werk, gezondheid, gezin en
/// kinderopvang met de VVE-verkenning; Wet inburgering 2021 art. 14 lid 3) compleet zijn of bewust
/// zijn overgeslagen; anders 409 met wat ontbreekt (code state), net als voor een intake die nog niet
/// begon of al is afgerond.
#[utoipa::path(post, path = "/personen/{id}/brede-intake/afronding", tag = "brede-intake",
    request_body = IntakeAfrondingInvoer,
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "Afgerond", body = IntakeAfronding),
              (status = 409, description = "Intussen gewijzigd (verouderde versie), of niet mogelijk in deze stand: nog niet begonnen, al afgerond of verplichte onderdelen open (code state)", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn post_afronding(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<IntakeAfrondingInvoer>,
) -> Result<Json<IntakeAfronding>, Response> {
    let (versie, afgerond_op) = intake::afronden(&user.ctx(&state), PersonId(id), input.versie)
        .await
        .map_err(|e| conflict_409(ApiError(e)))?;
    Ok(Json(IntakeAfronding {
        afgerond_op,
        versie,
    }))
}
