//! `/personen/{id}/tijdlijn`: the person's trajectory on one axis (SVG, no script) with the same
//! events as an ordered list beside it. Linked from the dossier.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_domain::ids::PersonId;

use super::timeline::{AS_Y, BREEDTE, HOOGTE, Tekening, teken};
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "person_timeline.html")]
pub struct TijdlijnPage {
    pub layout: Layout,
    pub id: String,
    pub naam: String,
    pub k: Tekening,
    pub breedte: i64,
    pub hoogte: i64,
    pub as_y: i64,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let (naam, tijdlijn) = wegwijs_app::tijdlijn::view(&ctx, PersonId(id)).await?;
    let page = TijdlijnPage {
        layout: Layout::new(&signed, nonce, format!("Tijdlijn van {naam}"), ""),
        id: id.to_string(),
        naam,
        k: teken(&tijdlijn),
        breedte: BREEDTE,
        hoogte: HOOGTE,
        as_y: AS_Y,
    };
    Ok(render(&page))
}
