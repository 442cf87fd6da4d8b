//! Changing PIPs: a new concept, changes to it, the decision, the withdrawal, bezwaar and beroep.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::pip;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{RechtsmiddelSoort, RechtsmiddelUitkomst};
use wegwijs_domain::trajectory::pip::rechtsmiddel::RawRechtsmiddel;
use wegwijs_domain::validation::ValidationErrors;

use super::dto::{Pip, PipInhoudDto, pip_path};
use super::problem::{PipApiError, RegelProbleem};
use crate::api::persons::get::with_etag;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams, Problem};
use crate::api::schemas;
use crate::auth::ApiUser;
use crate::state::AppState;

/// Een nieuw concept: geen velden (het concept begint als kopie van het geldende PIP, of vanuit de
/// brede intake).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwPip {}

/// De vaststelling van een concept.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Vaststelling {
    /// De dagtekening van de beschikking (jjjj-mm-dd): niet in de toekomst.
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = crate::api::progress::dto::date_req)]
    pub dagtekening: String,
    /// De versie van het concept.
    pub versie: i64,
}

/// De intrekking van het geldende PIP.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Intrekking {
    /// Waarom het PIP wordt ingetrokken (verplicht).
    #[schema(schema_with = toelichting_verplicht)]
    pub toelichting: String,
    pub versie: i64,
}

/// Een bezwaar of beroep tegen deze versie.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RechtsmiddelInvoer {
    #[schema(schema_with = rechtsmiddel_soort)]
    pub soort: String,
    /// Niet in de toekomst.
    pub ontvangen_op: chrono::NaiveDate,
    /// Niet in de toekomst en niet voor de ontvangst; samen met `uitkomst`.
    pub beslist_op: Option<chrono::NaiveDate>,
    /// Samen met `beslistOp`.
    #[schema(schema_with = rechtsmiddel_uitkomst)]
    pub uitkomst: Option<String>,
    #[serde(default)]
    #[schema(schema_with = toelichting)]
    pub toelichting: String,
}

fn toelichting_verplicht() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::multi_line(4000, true, false, None).into()
}
fn toelichting() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::multi_line(4000, false, false, None).into()
}
fn rechtsmiddel_soort() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(RechtsmiddelSoort::CODES, false, None).into()
}
fn rechtsmiddel_uitkomst() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(RechtsmiddelUitkomst::CODES, true, None).into()
}

