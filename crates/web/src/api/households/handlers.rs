use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use wegwijs_domain::ids::HuishoudenId;

use super::dto::{Huishouden, HuishoudenInvoer, HuishoudenLijst, HuishoudenSamenvatting};
use crate::api::envelope::{Link, offset_links};
use crate::api::persons::dto::SelfLink;
use crate::api::persons::get::with_etag;
use crate::api::persons::update::if_match;
use crate::api::problem::{ApiError, ApiJson, ApiPath, ApiQuery, GeenParams, Problem};
use crate::api::schemas;
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::households;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LijstParams {
    /// Paginanummer, vanaf 1.
    #[param(schema_with = schemas::pagina_param)]
    pub pagina: Option<i64>,
    /// Aantal per pagina, 1-200 (standaard 25).
    #[param(schema_with = schemas::pagina_grootte_param)]
    pub pagina_grootte: Option<i64>,
}

/// De huishoudens van uw gemeente.
///
/// Een pagina huishoudens met het aantal leden, op omschrijving. Het tonen van de leden wordt per lid
/// gelogd.
#[utoipa::path(get, path = "/huishoudens", tag = "huishoudens", params(LijstParams),
    responses((status = 200, description = "Een pagina huishoudens", body = HuishoudenLijst)),
    security(("apiKey" = [])))]
pub async fn list_huishoudens(
    State(state): State<AppState>,
    user: ApiUser,
    ApiQuery(p): ApiQuery<LijstParams>,
) -> Result<Json<HuishoudenLijst>, ApiError> {
    // Out-of-range numbers are refused, not clamped: `(pagina - 1) * per` overflowed for huge pages.
    let mut errors = wegwijs_domain::validation::ValidationErrors::new();
    let per = p.pagina_grootte.unwrap_or(25);
    if !(1..=200).contains(&per) {
        errors.push(
            "paginaGrootte",
            "out_of_range",
            "Kies een paginagrootte van 1 tot en met 200.",
        );
    }
    let pagina = wegwijs_domain::validation::page_number(p.pagina)
        .map_err(|m| errors.push("pagina", "out_of_range", m))
        .unwrap_or(1);
    if !errors.is_empty() {
        return Err(ApiError(wegwijs_app::error::AppError::Invalid(errors)));
    }
    let (rows, totaal) = households::list(
        &user.ctx(&state),
        per,
        i64::from(pagina - 1).saturating_mul(per),
    )
    .await?;
    let per = u32::try_from(per).unwrap_or(25);
    Ok(Json(HuishoudenLijst {
        items: rows
            .into_iter()
            .map(|r| HuishoudenSamenvatting {
                links: SelfLink {
                    self_: Link::to(format!("/api/v1/huishoudens/{}", r.id)),
                },
                id: r.id,
                versie: r.versie,
                omschrijving: r.omschrijving,
                aantal_leden: r.leden,
            })
            .collect(),
        pagina,
        pagina_grootte: per,
        totaal,
        totaal_begrensd: false,
        links: offset_links("/api/v1/huishoudens", &[], pagina, per, true, totaal),
    }))
}

/// Eén huishouden.
///
/// Het huishouden met zijn leden; het lezen van de leden wordt per lid gelogd. De ETag bevat de versie.
#[utoipa::path(get, path = "/huishoudens/{id}", tag = "huishoudens",
    params(("id" = Uuid, Path, description = "Id van het huishouden")),
    responses((status = 200, description = "Het huishouden", body = Huishouden),
              (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn get_huishouden(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    let h = households::view(&user.ctx(&state), HuishoudenId(id)).await?;
    Ok(with_etag(
        Json(Huishouden::from(&h)).into_response(),
        h.versie,
    ))
}

/// Een huishouden vastleggen.
///
/// Legt een huishouden vast met personen van uw gemeente als leden. Location wijst naar het nieuwe
/// huishouden.
#[utoipa::path(post, path = "/huishoudens", tag = "huishoudens", request_body = HuishoudenInvoer,
    responses((status = 201, description = "Aangemaakt", body = Huishouden),
              (status = 409, description = "Een of meer leden horen al bij een ander huishouden (invalidParams: leden, in_use)", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn create_huishouden(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiJson(input): ApiJson<HuishoudenInvoer>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    let id = households::create(&ctx, &input.omschrijving, &input.leden()?).await?;
    let h = households::view(&ctx, id).await?;
    let mut res = with_etag(
        (StatusCode::CREATED, Json(Huishouden::from(&h))).into_response(),
        h.versie,
    );
    if let Ok(loc) = HeaderValue::from_str(&format!("/api/v1/huishoudens/{id}")) {
        res.headers_mut().insert(header::LOCATION, loc);
    }
    Ok(res)
}

/// Een huishouden wijzigen.
///
/// Vervangt omschrijving en leden. Vereist `If-Match` met de ETag van de versie die u wijzigt (428
/// zonder, 412 als iemand anders het huishouden intussen wijzigde).
#[utoipa::path(put, path = "/huishoudens/{id}", tag = "huishoudens", request_body = HuishoudenInvoer,
    params(("id" = Uuid, Path, description = "Id van het huishouden"),
           ("If-Match" = String, Header, description = "ETag van de versie die u wijzigt, bijvoorbeeld \"3\"",
            pattern = r#"^(W/)?"[0-9]{1,18}"$"#)),
    responses((status = 200, description = "Gewijzigd", body = Huishouden),
              (status = 409, description = "Een of meer leden horen al bij een ander huishouden (invalidParams: leden, in_use)", body = Problem, content_type = "application/problem+json"),
              (status = 412, description = "Intussen door iemand anders gewijzigd", body = Problem, content_type = "application/problem+json"),
              (status = 428, description = "If-Match ontbreekt", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn update_huishouden(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<HuishoudenInvoer>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let ctx = user.ctx(&state);
    households::update(
        &ctx,
        HuishoudenId(id),
        &input.omschrijving,
        &input.leden()?,
        expected,
    )
    .await?;
    let h = households::view(&ctx, HuishoudenId(id)).await?;
    Ok(with_etag(
        Json(Huishouden::from(&h)).into_response(),
        h.versie,
    ))
}
