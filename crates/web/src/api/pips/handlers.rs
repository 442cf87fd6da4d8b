//! Reading PIPs: the list, one version, the differences between two and the beschikking PDF.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use wegwijs_app::pip;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::pip::diff::{ItemVerschil, VeldVerschil};

use super::dto::{Pip, PipLijst, PipLijstLinks, PipSamenvattingDto, RechtsmiddelDto};
use super::problem::PipApiError;
use crate::api::envelope::Link;
use crate::api::persons::get::with_etag;
use crate::api::problem::{ApiError, ApiPath, ApiQuery, GeenParams, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;

/// De PIP-versies van een persoon.
///
/// Alle versies, nieuwste eerst, zonder inhoud. Het opvragen wordt gelogd (pip_inzien).
#[utoipa::path(get, path = "/personen/{id}/pips", tag = "pips",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De versies", body = PipLijst)),
    security(("apiKey" = [])))]
pub async fn list_pips(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<PipLijst>, ApiError> {
    let o = pip::list(&user.ctx(&state), PersonId(id)).await?;
    Ok(Json(PipLijst {
        pips: o
            .versies
            .iter()
            .map(|v| PipSamenvattingDto::from(id, v))
            .collect(),
        links: PipLijstLinks {
            self_: Link::to(format!("/api/v1/personen/{id}/pips")),
            persoon: Link::to(format!("/api/v1/personen/{id}")),
        },
    }))
}

/// Eén PIP-versie met zijn bezwaren en beroepen.
///
/// De hele inhoud; de ETag en `versie` bevatten de versie (voor wijzigen en vaststellen).
#[utoipa::path(get, path = "/personen/{id}/pips/{pipId}", tag = "pips",
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 200, description = "De versie", body = PipMetRechtsmiddelen)),
    security(("apiKey" = [])))]
pub async fn get_pip(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
) -> Result<Response, ApiError> {
    let v = pip::view(&user.ctx(&state), PersonId(id), pip_id).await?;
    let body = PipMetRechtsmiddelen {
        pip: Pip::from_versie(&v.pip),
        bezwaartermijn_eind: v.bezwaartermijn.map(|t| t.1),
        rechtsmiddelen: v
            .rechtsmiddelen
            .iter()
            .map(|r| RechtsmiddelDto::from(r, v.pip.dagtekening))
            .collect(),
        verborgen_doelen: v.verborgen_doelen,
    };
    Ok(with_etag(Json(body).into_response(), v.pip.versie))
}

/// Een PIP-versie met bezwaar en beroep.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PipMetRechtsmiddelen {
    #[serde(flatten)]
    pub pip: Pip,
    /// Laatste dag van de bezwaartermijn (zes weken vanaf de dag na de dagtekening).
    pub bezwaartermijn_eind: Option<chrono::NaiveDate>,
    pub rechtsmiddelen: Vec<RechtsmiddelDto>,
    /// Aantal doelen in een leefdomein met bijzondere persoonsgegevens (gezondheid, justitie) dat voor
    /// u is weggelaten, met hun activiteiten: u heeft geen vastgelegde noodzaak (zie de instellingen van
    /// de gemeente). Bij wijzigen blijven die doelen zoals ze waren.
    pub verborgen_doelen: usize,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct VerschilParams {
    /// De andere versie.
    pub met: Uuid,
}

/// Een veld dat verschilt.
#[derive(Serialize, ToSchema)]
pub struct VeldVerschilDto {
    pub veld: String,
    pub label: String,
    pub oud: String,
    pub nieuw: String,
}

/// Een doel of activiteit dat is toegevoegd, verwijderd of gewijzigd.
#[derive(Serialize, ToSchema)]
pub struct ItemVerschilDto {
    pub id: Uuid,
    /// toegevoegd, verwijderd of gewijzigd.
    pub wijziging: String,
    pub omschrijving: String,
    pub velden: Vec<VeldVerschilDto>,
}

/// De verschillen tussen twee versies (van de oudere naar de nieuwere).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PipVerschillen {
    pub oud: Uuid,
    pub nieuw: Uuid,
    pub velden: Vec<VeldVerschilDto>,
    pub doelen: Vec<ItemVerschilDto>,
    pub activiteiten: Vec<ItemVerschilDto>,
}

fn veld(v: &VeldVerschil) -> VeldVerschilDto {
    VeldVerschilDto {
        veld: v.veld.into(),
        label: v.label.into(),
        oud: v.oud.clone(),
        nieuw: v.nieuw.clone(),
    }
}

fn item(i: &ItemVerschil) -> ItemVerschilDto {
    ItemVerschilDto {
        id: i.id,
        wijziging: format!("{:?}", i.wijziging).to_lowercase(),
        omschrijving: i.omschrijving.clone(),
        velden: i.velden.iter().map(veld).collect(),
    }
}

/// De verschillen tussen twee PIP-versies.
///
/// Veld voor veld, en de doelen en activiteiten die zijn toegevoegd, verwijderd of gewijzigd.
#[utoipa::path(get, path = "/personen/{id}/pips/{pipId}/verschillen", tag = "pips",
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie"), VerschilParams),
    responses((status = 200, description = "De verschillen", body = PipVerschillen)),
    security(("apiKey" = [])))]
pub async fn get_verschillen(
    State(state): State<AppState>,
    user: ApiUser,
    ApiQuery(q): ApiQuery<VerschilParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
) -> Result<Json<PipVerschillen>, ApiError> {
    let (_, oud, nieuw, d) = pip::compare(&user.ctx(&state), PersonId(id), pip_id, q.met).await?;
    Ok(Json(PipVerschillen {
        oud: oud.id,
        nieuw: nieuw.id,
        velden: d.velden.iter().map(veld).collect(),
        doelen: d.doelen.iter().map(item).collect(),
        activiteiten: d.activiteiten.iter().map(item).collect(),
    }))
}

/// De beschikking als PDF.
///
/// De brief van een vastgestelde (of vervangen of ingetrokken) versie, PDF/A-2b, met de samenvatting in
/// eenvoudig Nederlands als laatste pagina. Een concept heeft geen beschikking (409). Elke download
/// wordt gelogd (beschikking_gedownload).
#[utoipa::path(get, path = "/personen/{id}/pips/{pipId}/beschikking", tag = "pips",
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("pipId" = Uuid, Path, description = "Id van de PIP-versie")),
    responses((status = 200, description = "De beschikking", content_type = "application/pdf", body = Vec<u8>),
              (status = 409, description = "Een concept: stel het eerst vast", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn get_beschikking(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, pip_id)): ApiPath<(Uuid, Uuid)>,
) -> Result<Response, PipApiError> {
    let b = wegwijs_app::pip_letter::beschikking(&user.ctx(&state), PersonId(id), pip_id).await?;
    Ok(pdf_response(b))
}

/// A PDF as an attachment under its file name.
pub fn pdf_response(b: wegwijs_app::pip_letter::Beschikking) -> Response {
    let mut res = b.pdf.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", b.bestandsnaam)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
