//! The voortgang page's forms, one POST route each. Success: back to the page with a melding.
//! Refusal: the page again (422) with the input kept and the errors next to the fields; a stale
//! version: the page (409) with the conflict message, nothing saved.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::{AppError, AppResult};
use wegwijs_app::progress::{self, AfrondingDeel};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::progress::afronding::RawAfronding;
use wegwijs_domain::trajectory::progress::duo_besluit::RawDuoBesluit;
use wegwijs_domain::trajectory::progress::exam::RawExamen;
use wegwijs_domain::trajectory::progress::hours::RawUren;
use wegwijs_domain::trajectory::progress::review::{RawDoelVoortgang, RawGesprek};
use wegwijs_domain::trajectory::progress::verlenging::RawVerlenging;
use wegwijs_domain::validation::ValidationErrors;

use super::forms::Posted;
use super::show::render;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::Nonce;
use crate::pages::melding::{Melding, redirect_to};
use crate::state::AppState;

type Pairs = Vec<(String, String)>;

fn get(pairs: &Pairs, key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn checked(pairs: &Pairs, key: &str) -> bool {
    pairs.iter().any(|(k, v)| k == key && !v.is_empty())
}

async fn answer(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    (form, pairs): (&'static str, Pairs),
    result: AppResult<()>,
    melding: Melding,
) -> Result<Response, PageError> {
    let posted = |errors| Posted {
        form,
        pairs: pairs.clone(),
        errors,
    };
    match result {
        Ok(()) => Ok(
            Redirect::to(&redirect_to(&format!("/personen/{id}/voortgang"), melding))
                .into_response(),
        ),
        Err(AppError::Invalid(e)) => {
            render(
                state,
                signed,
                nonce,
                id,
                Some(&posted(e)),
                StatusCode::UNPROCESSABLE_ENTITY,
                false,
            )
            .await
        }
        Err(AppError::Conflict { .. }) => {
            render(
                state,
                signed,
                nonce,
                id,
                Some(&posted(ValidationErrors::new())),
                StatusCode::CONFLICT,
                true,
            )
            .await
        }
        Err(e) => Err(PageError(e)),
    }
}

pub async fn verlenging(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawVerlenging {
        grond: get(&pairs, "grond"),
        besluitdatum: get(&pairs, "besluitdatum"),
        nieuwe_einddatum: get(&pairs, "nieuweEinddatum"),
        toelichting: get(&pairs, "toelichting"),
    };
    let r = progress::record_verlenging(&signed.ctx(&state), PersonId(id), &raw)
        .await
        .map(|_| ());
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("verlenging", pairs),
        r,
        Melding::Opgeslagen,
    )
    .await
}

pub async fn gesprek(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let doelvoortgang = pairs
        .iter()
        .filter_map(|(k, v)| {
            let doel = k.strip_prefix("doel_")?.strip_suffix("_status")?;
            let voortgang = get(&pairs, &format!("doel_{doel}_voortgang"));
            (!v.is_empty() || !voortgang.trim().is_empty()).then(|| RawDoelVoortgang {
                doel_id: doel.to_string(),
                voortgang,
                status: v.clone(),
            })
        })
        .collect();
    let raw = RawGesprek {
        gepland_op: get(&pairs, "geplandOp"),
        gehouden_op: get(&pairs, "gehoudenOp"),
        deelnemers: get(&pairs, "deelnemers"),
        verslag: get(&pairs, "verslag"),
        besluiten: get(&pairs, "besluiten"),
        doelvoortgang,
        pip_aanpassen: checked(&pairs, "pipAanpassen"),
        pip_aanpassen_reden: get(&pairs, "pipAanpassenReden"),
    };
    let ctx = signed.ctx(&state);
    // "Welk gesprek": a planned one (id:versie) is completed, otherwise a new one is added.
    let gekozen = get(&pairs, "gesprek");
    let bestaand = gekozen
        .split_once(':')
        .and_then(|(g, v)| Some((g.parse::<Uuid>().ok()?, v.parse::<i64>().ok()?)));
    let r = match bestaand {
        Some((g, versie)) => progress::update_gesprek(&ctx, PersonId(id), g, &raw, versie)
            .await
            .map(|_| ()),
        None if !gekozen.is_empty() => Err(AppError::NotFound),
        None => progress::record_gesprek(&ctx, PersonId(id), &raw)
            .await
            .map(|_| ()),
    };
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("gesprek", pairs),
        r,
        Melding::GesprekOpgeslagen,
    )
    .await
}

