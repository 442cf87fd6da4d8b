//! `/beheer/instellingen`: the choices a gemeente makes for itself (its beheerder). For now one: may
//! regisseurs take on persons without regisseur themselves (default: no, the teamleider assigns).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use wegwijs_app::AppError;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "admin_settings.html")]
pub struct SettingsPage {
    pub layout: Layout,
    pub overnemen: bool,
    pub versie: i64,
    pub error: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    let s = wegwijs_app::caseload::settings(&signed.ctx(&state)).await?;
    Ok(render(&SettingsPage {
        layout: Layout::new(&signed, nonce, "Instellingen", "/beheer/instellingen"),
        overnemen: s.overnemen_toegestaan,
        versie: s.versie,
        error: None,
    }))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    /// Present (any value) when the box is ticked.
    pub overnemen: Option<String>,
    pub versie: i64,
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, form): CsrfForm<SettingsForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let wanted = form.overnemen.is_some();
    match wegwijs_app::caseload::set_settings(&ctx, wanted, form.versie).await {
        Ok(_) => Ok(Redirect::to("/beheer/instellingen?melding=opgeslagen").into_response()),
        Err(AppError::Conflict { .. }) => {
            // A colleague saved first: show what is stored now, and say so.
            let s = wegwijs_app::caseload::settings(&ctx).await?;
            Ok(render_status(
                StatusCode::CONFLICT,
                &SettingsPage {
                    layout: Layout::new(&signed, nonce, "Instellingen", "/beheer/instellingen"),
                    overnemen: s.overnemen_toegestaan,
                    versie: s.versie,
                    error: Some(
                        "Een collega heeft de instellingen intussen gewijzigd. Hieronder staat wat nu geldt; \
                         kies opnieuw en sla op."
                            .into(),
                    ),
                },
            ))
        }
        Err(e) => Err(PageError(e)),
    }
}
