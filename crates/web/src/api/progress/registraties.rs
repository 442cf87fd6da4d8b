//! `GET/POST /personen/{id}/examens`, `.../uren` and `.../duo-besluiten`: registrations that are
//! only added, never changed (a correction is a new row: DUO's data works the same way).

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::progress::{self, Overzicht};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::trajectory::deadlines::hours::{PVT_MIN_UREN, Z_CURSUS_UREN, z_route_uren};
use wegwijs_domain::trajectory::progress::duo_besluit::RawDuoBesluit;
use wegwijs_domain::trajectory::progress::exam::RawExamen;
use wegwijs_domain::trajectory::progress::hours::RawUren;

use super::dto::{
    DuoBesluitDto, DuoBesluitInvoer, DuoBesluiten, ExamenInvoer, ExamenUitslagDto, Examens,
    UrenInvoer, UrenLijst, UrenRegistratie, UrenStand,
};
use super::{created, error};
use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams};
use crate::auth::ApiUser;
use crate::state::AppState;

fn self_link(o: &Overzicht, wat: &str) -> SelfLink {
    SelfLink {
        self_: Link::to(format!("/api/v1/personen/{}/{wat}", o.person.id)),
    }
}

fn examens(o: &Overzicht) -> Examens {
    Examens {
        examens: o
            .voortgang
            .examens
            .iter()
            .map(|x| ExamenUitslagDto {
                id: x.id,
                onderdeel: x.value.onderdeel.code().into(),
                niveau: x.value.niveau.map(|n| n.code().into()),
                datum: x.value.datum,
                uitslag: x.value.uitslag.code().into(),
            })
            .collect(),
        links: self_link(o, "examens"),
    }
}

/// Hours that count per kind beside their norm (PVT 12, MAP setting, Z-route 800 + 800 for asiel).
pub(crate) fn stand(o: &Overzicht) -> Vec<UrenStand> {
    let asiel = o.person.details.doelgroep == Some(Doelgroep::Asielstatushouder);
    let z = z_route_uren(asiel, &o.uren, None);
    vec![
        UrenStand {
            soort: "pvt".into(),
            gevolgd: o.uren.pvt,
            norm: Some(PVT_MIN_UREN),
        },
        UrenStand {
            soort: "map".into(),
            gevolgd: o.uren.map,
            norm: Some(o.map_urennorm),
        },
        UrenStand {
            soort: "nt2_cursus".into(),
            gevolgd: o.uren.nt2_cursus,
            norm: Some(Z_CURSUS_UREN),
        },
        UrenStand {
            soort: "participatie".into(),
            gevolgd: o.uren.participatie,
            norm: asiel.then_some(z.participatie_norm),
        },
    ]
}

fn uren(o: &Overzicht) -> UrenLijst {
    UrenLijst {
        uren: o
            .voortgang
            .uren
            .iter()
            .map(|u| UrenRegistratie {
                id: u.id,
                soort: u.value.soort.code().into(),
                van: u.value.van,
                tot: u.value.tot,
                uren: u.value.uren,
                tijdens_intake: u.value.tijdens_intake,
                omschrijving: u.value.omschrijving.clone(),
            })
            .collect(),
        stand: stand(o),
        links: self_link(o, "uren"),
    }
}

fn besluiten(o: &Overzicht) -> DuoBesluiten {
    DuoBesluiten {
        duo_besluiten: o
            .voortgang
            .besluiten
            .iter()
            .map(|b| DuoBesluitDto {
                id: b.id,
                soort: b.value.soort.code().into(),
                type_: b.value.type_.code().into(),
                volledig: b.value.volledig,
                onderdelen: b.value.onderdelen.iter().map(|o| o.code().into()).collect(),
                besluitdatum: b.value.besluitdatum,
            })
            .collect(),
        links: self_link(o, "duo-besluiten"),
    }
}

async fn show<T: serde::Serialize>(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
    wat: &str,
    f: fn(&Overzicht) -> T,
) -> Response {
    match progress::view(&user.ctx(state), PersonId(id), wat).await {
        Ok(o) => Json(f(&o)).into_response(),
        Err(e) => error(e),
    }
}