pub async fn examen(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawExamen {
        onderdeel: get(&pairs, "onderdeel"),
        niveau: get(&pairs, "niveau"),
        datum: get(&pairs, "datum"),
        uitslag: get(&pairs, "uitslag"),
    };
    let r = progress::record_examen(&signed.ctx(&state), PersonId(id), &raw)
        .await
        .map(|_| ());
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("examen", pairs),
        r,
        Melding::Opgeslagen,
    )
    .await
}

pub async fn uren(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawUren {
        soort: get(&pairs, "soort"),
        van: get(&pairs, "van"),
        tot: get(&pairs, "tot"),
        uren: get(&pairs, "uren"),
        tijdens_intake: checked(&pairs, "tijdensIntake"),
        omschrijving: get(&pairs, "omschrijving"),
    };
    let r = progress::record_uren(&signed.ctx(&state), PersonId(id), &raw)
        .await
        .map(|_| ());
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("uren", pairs),
        r,
        Melding::Opgeslagen,
    )
    .await
}

pub async fn besluit(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawDuoBesluit {
        soort: get(&pairs, "soort"),
        type_: get(&pairs, "type"),
        volledig: checked(&pairs, "volledig"),
        onderdelen: pairs
            .iter()
            .filter(|(k, _)| k == "onderdelen")
            .map(|(_, v)| v.clone())
            .collect(),
        besluitdatum: get(&pairs, "besluitdatum"),
    };
    let r = progress::record_duo_besluit(&signed.ctx(&state), PersonId(id), &raw)
        .await
        .map(|_| ());
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("besluit", pairs),
        r,
        Melding::Opgeslagen,
    )
    .await
}

fn versie(pairs: &Pairs) -> i64 {
    get(pairs, "versie").parse().unwrap_or(-1)
}

pub async fn afronding(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawAfronding {
        pvt_ondertekend_op: get(&pairs, "pvtOndertekendOp"),
        pvt_verwijtbaar: get(&pairs, "pvtVerwijtbaar"),
        map_eindgesprek_op: get(&pairs, "mapEindgesprekOp"),
        map_verwijtbaar: get(&pairs, "mapVerwijtbaar"),
        z_eindgesprek_op: get(&pairs, "zEindgesprekOp"),
        onderwijsroute_afgerond_op: get(&pairs, "onderwijsrouteAfgerondOp"),
        ..RawAfronding::default()
    };
    let r = progress::save_afronding(
        &signed.ctx(&state),
        PersonId(id),
        AfrondingDeel::Routes(raw),
        versie(&pairs),
    )
    .await
    .map(|_| ());
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("afronding", pairs),
        r,
        Melding::Opgeslagen,
    )
    .await
}

pub async fn voldaan(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let op = get(&pairs, "voldaanOp");
    let r = if op.trim().is_empty() {
        let mut e = ValidationErrors::new();
        e.push(
            "voldaanOp",
            "required",
            "Vul de datum in waarop aan de inburgeringsplicht is voldaan.",
        );
        Err(AppError::Invalid(e))
    } else {
        let deel = AfrondingDeel::Voldaan {
            op,
            grond: get(&pairs, "voldaanGrond"),
        };
        progress::save_afronding(&signed.ctx(&state), PersonId(id), deel, versie(&pairs))
            .await
            .map(|_| ())
    };
    answer(
        &state,
        &signed,
        nonce,
        id,
        ("voldaan", pairs),
        r,
        Melding::VoldaanVastgelegd,
    )
    .await
}
