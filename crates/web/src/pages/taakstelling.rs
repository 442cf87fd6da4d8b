//! `/rapportage/taakstelling`: per half-year the taakstelling against its realisatie, for the roles
//! that see aggregates (beleid, teamleider, beheerder). Counts only, never a name.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use wegwijs_app::taakstelling::{self, Halfjaar};
use wegwijs_domain::authz::{Action, Resource, can};

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "taakstelling.html")]
pub struct TaakstellingPage {
    pub layout: Layout,
    pub rows: Vec<Halfjaar>,
    /// The reader may also set the numbers (beheerder): link to the form.
    pub beheer: bool,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    // The page is for the aggregate roles; a beheerder reads the same numbers on the form page too.
    let g = ctx.require_in_own_gemeente(Action::AggregateView)?;
    let rows = taakstelling::overview(&ctx).await?;
    let beheer = can(
        &signed.actor,
        Action::TaakstellingManage,
        Resource::Gemeente(g),
    )
    .is_allowed();
    Ok(render(&TaakstellingPage {
        layout: Layout::new(
            &signed,
            nonce,
            "Taakstelling en realisatie",
            "/rapportage/taakstelling",
        ),
        rows,
        beheer,
    }))
}
