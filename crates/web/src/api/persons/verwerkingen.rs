use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use crate::api::envelope::{Collection, ListEnvelope, offset_links};
use crate::api::problem::{ApiError, ApiPath, ApiQuery};
use crate::api::schemas;
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::audit_view;
use wegwijs_app::error::AppError;

/// Eén verwerking van persoonsgegevens (naar de standaard Logboek Dataverwerkingen).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Verwerking {
    pub tijdstip: DateTime<Utc>,
    /// Het request-id van de verwerking (trace id).
    pub trace_id: String,
    pub gebruiker: Option<String>,
    pub organisatie: Option<String>,
    /// Code van de handeling, bijvoorbeeld persoon_inzien.
    #[schema(schema_with = handeling_schema)]
    pub handeling: String,
    pub omschrijving: String,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    /// Waar de verwerking vandaan kwam: het scherm (ui), de API, de beheeropdrachten (cli) of Wegwijs
    /// zelf (systeem).
    #[schema(schema_with = bron_schema)]
    pub bron: String,
}

fn handeling_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(wegwijs_domain::audit::AuditAction::CODES, false, None).into()
}

fn bron_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(&["ui", "api", "cli", "systeem"], false, None).into()
}

impl Collection for Verwerking {
    const ITEMS: &'static str = "verwerkingen";
    const LIST_SCHEMA: &'static str = "VerwerkingLijst";
    const LIST_DESCRIPTION: &'static str =
        "Een pagina verwerkingen (100 per pagina), nieuwste eerst.";
}

/// Een pagina verwerkingen.
pub type VerwerkingLijst = ListEnvelope<Verwerking>;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PaginaParam {
    /// Paginanummer, vanaf 1 (100 per pagina, nieuwste eerst).
    #[param(schema_with = schemas::pagina_param)]
    pub pagina: Option<i64>,
}

/// Wie heeft de gegevens van deze persoon verwerkt (teamleider, privacyfunctionaris).
///
/// Het verwerkingenlog van één persoon, nieuwste eerst, 100 per pagina. Alleen voor een teamleider of
/// privacyfunctionaris van de gemeente van de persoon; het inzien wordt zelf ook gelogd.
#[utoipa::path(get, path = "/personen/{id}/verwerkingen", tag = "verwerkingen",
    params(("id" = Uuid, Path, description = "Id van de persoon"), PaginaParam),
    responses(
        (status = 200, description = "Verwerkingen, nieuwste eerst", body = VerwerkingLijst),
    ),
    security(("apiKey" = [])))]
pub async fn list_verwerkingen(
    State(state): State<AppState>,
    user: ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(p): ApiQuery<PaginaParam>,
) -> Result<Json<VerwerkingLijst>, ApiError> {
    let ctx = user.ctx(&state);
    let pagina = wegwijs_domain::validation::page_number(p.pagina).map_err(|m| {
        let mut e = wegwijs_domain::validation::ValidationErrors::new();
        e.push("pagina", "out_of_range", m);
        ApiError(AppError::Invalid(e))
    })?;
    let (rows, totaal) =
        audit_view::for_person_with_total(&ctx, PersonId(id), i64::from(pagina)).await?;
    let per = u32::try_from(audit_view::PAGE_SIZE).unwrap_or(100);
    let base = format!("/api/v1/personen/{id}/verwerkingen");
    Ok(Json(VerwerkingLijst {
        items: rows
            .into_iter()
            .map(|r| Verwerking {
                tijdstip: r.tijdstip,
                trace_id: r.trace_id,
                gebruiker: r.gebruiker_naam,
                organisatie: r.organisatie_naam,
                handeling: r.actie.code().to_string(),
                omschrijving: r.actie.label().to_string(),
                verwerkingsactiviteit: r.verwerkingsactiviteit,
                grondslag: r.grondslag,
                bron: r.bron,
            })
            .collect(),
        pagina,
        pagina_grootte: per,
        totaal,
        totaal_begrensd: false,
        links: offset_links(&base, &[], pagina, per, false, totaal),
    }))
}
