//! `/beheer/organisaties`: the gemeenten and partner organisations of this installation.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use wegwijs_app::AppError;
use wegwijs_domain::authz::{Action, Resource};

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;

pub struct OrgRow {
    pub naam: String,
    pub soort: &'static str,
    pub gemeentecode: String,
}

#[derive(Template)]
#[template(path = "admin_organisations.html")]
pub struct OrganisationsPage {
    pub layout: Layout,
    pub rows: Vec<OrgRow>,
    pub error: Option<String>,
    pub form_naam: String,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
) -> Result<OrganisationsPage, PageError> {
    let rows = wegwijs_app::organisations::list(&signed.ctx(state))
        .await?
        .into_iter()
        .map(|o| OrgRow {
            naam: o.naam,
            soort: o.soort.label(),
            gemeentecode: o.gemeentecode.unwrap_or_default(),
        })
        .collect();
    Ok(OrganisationsPage {
        layout: Layout::new(signed, nonce, "Organisaties", "/beheer/organisaties"),
        rows,
        error: None,
        form_naam: String::new(),
    })
}

fn require(signed: &SignedIn, state: &AppState) -> Result<(), PageError> {
    signed.ctx(state).require(
        Action::OrganisationManage,
        Resource::Organisation(signed.user.organisatie_id),
    )?;
    Ok(())
}

pub async fn list(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    Ok(render(&page(&state, &signed, nonce).await?))
}

#[derive(Deserialize)]
pub struct NewOrgForm {
    pub naam: String,
}

/// Adds a partner organisation (gemeenten are set up with the installation).
pub async fn create(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<NewOrgForm>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let naam = f.naam.trim().to_string();
    let error = match wegwijs_app::organisations::create_partner(&signed.ctx(&state), &naam).await {
        Ok(_) => None,
        Err(AppError::Invalid(e)) => e.0.into_iter().next().map(|f| f.message),
        Err(e) => return Err(e.into()),
    };
    match error {
        None => Ok(Redirect::to(&redirect_to(
            "/beheer/organisaties",
            Melding::OrganisatieOpgeslagen,
        ))
        .into_response()),
        Some(msg) => {
            let mut p = page(&state, &signed, nonce).await?;
            p.error = Some(msg);
            p.form_naam = naam;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}
