//! `/api/v1/taakstellingen`: the taakstelling per half-year with its realisatie (read by the aggregate
//! roles and the beheerder), and setting one half-year's number (beheerder). Counts only.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wegwijs_app::AppError;
use wegwijs_app::taakstelling::{self, Halfjaar, Invoer};
use wegwijs_domain::validation::ValidationErrors;

use crate::api::problem::{
    ApiError, ApiJson, ApiPath, ApiQuery, GeenParams, Problem, problem_response,
};
use crate::auth::ApiUser;
use crate::state::AppState;

/// De taakstelling en realisatie van één halfjaar.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TaakstellingItem {
    /// Het halfjaar als `jaar-halfjaar`, bijvoorbeeld `2027-1`; ook het pad om het te wijzigen.
    #[schema(example = "2027-1")]
    pub halfjaar: String,
    pub jaar: i32,
    /// 1 (januari-juni) of 2 (juli-december).
    #[schema(minimum = 1, maximum = 2)]
    pub halfjaar_nummer: i32,
    /// Het aantal personen dat het COA dit halfjaar aan de gemeente koppelt; `null` als het niet is
    /// vastgelegd.
    pub taakstelling: Option<i32>,
    /// Versie van de taakstelling (0: nog niet vastgelegd), voor `versie` bij wijzigen.
    pub versie: i64,
    /// Koppelingen met dit halfjaar als taakstellingshalfjaar.
    pub gekoppeld: i64,
    /// Van die koppelingen: het aantal waarvan de datum koppeling is bereikt.
    pub gerealiseerd: i64,
}

/// De taakstellingen van de gemeente, nieuwste halfjaar eerst.
#[derive(Serialize, ToSchema)]
pub struct TaakstellingLijst {
    pub taakstellingen: Vec<TaakstellingItem>,
}

/// Een nieuwe of gewijzigde taakstelling.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaakstellingInvoer {
    /// Aantal personen, 0 of meer.
    #[schema(minimum = 0, maximum = 1_000_000)]
    pub aantal: i64,
    /// De versie die u wijzigt (0 voor een halfjaar zonder taakstelling); verouderd geeft 409.
    #[schema(minimum = 0)]
    pub versie: i64,
}

fn item(h: &Halfjaar) -> TaakstellingItem {
    TaakstellingItem {
        halfjaar: format!("{}-{}", h.jaar, h.halfjaar),
        jaar: h.jaar,
        halfjaar_nummer: h.halfjaar,
        taakstelling: h.taakstelling,
        versie: h.versie,
        gekoppeld: h.gekoppeld,
        gerealiseerd: h.gerealiseerd,
    }
}

/// Taakstelling en realisatie per halfjaar.
///
/// Per halfjaar de taakstelling, het aantal koppelingen voor dat halfjaar en hoeveel daarvan zijn
/// gerealiseerd (datum koppeling bereikt). Alleen aantallen; voor beleid, teamleider en beheerder.
#[utoipa::path(get, path = "/taakstellingen", tag = "taakstellingen",
    responses((status = 200, description = "De taakstellingen", body = TaakstellingLijst)),
    security(("apiKey" = [])))]
pub async fn list_taakstellingen(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
) -> Result<Json<TaakstellingLijst>, ApiError> {
    let rows = taakstelling::overview(&user.ctx(&state)).await?;
    Ok(Json(TaakstellingLijst {
        taakstellingen: rows.iter().map(item).collect(),
    }))
}

/// `2027-1` into ("2027", "1"); anything else is a field error on `halfjaar`.
fn split(path: &str) -> Result<(String, String), ApiError> {
    match path.split_once('-') {
        Some((j, h)) if !j.is_empty() && !h.is_empty() => Ok((j.into(), h.into())),
        _ => {
            let mut e = ValidationErrors::new();
            e.push(
                "halfjaar",
                "invalid",
                "Geef het halfjaar als jaar-halfjaar, bijvoorbeeld 2027-1.",
            );
            Err(ApiError(AppError::Invalid(e)))
        }
    }
}

/// De taakstelling van één halfjaar vastleggen of wijzigen (beheerder).
///
/// Zet het aantal voor het halfjaar in het pad (`jaar-halfjaar`, jaar 2000-2100, halfjaar 1 of 2).
/// `versie` is de versie die u wijzigt (0 voor een nieuw halfjaar); heeft iemand anders het intussen
/// gewijzigd, dan volgt 409 en is er niets opgeslagen. De wijziging wordt gelogd.
#[utoipa::path(put, path = "/taakstellingen/{halfjaar}", tag = "taakstellingen",
    request_body = TaakstellingInvoer,
    params(("halfjaar" = String, Path, description = "Het halfjaar als jaar-halfjaar, bijvoorbeeld 2027-1",
            pattern = r"^[0-9]{4}-[12]$")),
    responses((status = 200, description = "Opgeslagen", body = TaakstellingItem),
              (status = 409, description = "Verouderde versie: iemand anders wijzigde deze taakstelling intussen", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn put_taakstelling(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(pad): ApiPath<String>,
    ApiJson(input): ApiJson<TaakstellingInvoer>,
) -> Result<Response, ApiError> {
    let (jaar, halfjaar) = split(&pad)?;
    let ctx = user.ctx(&state);
    let invoer = Invoer {
        jaar,
        halfjaar,
        aantal: input.aantal.to_string(),
        versie: input.versie.to_string(),
    };
    match taakstelling::set(&ctx, &invoer).await {
        Ok(_) => {}
        Err(AppError::Conflict { current, .. }) => return Ok(conflict(current)),
        Err(e) => return Err(ApiError(e)),
    }
    let rows = taakstelling::overview(&ctx).await?;
    let stored = rows
        .iter()
        .find(|h| format!("{}-{}", h.jaar, h.halfjaar) == pad.trim())
        .ok_or(ApiError(AppError::NotFound))?;
    Ok((StatusCode::OK, Json(item(stored))).into_response())
}

/// The design says a stale `versie` in the body is 409 (the 412 of `If-Match` is for ETags).
fn conflict(current: i64) -> Response {
    problem_response(
        Problem {
            type_: "https://wegwijs.example/problemen/verouderde-versie".into(),
            title: "Verouderde versie".into(),
            status: 409,
            detail: format!(
                "Iemand anders heeft deze taakstelling intussen gewijzigd (huidige versie {current}). \
                 Er is niets opgeslagen; haal de taakstellingen opnieuw op en pas uw wijziging daarop toe."
            ),
            instance: None,
            invalid_params: vec![],
        },
        None,
    )
}
