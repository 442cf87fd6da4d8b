use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use crate::api::problem::{ApiError, ApiPath, ApiQuery, Problem};
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
    pub handeling: String,
    pub omschrijving: String,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    /// ui, api of cli
    pub bron: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PaginaParam {
    /// Paginanummer, vanaf 1 (100 per pagina, nieuwste eerst).
    pub pagina: Option<i64>,
}

/// Wie heeft de gegevens van deze persoon verwerkt (teamleider, privacyfunctionaris).
#[utoipa::path(get, path = "/api/v1/personen/{id}/verwerkingen", tag = "verwerkingen",
    params(("id" = Uuid, Path, description = "Id van de persoon"), PaginaParam),
    responses(
        (status = 200, description = "Verwerkingen, nieuwste eerst", body = [Verwerking]),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_verwerkingen(
    State(state): State<AppState>,
    user: ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(p): ApiQuery<PaginaParam>,
) -> Result<Json<Vec<Verwerking>>, ApiError> {
    let ctx = user.ctx(&state);
    let pagina = wegwijs_domain::validation::page_number(p.pagina).map_err(|m| {
        let mut e = wegwijs_domain::validation::ValidationErrors::new();
        e.push("pagina", "out_of_range", m);
        ApiError(AppError::Invalid(e))
    })?;
    let rows = audit_view::for_person(&ctx, PersonId(id), i64::from(pagina)).await?;
    Ok(Json(
        rows.into_iter()
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
    ))
}
