//! `/personen/{id}/pips/{pipId}/rechtsmiddelen`: bezwaar and beroep against a version, with the
//! objection period and "te laat ontvangen"; one form to record a new one.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::pip::{self, PipError};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{RechtsmiddelSoort, RechtsmiddelUitkomst};
use wegwijs_domain::trajectory::pip::rechtsmiddel::{RawRechtsmiddel, te_laat};

use super::fields::options;
use super::page_error;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::SelectOption;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{datum, render, render_status};
use crate::state::AppState;

pub struct Rij {
    pub soort: &'static str,
    pub ontvangen: String,
    pub te_laat: bool,
    pub beslist: String,
    pub uitkomst: String,
    pub toelichting: String,
}

#[derive(Template)]
#[template(path = "pip_rechtsmiddelen.html")]
pub struct PipRechtsmiddelenPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub pip_id: Uuid,
    pub naam: String,
    pub nummer: i32,
    pub termijn: String,
    pub rijen: Vec<Rij>,
    pub raw: RawRechtsmiddel,
    /// (name, label, value) of the two date fields.
    pub datumvelden: Vec<(&'static str, &'static str, String)>,
    pub soorten: Vec<SelectOption>,
    pub uitkomsten: Vec<SelectOption>,
    pub errors: Vec<(String, String)>,
    pub date_hint: &'static str,
}

impl PipRechtsmiddelenPage {
    pub fn fout(&self, veld: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|(f, _)| f == veld)
            .map(|(_, m)| m.clone())
    }
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    (id, pip_id): (Uuid, Uuid),
    raw: RawRechtsmiddel,
    errors: Vec<(String, String)>,
) -> Result<PipRechtsmiddelenPage, PageError> {
    let v = pip::view(&signed.ctx(state), PersonId(id), pip_id).await?;
    let naam = v.person.details.display_name();
    let dag = v.pip.dagtekening;
    Ok(PipRechtsmiddelenPage {
        layout: Layout::new(
            signed,
            nonce,
            format!("Bezwaar en beroep, PIP {} van {naam}", v.pip.nummer),
            "",
        ),
        person_id: id,
        pip_id,
        naam,
        nummer: v.pip.nummer,
        termijn: v
            .bezwaartermijn
            .map(|(s, e)| format!("van {} tot en met {}", datum(Some(s)), datum(Some(e))))
            .unwrap_or_else(|| "nog niet begonnen (het PIP is nog niet vastgesteld)".into()),
        rijen: v
            .rechtsmiddelen
            .iter()
            .map(|r| {
                let m = &r.rechtsmiddel;
                Rij {
                    soort: m.soort.label(),
                    ontvangen: datum(Some(m.ontvangen_op)),
                    te_laat: te_laat(m.soort, dag, m.ontvangen_op),
                    beslist: m
                        .beslist_op
                        .map(|d| datum(Some(d)))
                        .unwrap_or_else(|| "nog niet".into()),
                    uitkomst: m
                        .uitkomst
                        .map(|u| u.label().to_string())
                        .unwrap_or_default(),
                    toelichting: m.toelichting.clone(),
                }
            })
            .collect(),
        soorten: options(RechtsmiddelSoort::CHOICES, &raw.soort)
            .into_iter()
            .skip(1)
            .collect(),
        uitkomsten: options(RechtsmiddelUitkomst::CHOICES, &raw.uitkomst),
        datumvelden: vec![
            ("ontvangenOp", "Ontvangen op", raw.ontvangen_op.clone()),
            (
                "beslistOp",
                "Beslist op (als er al een beslissing is)",
                raw.beslist_op.clone(),
            ),
        ],
        raw,
        errors,
        date_hint: crate::pages::forms::DATE_HINT,
    })
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(ids): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    let raw = RawRechtsmiddel {
        soort: "bezwaar".into(),
        ..Default::default()
    };
    Ok(render(
        &page(&state, &signed, nonce, ids, raw, vec![]).await?,
    ))
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let f = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let raw = RawRechtsmiddel {
        soort: f("soort"),
        ontvangen_op: f("ontvangenOp"),
        beslist_op: f("beslistOp"),
        uitkomst: f("uitkomst"),
        toelichting: f("toelichting"),
    };
    match pip::record_rechtsmiddel(&signed.ctx(&state), PersonId(id), pip_id, &raw).await {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/pips/{pip_id}/rechtsmiddelen"),
            Melding::RechtsmiddelVastgelegd,
        ))
        .into_response()),
        Err(PipError::App(AppError::Invalid(e))) => {
            let errors =
                e.0.into_iter()
                    .map(|x| (x.field.to_string(), x.message))
                    .collect();
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, &signed, nonce, (id, pip_id), raw, errors).await?,
            ))
        }
        Err(e) => Err(page_error(e)),
    }
}