async fn answer(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
    pip_id: Uuid,
    status: StatusCode,
) -> Result<Response, PipApiError> {
    let v = pip::view(&user.ctx(state), PersonId(id), pip_id).await?;
    let mut res = with_etag(
        (status, Json(Pip::from_versie(&v.pip))).into_response(),
        v.pip.versie,
    );
    if status == StatusCode::CREATED
        && let Ok(loc) = HeaderValue::from_str(&pip_path(id, pip_id))
    {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    Ok(res)
}

/// Een nieuw PIP-concept opstellen.
///
/// Begint als kopie van het geldende PIP (doelen en activiteiten houden hun id), of, bij het eerste PIP,
/// vanuit de brede intake (leerbaarheidstoets: route; belemmeringen: doelen). Er is hoogstens één concept
/// tegelijk (409).
#[utoipa::path(post, path = "/personen/{id}/pips", tag = "pips", request_body = NieuwPip,
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 201, description = "Het concept", body = Pip),
              (status = 409, description = "Er is al een concept", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn create_pip(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(_): ApiJson<NieuwPip>,
) -> Result<Response, PipApiError> {
    let pip_id = pip::draft(&user.ctx(&state), PersonId(id), None).await?;
    answer(&state, &user, id, pip_id, StatusCode::CREATED).await
}

/// Een concept wijzigen.
///
/// Vervangt de hele inhoud; `versie` is de versie die u wijzigt (409 als die verouderd is, of als de versie
/// geen concept meer is). Een concept mag onvolledig zijn; de regels voor vaststellen gelden pas bij de
/// vaststelling.
#[utoipa::path(put, path = "/personen/{id}/pips/{pipId}", tag = "pips", request_body = PipInhoudDto,
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 200, description = "Gewijzigd", body = Pip),
              (status = 409, description = "Verouderde versie, of geen concept", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn update_pip(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<PipInhoudDto>,
) -> Result<Response, PipApiError> {
    let Some(versie) = input.versie else {
        let mut e = ValidationErrors::new();
        e.push("versie", "required", "Stuur de versie mee die u wijzigt.");
        return Err(AppError::Invalid(e).into());
    };
    pip::update(
        &user.ctx(&state),
        PersonId(id),
        pip_id,
        &input.to_raw(),
        versie,
    )
    .await?;
    answer(&state, &user, id, pip_id, StatusCode::OK).await
}

/// Een concept vaststellen (de beschikking).
///
/// Controleert eerst wat de beschikking moet bevatten en de registratieregels van DUO. Een weigering is 422
/// met `code: "duo_regel"`, de regel in `regel` en een Nederlandse uitleg die de regel noemt; er wordt dan
/// niets opgeslagen. Het geldende PIP wordt "vervangen". Met het vier-ogenprincipe van de gemeente stelt
/// een ander dan de opsteller vast (403).
#[utoipa::path(post, path = "/personen/{id}/pips/{pipId}/vaststelling", tag = "pips", request_body = Vaststelling,
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 200, description = "Vastgesteld", body = Pip),
              (status = 409, description = "Verouderde versie, of geen concept", body = Problem, content_type = "application/problem+json"),
              (status = 422, description = "Geweigerd op een regel", body = RegelProbleem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn decide_pip(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<Vaststelling>,
) -> Result<Response, PipApiError> {
    pip::decide(
        &user.ctx(&state),
        PersonId(id),
        pip_id,
        &input.dagtekening,
        input.versie,
    )
    .await?;
    answer(&state, &user, id, pip_id, StatusCode::OK).await
}

/// Het geldende PIP intrekken.
///
/// Bijvoorbeeld na een gegrond bezwaar; de toelichting is verplicht.
#[utoipa::path(post, path = "/personen/{id}/pips/{pipId}/intrekking", tag = "pips", request_body = Intrekking,
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 200, description = "Ingetrokken", body = Pip),
              (status = 409, description = "Verouderde versie, of niet het geldende PIP", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn withdraw_pip(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<Intrekking>,
) -> Result<Response, PipApiError> {
    pip::withdraw(
        &user.ctx(&state),
        PersonId(id),
        pip_id,
        &input.toelichting,
        input.versie,
    )
    .await?;
    answer(&state, &user, id, pip_id, StatusCode::OK).await
}

/// Een bezwaar of beroep vastleggen.
///
/// Tegen een vastgestelde versie. Een bezwaar dat na de bezwaartermijn binnenkwam wordt gemarkeerd als
/// te laat ontvangen (`teLaatOntvangen`), niet geweigerd.
#[utoipa::path(post, path = "/personen/{id}/pips/{pipId}/rechtsmiddelen", tag = "pips", request_body = RechtsmiddelInvoer,
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 201, description = "Vastgelegd; de versie met zijn bezwaren en beroepen", body = super::handlers::PipMetRechtsmiddelen),
              (status = 409, description = "Een concept: er is nog geen beschikking", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn create_rechtsmiddel(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
    ApiJson(input): ApiJson<RechtsmiddelInvoer>,
) -> Result<Response, PipApiError> {
    let raw = RawRechtsmiddel {
        soort: input.soort,
        ontvangen_op: input.ontvangen_op.to_string(),
        beslist_op: input.beslist_op.map(|d| d.to_string()).unwrap_or_default(),
        uitkomst: input.uitkomst.unwrap_or_default(),
        toelichting: input.toelichting,
    };
    let ctx = user.ctx(&state);
    pip::record_rechtsmiddel(&ctx, PersonId(id), pip_id, &raw).await?;
    let v = pip::view(&ctx, PersonId(id), pip_id).await?;
    let body = super::handlers::PipMetRechtsmiddelen {
        pip: Pip::from_versie(&v.pip),
        bezwaartermijn_eind: v.bezwaartermijn.map(|t| t.1),
        rechtsmiddelen: v
            .rechtsmiddelen
            .iter()
            .map(|r| super::dto::RechtsmiddelDto::from(r, v.pip.dagtekening))
            .collect(),
        verborgen_doelen: v.verborgen_doelen,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}
