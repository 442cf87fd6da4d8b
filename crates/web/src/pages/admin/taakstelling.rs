//! `/beheer/taakstelling`: the beheerder sets the taakstelling per half-year (how many persons COA
//! links to the gemeente). A plain form: a row's "Wijzigen" link fills it with that half-year.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use wegwijs_app::AppError;
use wegwijs_app::taakstelling::{self, Halfjaar, Invoer};
use wegwijs_domain::authz::Action;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render_status;
use crate::state::AppState;

const PATH: &str = "/beheer/taakstelling";

#[derive(Template)]
#[template(path = "admin_taakstelling.html")]
pub struct TaakstellingBeheerPage {
    pub layout: Layout,
    pub rows: Vec<Halfjaar>,
    pub form: Formulier,
    /// (field id, message), in form order, for the summary at the top.
    pub errors: Vec<(&'static str, String)>,
}

/// The form as shown: what was typed (or the stored values of the half-year being edited).
#[derive(Default, Deserialize)]
pub struct Formulier {
    #[serde(default)]
    pub jaar: String,
    #[serde(default)]
    pub halfjaar: String,
    #[serde(default)]
    pub aantal: String,
    #[serde(default)]
    pub versie: String,
}

impl TaakstellingBeheerPage {
    /// The message for one field, if it has one.
    pub fn fout(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    form: Formulier,
    errors: Vec<(&'static str, String)>,
) -> Result<TaakstellingBeheerPage, PageError> {
    let rows = taakstelling::overview(&signed.ctx(state)).await?;
    Ok(TaakstellingBeheerPage {
        layout: Layout::new(signed, nonce, "Taakstelling instellen", PATH),
        rows,
        form,
        errors,
    })
}

#[derive(Deserialize)]
pub struct BewerkQuery {
    pub jaar: Option<i32>,
    pub halfjaar: Option<i32>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<BewerkQuery>,
) -> Result<Response, PageError> {
    signed
        .ctx(&state)
        .require_in_own_gemeente(Action::TaakstellingManage)?;
    let mut p = page(&state, &signed, nonce, Formulier::default(), Vec::new()).await?;
    if let (Some(j), Some(h)) = (q.jaar, q.halfjaar)
        && let Some(row) = p.rows.iter().find(|r| r.jaar == j && r.halfjaar == h)
    {
        p.form = formulier_van(row);
    }
    Ok(render_status(StatusCode::OK, &p))
}

fn formulier_van(row: &Halfjaar) -> Formulier {
    Formulier {
        jaar: row.jaar.to_string(),
        halfjaar: row.halfjaar.to_string(),
        aantal: row.taakstelling.map(|a| a.to_string()).unwrap_or_default(),
        versie: row.versie.to_string(),
    }
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<Formulier>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let input = Invoer {
        jaar: f.jaar.clone(),
        halfjaar: f.halfjaar.clone(),
        aantal: f.aantal.clone(),
        versie: f.versie.clone(),
    };
    match taakstelling::set(&ctx, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("{PATH}?melding=opgeslagen")).into_response()),
        Err(AppError::Invalid(e)) => {
            let errors = e.0.into_iter().map(|f| (f.field, f.message)).collect();
            let p = page(&state, &signed, nonce, f, errors).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::Conflict { .. }) => {
            // A colleague saved first (or the half-year already has a number): show what is stored now.
            let mut p = page(&state, &signed, nonce, f, Vec::new()).await?;
            let stored = p
                .rows
                .iter()
                .find(|r| {
                    r.jaar.to_string() == input.jaar.trim()
                        && r.halfjaar.to_string() == input.halfjaar.trim()
                })
                .copied();
            if let Some(row) = stored {
                p.form = formulier_van(&row);
            }
            p.errors = vec![(
                "aantal",
                "Een collega heeft de taakstelling van dit halfjaar intussen vastgelegd of gewijzigd. Er is niets \
                 opgeslagen; hieronder staat het aantal dat nu geldt. Pas het zo nodig aan en sla opnieuw op."
                    .into(),
            )];
            Ok(render_status(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}
