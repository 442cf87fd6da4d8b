//! `/personen/{id}/intake/gesprekken/nieuw`: recording one intake conversation (the first starts the
//! intake). Posts to `/personen/{id}/intake/gesprekken`.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::intake;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{GesprekPlaats, TolkSoort};
use wegwijs_domain::trajectory::intake::gesprek::RawGesprek;
use wegwijs_domain::validation::ValidationErrors;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::{DATE_HINT, SelectOption};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "intake_gesprek.html")]
pub struct GesprekPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub person_name: String,
    pub datum: String,
    pub plaatsen: Vec<SelectOption>,
    pub deelnemers: String,
    pub tolk_taal: String,
    pub tolk_soorten: Vec<SelectOption>,
    pub notities: String,
    pub recht_gewezen: bool,
    pub date_hint: &'static str,
    pub errors: Vec<(String, String)>,
}

impl GesprekPage {
    pub fn fout(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

fn opties(
    codes: &[&'static str],
    label: fn(&str) -> &'static str,
    current: &str,
) -> Vec<SelectOption> {
    codes
        .iter()
        .map(|c| SelectOption {
            value: (*c).into(),
            label: label(c).into(),
            selected: *c == current,
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct GesprekForm {
    #[serde(default)]
    pub datum: String,
    #[serde(default)]
    pub plaats: String,
    #[serde(default)]
    pub deelnemers: String,
    #[serde(rename = "tolkTaal", default)]
    pub tolk_taal: String,
    #[serde(rename = "tolkSoort", default)]
    pub tolk_soort: String,
    #[serde(default)]
    pub notities: String,
    /// The checkbox: present when ticked.
    #[serde(rename = "rechtZonderPartnerGewezen", default)]
    pub recht: Option<String>,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    f: &GesprekForm,
    e: &ValidationErrors,
) -> Result<GesprekPage, PageError> {
    let ctx = signed.ctx(state);
    let person = intake::gesprek_form(&ctx, PersonId(id)).await?;
    let name = person.details.display_name();
    let plaats = |c: &str| GesprekPlaats::parse(c).map_or("", GesprekPlaats::label);
    let soort = |c: &str| TolkSoort::parse(c).map_or("", TolkSoort::label);
    Ok(GesprekPage {
        layout: Layout::new(
            signed,
            nonce,
            format!("Gesprek toevoegen · intake van {name}"),
            "",
        ),
        person_id: id,
        person_name: name,
        datum: f.datum.clone(),
        plaatsen: opties(GesprekPlaats::CODES, plaats, f.plaats.trim()),
        deelnemers: f.deelnemers.clone(),
        tolk_taal: f.tolk_taal.clone(),
        tolk_soorten: opties(TolkSoort::CODES, soort, f.tolk_soort.trim()),
        notities: f.notities.clone(),
        recht_gewezen: f.recht.is_some(),
        date_hint: DATE_HINT,
        errors: e
            .0
            .iter()
            .map(|x| (x.field.to_string(), x.message.clone()))
            .collect(),
    })
}

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let p = page(
        &state,
        &signed,
        nonce,
        id,
        &GesprekForm::default(),
        &ValidationErrors::new(),
    )
    .await?;
    Ok(render(&p))
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, f): CsrfForm<GesprekForm>,
) -> Result<Response, PageError> {
    let raw = RawGesprek {
        datum: f.datum.clone(),
        plaats: f.plaats.clone(),
        deelnemers: f.deelnemers.clone(),
        tolk_taal: f.tolk_taal.clone(),
        tolk_soort: f.tolk_soort.clone(),
        notities: f.notities.clone(),
        recht_zonder_partner_gewezen: f.recht.is_some(),
    };
    match intake::add_gesprek(&signed.ctx(&state), PersonId(id), &raw).await {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/intake"),
            Melding::IntakeGesprekOpgeslagen,
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let p = page(&state, &signed, nonce, id, &f, &e).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}
