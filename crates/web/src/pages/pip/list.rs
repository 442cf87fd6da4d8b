//! `/personen/{id}/pips`: the versions of a person's PIP, and `/nieuw` to open a new concept.

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::pip;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{PipStatus, PipWijzigingsreden};

use super::page_error;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{datum, render};
use crate::state::AppState;

pub struct Rij {
    pub id: Uuid,
    pub nummer: i32,
    pub status: &'static str,
    pub route: String,
    pub dagtekening: String,
}

#[derive(Template)]
#[template(path = "pip_list.html")]
pub struct PipListPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub naam: String,
    pub rijen: Vec<Rij>,
    pub heeft_concept: bool,
    pub mag_bewerken: bool,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let o = pip::list(&ctx, PersonId(id)).await?;
    let naam = o.person.details.display_name();
    let rijen = o
        .versies
        .iter()
        .map(|v| Rij {
            id: v.id,
            nummer: v.nummer,
            status: v.status.label(),
            route: [v.leerroute.map(|l| l.label()), v.niveau.map(|n| n.label())]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", "),
            dagtekening: v
                .dagtekening
                .map(|d| datum(Some(d)))
                .unwrap_or_else(|| "nog niet vastgesteld".into()),
        })
        .collect();
    Ok(render(&PipListPage {
        layout: Layout::new(&signed, nonce, format!("PIP van {naam}"), ""),
        person_id: id,
        naam,
        rijen,
        heeft_concept: o.versies.iter().any(|v| v.status == PipStatus::Concept),
        mag_bewerken: ctx.require_in_own_gemeente(Action::TrajectEdit).is_ok(),
    }))
}

#[derive(Template)]
#[template(path = "pip_new.html")]
pub struct PipNewPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub naam: String,
    pub heeft_geldend: bool,
    /// The reason of change a review asked for, carried into the new version.
    pub reden: Option<PipWijzigingsreden>,
}

#[derive(serde::Deserialize, Default)]
pub struct NieuwQuery {
    #[serde(default)]
    pub reden: String,
}

/// Explains where the new concept starts from, with one button.
pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    PageQuery(q): PageQuery<NieuwQuery>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    ctx.require_in_own_gemeente(Action::TrajectEdit)?;
    let heeft_geldend_reden = PipWijzigingsreden::parse(q.reden.trim());
    let o = pip::list(&ctx, PersonId(id)).await?;
    let naam = o.person.details.display_name();
    Ok(render(&PipNewPage {
        layout: Layout::new(&signed, nonce, format!("Nieuw PIP-concept voor {naam}"), ""),
        person_id: id,
        naam,
        heeft_geldend: o.versies.iter().any(|v| v.status == PipStatus::Vastgesteld),
        reden: heeft_geldend_reden,
    }))
}

pub async fn create(
    State(state): State<AppState>,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, form): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    // An unknown code is dropped: the reason is asked again on the concept, where it is validated.
    let reden = form
        .iter()
        .find(|(k, _)| k == "reden")
        .and_then(|(_, v)| PipWijzigingsreden::parse(v.trim()));
    let pip_id = pip::draft(&signed.ctx(&state), PersonId(id), reden)
        .await
        .map_err(page_error)?;
    Ok(Redirect::to(&redirect_to(
        &format!("/personen/{id}/pips/{pip_id}/bewerken"),
        Melding::PipConcept,
    ))
    .into_response())
}
