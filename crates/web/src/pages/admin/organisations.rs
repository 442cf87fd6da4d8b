//! `/beheer/organisaties`: the gemeenten and partner organisations of this installation; partners are
//! added and renamed here, and a gemeente's beheerder renames their own gemeente.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::AppError;
use wegwijs_domain::authz::{Action, OrganisatieSoort, Resource};
use wegwijs_domain::ids::OrganisatieId;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;

pub struct OrgRow {
    pub id: Uuid,
    pub naam: String,
    pub soort: &'static str,
    pub gemeentecode: String,
    pub versie: i64,
    /// This beheerder may rename it (a partner, or their own gemeente).
    pub editable: bool,
    /// The name as typed after a failed rename, with the message.
    pub error: Option<String>,
    pub form_naam: String,
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
    let own = signed.user.organisatie_id;
    let rows = wegwijs_app::organisations::list(&signed.ctx(state))
        .await?
        .into_iter()
        .map(|o| OrgRow {
            id: o.id.0,
            editable: o.soort == OrganisatieSoort::Partner || o.id == own,
            form_naam: o.naam.clone(),
            naam: o.naam,
            soort: o.soort.label(),
            gemeentecode: o.gemeentecode.unwrap_or_default(),
            versie: o.versie,
            error: None,
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

fn saved() -> String {
    redirect_to("/beheer/organisaties", Melding::OrganisatieOpgeslagen)
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
        None => Ok(Redirect::to(&saved()).into_response()),
        Some(msg) => {
            let mut p = page(&state, &signed, nonce).await?;
            p.error = Some(msg);
            p.form_naam = naam;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

#[derive(Deserialize)]
pub struct EditOrgForm {
    pub naam: String,
    pub versie: i64,
}

/// Renames an organisation, with the version check; a name taken (in any capitals) is a field error.
pub async fn update(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, f): CsrfForm<EditOrgForm>,
) -> Result<Response, PageError> {
    require(&signed, &state)?;
    let result = wegwijs_app::organisations::rename(
        &signed.ctx(&state),
        OrganisatieId(id),
        &f.naam,
        f.versie,
    )
    .await;
    let (status, message) = match result {
        Ok(()) => return Ok(Redirect::to(&saved()).into_response()),
        Err(AppError::Invalid(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            e.0.into_iter()
                .next()
                .map(|f| f.message)
                .unwrap_or_default(),
        ),
        Err(AppError::Conflict { .. }) => (
            StatusCode::CONFLICT,
            "Deze organisatie is intussen door iemand anders gewijzigd. Hieronder staat de naam \
             zoals die nu is; probeer het opnieuw."
                .to_string(),
        ),
        Err(e) => return Err(e.into()),
    };
    let mut p = page(&state, &signed, nonce).await?;
    if let Some(row) = p.rows.iter_mut().find(|r| r.id == id) {
        if status != StatusCode::CONFLICT {
            row.form_naam = f.naam.trim().to_string();
        }
        row.error = Some(message);
    }
    Ok(render_status(status, &p))
}
