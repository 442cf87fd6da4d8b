//! `GET/PUT /personen/{id}/afronding`.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::progress::{self, Overzicht};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::progress::afronding::{RawAfronding, openstaand_tekst};

use super::dto::{Afronding, AfrondingInvoer};
use super::error;
use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams};
use crate::auth::ApiUser;
use crate::state::AppState;

fn afronding(o: &Overzicht) -> Afronding {
    let stored = o.voortgang.afronding.as_ref();
    let a = stored.map(|s| s.afronding.clone()).unwrap_or_default();
    Afronding {
        versie: stored.map_or(0, |s| s.versie),
        pvt_ondertekend_op: a.pvt_ondertekend_op,
        pvt_verwijtbaar: a.pvt_verwijtbaar.map(|v| v.code().into()),
        map_eindgesprek_op: a.map_eindgesprek_op,
        map_verwijtbaar: a.map_verwijtbaar.map(|v| v.code().into()),
        z_eindgesprek_op: a.z_eindgesprek_op,
        onderwijsroute_afgerond_op: a.onderwijsroute_afgerond_op,
        voldaan_op: a.voldaan_op,
        voldaan_grond: a.voldaan_grond.map(|g| g.code().into()),
        openstaand: o
            .afronding
            .openstaand
            .iter()
            .map(openstaand_tekst)
            .collect(),
        voldaan_mogelijk: o.afronding.voldaan.map(|g| g.code().into()),
        links: SelfLink {
            self_: Link::to(format!("/api/v1/personen/{}/afronding", o.person.id)),
        },
    }
}

/// De afronding van de inburgeringsplicht.
///
/// PVT, MAP (met verwijtbaar-indicatie), Z-route, onderwijsroute en voldaan, met wat volgens de regels
/// nog open staat. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/afronding", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De afronding", body = Afronding)), security(("apiKey" = [])))]
pub async fn get_afronding(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    match progress::view(&user.ctx(&state), PersonId(id), "afronding").await {
        Ok(o) => Json(afronding(&o)).into_response(),
        Err(e) => error(e),
    }
}

/// De afronding vastleggen.
///
/// Vervangt de hele afronding. DUO's regels voor de datums van MAP en PVT (M-7) en de
/// verwijtbaar-indicatie (M-8) worden gecontroleerd; een weigering noemt de regel in invalidParams
/// (code duo_regel). "Voldaan" wordt geweigerd zolang er iets open staat (de melding noemt wat; code
/// state), net als een datum voor een andere leerroute of van voor de termijn. Weigeringen die alleen
/// van de stand van het dossier afhangen zijn 409.
#[utoipa::path(put, path = "/personen/{id}/afronding", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = AfrondingInvoer,
    responses((status = 200, description = "Vastgelegd", body = Afronding),
              (status = 409, description = "Intussen door iemand anders gewijzigd, of niet mogelijk in deze stand van het dossier (codes state en duo_regel)", body = crate::api::problem::Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn put_afronding(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<AfrondingInvoer>,
) -> Response {
    let ctx = user.ctx(&state);
    let raw = RawAfronding {
        pvt_ondertekend_op: i.pvt_ondertekend_op.unwrap_or_default(),
        pvt_verwijtbaar: i.pvt_verwijtbaar.unwrap_or_default(),
        map_eindgesprek_op: i.map_eindgesprek_op.unwrap_or_default(),
        map_verwijtbaar: i.map_verwijtbaar.unwrap_or_default(),
        z_eindgesprek_op: i.z_eindgesprek_op.unwrap_or_default(),
        onderwijsroute_afgerond_op: i.onderwijsroute_afgerond_op.unwrap_or_default(),
        voldaan_op: i.voldaan_op.unwrap_or_default(),
        voldaan_grond: i.voldaan_grond.unwrap_or_default(),
    };
    if let Err(e) = progress::save_afronding(
        &ctx,
        PersonId(id),
        progress::AfrondingDeel::Geheel(raw),
        i.versie,
    )
    .await
    {
        return error(e);
    }
    match progress::view(&ctx, PersonId(id), "afronding").await {
        Ok(o) => Json(afronding(&o)).into_response(),
        Err(e) => error(e),
    }
}
