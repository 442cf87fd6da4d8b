//! `PUT /api/v1/personen/{id}/regisseur`: a teamleider assigns a person to a regisseur, as the
//! dossier page does (the same use case: a regisseur of the same gemeente, the version checked,
//! audited).

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use super::dto::Persoon;
use super::get::with_etag;
use super::update::if_match;
use crate::api::problem::{ApiError, ApiJson, ApiPath, ApiQuery, GeenParams};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::persons;

/// De regisseur van een persoon.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisseurToewijzing {
    /// Id van een actieve regisseur van de gemeente van de persoon; `null` haalt de persoon uit elke
    /// caseload (zonder regisseur).
    pub regisseur_id: Option<Uuid>,
    /// Ook de gezinsleden die dezelfde regisseur (of geen) hadden naar deze regisseur verplaatsen, in
    /// dezelfde transactie en elk gelogd. Standaard `false`: alleen deze persoon.
    #[serde(default)]
    #[schema(default = false)]
    pub met_huishouden: bool,
}

/// Een regisseur toewijzen (teamleider).
///
/// Zet de persoon in de caseload van een regisseur van dezelfde gemeente, of met `regisseurId: null`
/// zonder regisseur. Met `metHuishouden: true` gaan de gezinsleden met dezelfde vorige regisseur (of
/// zonder regisseur) mee: één aanspreekpunt per huishouden. Net als in het scherm: alleen een teamleider, alleen een actieve regisseur van de
/// gemeente van de persoon (anders 400 op `regisseurId`), met `If-Match` (de ETag van de persoon) zodat
/// een intussen gewijzigde persoon niet ongezien wordt overschreven (412). De toewijzing wordt gelogd.
#[utoipa::path(put, path = "/personen/{id}/regisseur", tag = "personen",
    request_body = RegisseurToewijzing,
    params(("id" = Uuid, Path, description = "Id van de persoon"),
           ("If-Match" = String, Header, description = "ETag van de versie die u wijzigt, bijvoorbeeld \"3\"",
            pattern = r#"^(W/)?"[0-9]{1,18}"$"#)),
    responses(
        (status = 200, description = "Toegewezen; de persoon met de nieuwe ETag", body = Persoon),
    ),
    security(("apiKey" = [])))]
pub async fn assign_regisseur(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    headers: HeaderMap,
    ApiJson(input): ApiJson<RegisseurToewijzing>,
) -> Result<Response, ApiError> {
    let expected = if_match(&headers)?;
    let ctx = user.ctx(&state);
    persons::reassign(
        &ctx,
        PersonId(id),
        input.regisseur_id.map(GebruikerId),
        expected,
        input.met_huishouden,
    )
    .await?;
    // The answer shows the whole record, as a GET would: that read is logged like one.
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let body = Persoon::from_record(&dossier.person, dossier.household.as_ref().map(|h| h.id.0));
    Ok(with_etag(Json(body).into_response(), dossier.person.versie))
}
