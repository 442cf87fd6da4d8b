//! `GET /personen/{id}/termijnen`, `POST /personen/{id}/termijnen/verlengingen`.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::progress::{self, Overzicht};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::progress::verlenging::RawVerlenging;

use super::dto::{Termijn, TermijnVerlenging, Termijnen, VerlengingInvoer};
use super::{created, error};
use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams};
use crate::auth::ApiUser;
use crate::state::AppState;

pub(crate) fn termijnen(o: &Overzicht) -> Termijnen {
    Termijnen {
        termijn: o.termijn.map(|t| Termijn {
            startdatum: t.start,
            einddatum: t.einddatum,
            laatste_dag: t.laatste_dag(),
            oorspronkelijke_einddatum: t.oorspronkelijke_einddatum,
            verlengd: t.verlengd,
            schakelen_uiterlijk: t.schakelen_uiterlijk,
            verlenging_aanvragen_vanaf: t.verlenging_aanvragen_vanaf,
            dagen_over: o.dagen_over().unwrap_or(0),
        }),
        verlengingen: o
            .voortgang
            .verlengingen
            .iter()
            .map(|v| TermijnVerlenging {
                id: v.id,
                grond: v.value.verlenging.grond.code().into(),
                besluitdatum: v.value.verlenging.besluitdatum,
                nieuwe_einddatum: v.value.verlenging.nieuwe_einddatum,
                toelichting: v.value.toelichting.clone(),
            })
            .collect(),
        links: SelfLink {
            self_: Link::to(format!("/api/v1/personen/{}/termijnen", o.person.id)),
        },
    }
}

/// De inburgeringstermijn van een persoon.
///
/// Start (de dag na de dagtekening van het eerste vastgestelde PIP; een latere PIP-versie verschuift
/// die niet), einddatum (exclusief, zoals DUO), laatste dag, de verlengingen, het schakelvenster en
/// vanaf wanneer verlenging kan worden aangevraagd. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/termijnen", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses((status = 200, description = "De termijn", body = Termijnen)),
    security(("apiKey" = [])))]
pub async fn get_termijnen(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    match progress::view(&user.ctx(&state), PersonId(id), "termijnen").await {
        Ok(o) => Json(termijnen(&o)).into_response(),
        Err(e) => error(e),
    }
}

/// Een verlenging van de termijn vastleggen.
///
/// Legt een verlenging vast zoals DUO die besloot (grond, besluitdatum, nieuwe einddatum exclusief).
/// De nieuwe einddatum ligt na de huidige; zonder vastgesteld PIP is er geen termijn. Wat van de stand
/// van het dossier afhangt (geen termijn, een einddatum niet na de huidige, een besluit van voor de
/// start) is 409 met code state.
#[utoipa::path(post, path = "/personen/{id}/termijnen/verlengingen", tag = "voortgang",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    request_body = VerlengingInvoer,
    responses((status = 201, description = "Vastgelegd; de termijn zoals die nu is", body = Termijnen)),
    security(("apiKey" = [])))]
pub async fn post_verlenging(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<VerlengingInvoer>,
) -> Response {
    let ctx = user.ctx(&state);
    let raw = RawVerlenging {
        grond: input.grond,
        besluitdatum: input.besluitdatum,
        nieuwe_einddatum: input.nieuwe_einddatum,
        toelichting: input.toelichting.unwrap_or_default(),
    };
    let result = match progress::record_verlenging(&ctx, PersonId(id), &raw).await {
        Ok(_) => progress::view(&ctx, PersonId(id), "termijnen").await,
        Err(e) => Err(e),
    };
    match result {
        Ok(o) => created(
            Json(termijnen(&o)).into_response(),
            &format!("/api/v1/personen/{id}/termijnen"),
        ),
        Err(e) => error(e),
    }
}
