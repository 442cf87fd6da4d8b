//! `/personen/{id}/pips/{pipId}/verschillen?met={other}`: what changed between two versions.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::pip;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::pip::diff::{ItemVerschil, VeldVerschil};

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Met {
    pub met: Uuid,
}

#[derive(Template)]
#[template(path = "pip_diff.html")]
pub struct PipDiffPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub naam: String,
    pub oud: (Uuid, i32),
    pub nieuw: (Uuid, i32),
    pub velden: Vec<VeldVerschil>,
    /// ("Doelen" / "Activiteiten", their changes), only those with changes.
    pub secties: Vec<(&'static str, Vec<ItemVerschil>)>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
    PageQuery(q): PageQuery<Met>,
) -> Result<Response, PageError> {
    let (person, oud, nieuw, d) =
        pip::compare(&signed.ctx(&state), PersonId(id), pip_id, q.met).await?;
    let naam = person.details.display_name();
    Ok(render(&PipDiffPage {
        layout: Layout::new(
            &signed,
            nonce,
            format!(
                "Verschillen tussen PIP {} en {} van {naam}",
                oud.nummer, nieuw.nummer
            ),
            "",
        ),
        person_id: id,
        naam,
        oud: (oud.id, oud.nummer),
        nieuw: (nieuw.id, nieuw.nummer),
        velden: d.velden,
        secties: [("Doelen", d.doelen), ("Activiteiten", d.activiteiten)]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .collect(),
    }))
}