/// After a write: the list as it is now, 201 with Location on the list.
async fn after<T: serde::Serialize>(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
    wat: &str,
    written: Result<Uuid, wegwijs_app::error::AppError>,
    f: fn(&Overzicht) -> T,
) -> Response {
    if let Err(e) = written {
        return error(e);
    }
    match progress::view(&user.ctx(state), PersonId(id), wat).await {
        Ok(o) => created(
            Json(f(&o)).into_response(),
            &format!("/api/v1/personen/{id}/{wat}"),
        ),
        Err(e) => error(e),
    }
}

/// De examenuitslagen van een persoon.
///
/// Per examenonderdeel (DUO-codes) de datum, het niveau en de uitslag. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/examens", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De uitslagen", body = Examens)), security(("apiKey" = [])))]
pub async fn list_examens(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    show(&state, &user, id, "examens", examens).await
}

/// Een examenuitslag vastleggen.
///
/// Datum niet in de toekomst; een taalonderdeel met niveau, KNM zonder. Antwoord: alle uitslagen.
#[utoipa::path(post, path = "/personen/{id}/examens", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = ExamenInvoer,
    responses((status = 201, description = "Vastgelegd; alle uitslagen", body = Examens)), security(("apiKey" = [])))]
pub async fn create_examen(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<ExamenInvoer>,
) -> Response {
    let raw = RawExamen {
        onderdeel: i.onderdeel,
        niveau: i.niveau.unwrap_or_default(),
        datum: i.datum,
        uitslag: i.uitslag,
    };
    let written = progress::record_examen(&user.ctx(&state), PersonId(id), &raw).await;
    after(&state, &user, id, "examens", written, examens).await
}

/// De uren van een persoon.
///
/// Elke registratie, en per soort de uren die meetellen naast de norm. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/uren", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De uren", body = UrenLijst)), security(("apiKey" = [])))]
pub async fn list_uren(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    show(&state, &user, id, "uren", uren).await
}

/// Uren vastleggen.
///
/// Een periode (van <= tot, niet in de toekomst) met een aantal uren van een soort. Antwoord: alle uren.
#[utoipa::path(post, path = "/personen/{id}/uren", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = UrenInvoer,
    responses((status = 201, description = "Vastgelegd; alle uren", body = UrenLijst)), security(("apiKey" = [])))]
pub async fn create_uren(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<UrenInvoer>,
) -> Response {
    let raw = RawUren {
        soort: i.soort,
        van: i.van,
        tot: i.tot,
        uren: i.uren.to_string(),
        tijdens_intake: i.tijdens_intake,
        omschrijving: i.omschrijving.unwrap_or_default(),
    };
    let written = progress::record_uren(&user.ctx(&state), PersonId(id), &raw).await;
    after(&state, &user, id, "uren", written, uren).await
}

/// De vrijstellingen en ontheffingen van een persoon.
///
/// Besluiten van DUO, volledig of per examenonderdeel. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/duo-besluiten", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De besluiten", body = DuoBesluiten)), security(("apiKey" = [])))]
pub async fn list_besluiten(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    show(&state, &user, id, "duo-besluiten", besluiten).await
}

/// Een vrijstelling of ontheffing vastleggen.
///
/// Type met DUO's code (vrijstelling: AVI, DIP, DOC, GED, INB, INS, OPL; ontheffing: MED, BIO);
/// volledig, of de examenonderdelen waarvoor het besluit geldt.
#[utoipa::path(post, path = "/personen/{id}/duo-besluiten", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = DuoBesluitInvoer,
    responses((status = 201, description = "Vastgelegd; alle besluiten", body = DuoBesluiten)), security(("apiKey" = [])))]
pub async fn create_besluit(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<DuoBesluitInvoer>,
) -> Response {
    let raw = RawDuoBesluit {
        soort: i.soort,
        type_: i.type_,
        volledig: i.volledig,
        onderdelen: i.onderdelen,
        besluitdatum: i.besluitdatum,
    };
    let written = progress::record_duo_besluit(&user.ctx(&state), PersonId(id), &raw).await;
    after(&state, &user, id, "duo-besluiten", written, besluiten).await
}
