//! `GET/POST /personen/{id}/voortgangsgesprekken`, `PUT .../voortgangsgesprekken/{gesprekId}`.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::progress::{self, Overzicht};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::progress::review::{RawDoelVoortgang, RawGesprek};

use super::dto::{
    DoelVoortgang, GesprekInvoer, GesprekLinks, GesprekWijziging, Voortgangsgesprek,
    Voortgangsgesprekken,
};
use super::{created, error};
use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams};
use crate::auth::ApiUser;
use crate::state::AppState;

fn item(o: &Overzicht, id: Uuid) -> Option<Voortgangsgesprek> {
    let p = o.person.id;
    let huidige_dagtekening = o.voortgang.huidige_pip.as_ref().and_then(|h| h.dagtekening);
    o.voortgang.gesprekken.iter().find(|g| g.id == id).map(|s| {
        let g = &s.gesprek;
        Voortgangsgesprek {
            id: s.id,
            versie: s.versie,
            gepland_op: g.gepland_op,
            gehouden_op: g.gehouden_op,
            deelnemers: g.deelnemers.clone(),
            verslag: g.verslag.clone(),
            besluiten: g.besluiten.clone(),
            doelvoortgang: g
                .doelvoortgang
                .iter()
                .map(|d| DoelVoortgang {
                    doel_id: d.doel_id.to_string(),
                    voortgang: Some(d.voortgang.clone()),
                    status: d.status.code().into(),
                })
                .collect(),
            pip_aanpassen: g.pip_aanpassen,
            pip_aanpassen_reden: g.pip_aanpassen_reden.map(|r| r.code().into()),
            links: GesprekLinks {
                self_: Link::to(format!(
                    "/api/v1/personen/{p}/voortgangsgesprekken/{}",
                    s.id
                )),
                pip_nieuw: g.vraagt_nieuwe_pip(huidige_dagtekening).then(|| {
                    Link::to(crate::pages::progress::pip_nieuw_href(
                        p.0,
                        g.pip_aanpassen_reden,
                    ))
                }),
            },
        }
    })
}

fn lijst(o: &Overzicht) -> Voortgangsgesprekken {
    Voortgangsgesprekken {
        voortgangsgesprekken: o
            .voortgang
            .gesprekken
            .iter()
            .filter_map(|g| item(o, g.id))
            .collect(),
        volgend_gesprek_uiterlijk: o.volgende_gesprek,
        links: SelfLink {
            self_: Link::to(format!(
                "/api/v1/personen/{}/voortgangsgesprekken",
                o.person.id
            )),
        },
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one field of the body per argument"
)]
fn raw(
    gepland_op: String,
    gehouden_op: Option<String>,
    deelnemers: Option<String>,
    verslag: Option<String>,
    besluiten: Option<String>,
    doelvoortgang: Vec<DoelVoortgang>,
    pip_aanpassen: bool,
    pip_aanpassen_reden: Option<String>,
) -> RawGesprek {
    RawGesprek {
        gepland_op,
        gehouden_op: gehouden_op.unwrap_or_default(),
        deelnemers: deelnemers.unwrap_or_default(),
        verslag: verslag.unwrap_or_default(),
        besluiten: besluiten.unwrap_or_default(),
        doelvoortgang: doelvoortgang
            .into_iter()
            .map(|d| RawDoelVoortgang {
                doel_id: d.doel_id,
                voortgang: d.voortgang.unwrap_or_default(),
                status: d.status,
            })
            .collect(),
        pip_aanpassen,
        pip_aanpassen_reden: pip_aanpassen_reden.unwrap_or_default(),
    }
}

/// De voortgangsgesprekken van een persoon.
///
/// Geplande en gehouden gesprekken, oudste eerst, en wanneer het volgende gesprek nodig is (laatste
/// gehouden gesprek, of het eerste PIP, plus de termijn die uw gemeente instelde). Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/voortgangsgesprekken", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De gesprekken", body = Voortgangsgesprekken)),
    security(("apiKey" = [])))]
pub async fn list_gesprekken(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    match progress::view(&user.ctx(&state), PersonId(id), "voortgangsgesprekken").await {
        Ok(o) => Json(lijst(&o)).into_response(),
        Err(e) => error(e),
    }
}

/// Een voortgangsgesprek plannen of vastleggen.
///
/// Zonder gehoudenOp is het gesprek gepland. Met "pipAanpassen" wijst `_links.pipNieuw` naar de
/// pagina voor een nieuwe PIP-versie.
#[utoipa::path(post, path = "/personen/{id}/voortgangsgesprekken", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    request_body = GesprekInvoer,
    responses((status = 201, description = "Vastgelegd", body = Voortgangsgesprek)),
    security(("apiKey" = [])))]
pub async fn create_gesprek(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<GesprekInvoer>,
) -> Response {
    let ctx = user.ctx(&state);
    let raw = raw(
        i.gepland_op,
        i.gehouden_op,
        i.deelnemers,
        i.verslag,
        i.besluiten,
        i.doelvoortgang,
        i.pip_aanpassen,
        i.pip_aanpassen_reden,
    );
    let gid = match progress::record_gesprek(&ctx, PersonId(id), &raw).await {
        Ok(g) => g,
        Err(e) => return error(e),
    };
    match progress::view(&ctx, PersonId(id), "voortgangsgesprekken")
        .await
        .map(|o| item(&o, gid))
    {
        Ok(Some(body)) => created(
            Json(body).into_response(),
            &format!("/api/v1/personen/{id}/voortgangsgesprekken/{gid}"),
        ),
        Ok(None) => error(AppError::NotFound),
        Err(e) => error(e),
    }
}

/// Een voortgangsgesprek wijzigen.
///
/// Vervangt het hele gesprek (bijvoorbeeld: een gepland gesprek als gehouden vastleggen). De body
/// bevat de versie die u wijzigt; is die intussen veranderd, dan 409 en wordt er niets opgeslagen.
#[utoipa::path(put, path = "/personen/{id}/voortgangsgesprekken/{gesprekId}", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon"), ("gesprekId" = Uuid, Path, description = "Id van het gesprek")),
    request_body = GesprekWijziging,
    responses((status = 200, description = "Gewijzigd", body = Voortgangsgesprek),
              (status = 409, description = "Intussen door iemand anders gewijzigd", body = crate::api::problem::Problem, content_type = "application/problem+json")),
    security(("apiKey" = [])))]
pub async fn update_gesprek(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath((id, gid)): ApiPath<(Uuid, Uuid)>,
    ApiJson(i): ApiJson<GesprekWijziging>,
) -> Response {
    let ctx = user.ctx(&state);
    let raw = raw(
        i.gepland_op,
        i.gehouden_op,
        i.deelnemers,
        i.verslag,
        i.besluiten,
        i.doelvoortgang,
        i.pip_aanpassen,
        i.pip_aanpassen_reden,
    );
    if let Err(e) = progress::update_gesprek(&ctx, PersonId(id), gid, &raw, i.versie).await {
        return error(e);
    }
    match progress::view(&ctx, PersonId(id), "voortgangsgesprekken")
        .await
        .map(|o| item(&o, gid))
    {
        Ok(Some(body)) => Json(body).into_response(),
        Ok(None) => error(AppError::NotFound),
        Err(e) => error(e),
    }
}
