//! `GET /api/v1/werkvoorraad`: the same rows as the `/werkvoorraad` page, most urgent first.

use axum::Json;
use axum::extract::State;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::werkvoorraad;
use wegwijs_domain::trajectory::werkvoorraad::ActieSoort;
use wegwijs_domain::validation::ValidationErrors;

use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::problem::{ApiError, ApiQuery, Problem};
use crate::api::schemas;
use crate::auth::ApiUser;
use crate::pages::werkvoorraad::href;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WerkvoorraadParams {
    /// `mij` (eigen werkvoorraad), `team` (hele team; alleen teamleider) of het id van een regisseur
    /// (alleen teamleider, of de eigen). Standaard: `mij` voor een regisseur, anders `team`.
    #[param(schema_with = regisseur_param)]
    pub regisseur: Option<String>,
    /// Alleen acties van deze soort.
    #[param(schema_with = soort_schema)]
    pub soort: Option<String>,
}

fn regisseur_param() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::schema::OneOfBuilder::new()
        .item(schemas::codes(&["mij", "team", "alle"], false, None))
        .item(schemas::uuid(false, None))
        .into()
}

fn soort_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(ActieSoort::CODES, false, None).into()
}

/// Eén actie voor één persoon.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WerkvoorraadActie {
    /// Id van de persoon.
    pub persoon_id: Uuid,
    /// "Achternaam, Voornamen".
    pub naam: String,
    pub regisseur_id: Option<Uuid>,
    /// Soort actie.
    #[schema(schema_with = soort_schema)]
    pub soort: String,
    pub omschrijving: String,
    /// De uiterste datum waar de actie over gaat, als die er is.
    pub uiterlijk: Option<NaiveDate>,
    /// De uiterste datum is verstreken.
    pub te_laat: bool,
    #[serde(rename = "_links")]
    pub links: ActieLinks,
}

#[derive(Serialize, ToSchema)]
pub struct ActieLinks {
    /// De persoon in de API.
    pub persoon: Link,
    /// De pagina waar de actie wordt gedaan.
    pub actie: Link,
}

/// De werkvoorraad, dringendste eerst.
#[derive(Serialize, ToSchema)]
pub struct WerkvoorraadLijst {
    pub acties: Vec<WerkvoorraadActie>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

fn invalid(field: &'static str, msg: &str) -> ApiError {
    let mut e = ValidationErrors::new();
    e.push(field, "unknown_value", msg);
    ApiError(AppError::Invalid(e))
}

/// Wat aandacht nodig heeft (regisseur, teamleider).
///
/// De acties van de eigen werkvoorraad (regisseur), of van een regisseur of het hele team
/// (teamleider), het dringendste eerst: eerst wat te laat is, dan op datum. Elke getoonde persoon
/// wordt gelogd.
#[utoipa::path(get, path = "/werkvoorraad", tag = "werkvoorraad",
    params(WerkvoorraadParams),
    responses((status = 200, description = "De acties, dringendste eerst", body = WerkvoorraadLijst),
              (status = 404, description = "Geen regisseur van uw gemeente met dit id", body = Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn get_werkvoorraad(
    State(state): State<AppState>,
    user: ApiUser,
    ApiQuery(p): ApiQuery<WerkvoorraadParams>,
) -> Result<Json<WerkvoorraadLijst>, ApiError> {
    // The page's form sends an empty choice for "the default"; the API names its choice or leaves the
    // parameter out, as its document says.
    if p.regisseur.as_deref().is_some_and(|r| r.trim().is_empty()) {
        return Err(invalid("regisseur", werkvoorraad::KEUZE_MESSAGE));
    }
    if p.soort.as_deref().is_some_and(|r| r.trim().is_empty()) {
        return Err(invalid(
            "soort",
            "Kies een soort actie uit de lijst, of laat de parameter weg.",
        ));
    }
    let keuze = werkvoorraad::keuze(p.regisseur.as_deref(), &user.actor)
        .ok_or_else(|| invalid("regisseur", werkvoorraad::KEUZE_MESSAGE))?;
    let soort = werkvoorraad::soort(p.soort.as_deref()).map_err(|m| invalid("soort", m))?;
    let ctx = user.ctx(&state);
    let lijst = werkvoorraad::list(&ctx, keuze, soort).await?;
    let acties = lijst
        .rijen
        .iter()
        .map(|r| WerkvoorraadActie {
            persoon_id: r.persoon.0,
            naam: r.naam.clone(),
            regisseur_id: r.regisseur.map(|g| g.0),
            soort: r.actie.soort.code().to_string(),
            omschrijving: r.actie.soort.label().to_string(),
            uiterlijk: r.actie.datum,
            te_laat: r.actie.te_laat,
            links: ActieLinks {
                persoon: Link::to(format!("/api/v1/personen/{}", r.persoon.0)),
                actie: Link::to(href(r.plek, &r.persoon.0.to_string())),
            },
        })
        .collect();
    Ok(Json(WerkvoorraadLijst {
        acties,
        links: SelfLink {
            self_: Link::to("/api/v1/werkvoorraad"),
        },
    }))
}
