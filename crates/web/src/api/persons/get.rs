use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use super::dto::Persoon;
use crate::api::problem::{ApiError, ApiPath, ApiQuery, GeenParams, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::persons;

/// Eén persoon opvragen.
///
/// Alle gegevens van de persoon, met de ETag van de versie (voor `If-Match` bij wijzigen) en links
/// naar het huishouden en het verwerkingenlog. Het opvragen wordt gelogd in het verwerkingenlog.
#[utoipa::path(get, path = "/personen/{id}", tag = "personen",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De persoon; ETag bevat de versie", body = Persoon),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of buiten uw gemeente", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn get_persoon(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    let ctx = user.ctx(&state);
    if user.actor.organisatie_soort == wegwijs_domain::authz::OrganisatieSoort::Partner {
        return partner_view(&ctx, PersonId(id)).await;
    }
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let body = Persoon::from_record(&dossier.person, dossier.household.as_ref().map(|h| h.id.0));
    Ok(with_etag(Json(body).into_response(), dossier.person.versie))
}

/// A partner sees what its referral opens: the record's identification, language and contact groups
/// (other properties are left out, not sent as null), the referrals and the assigned goals.
async fn partner_view(ctx: &wegwijs_app::Ctx<'_>, id: PersonId) -> Result<Response, ApiError> {
    let d = wegwijs_app::partners::dossier::view(ctx, id).await?;
    let body = Persoon::from_record(&d.person, None);
    let mut json = serde_json::to_value(&body)
        .map_err(|e| ApiError(wegwijs_app::AppError::Internal(e.to_string())))?;
    if let Some(obj) = json.as_object_mut() {
        for f in wegwijs_domain::person::FIELDS {
            if !wegwijs_domain::partners::PERSOON_GROEPEN.contains(&f.group) {
                obj.remove(f.api);
            }
        }
        obj.remove("_links");
        obj.insert(
            "verwijzingen".into(),
            serde_json::Value::Array(
                d.verwijzingen
                    .iter()
                    .map(|v| serde_json::json!({"id": v.id, "status": v.status, "aanbod": v.aanbod_naam, "vraag": v.vraag, "geldigTot": v.geldig_tot}))
                    .collect(),
            ),
        );
        obj.insert(
            "doelen".into(),
            serde_json::Value::Array(
                d.doelen
                    .iter()
                    .map(|g| serde_json::json!({"doelId": g.doel_id, "leefdomein": g.leefdomein, "omschrijving": g.omschrijving, "streefdatum": g.streefdatum, "status": g.status.code()}))
                    .collect(),
            ),
        );
    }
    Ok(with_etag(Json(json).into_response(), d.person.versie))
}

pub fn with_etag(mut res: Response, versie: i64) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("\"{versie}\"")) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}
