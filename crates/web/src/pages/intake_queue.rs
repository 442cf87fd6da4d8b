//! `/intake-wachtrij`: new inburgeringsplichtigen without a regisseur or without a brede intake,
//! oldest koppeling first, for regisseurs and the teamleider. Each person shown is logged.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::intake_queue;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;
use crate::state::AppState;

pub struct Regel {
    pub id: Uuid,
    pub naam: String,
    pub doelgroep: &'static str,
    /// dd-mm-jjjj, or "Onbekend".
    pub koppeling: String,
    pub regisseur: String,
    pub intake_gestart: bool,
}

#[derive(Template)]
#[template(path = "intake_queue.html")]
pub struct IntakeQueuePage {
    pub layout: Layout,
    pub rows: Vec<Regel>,
    pub meer: bool,
    pub max: usize,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    let w = intake_queue::list(&signed.ctx(&state)).await?;
    let rows = w
        .personen
        .into_iter()
        .map(|p| Regel {
            id: p.id.0,
            doelgroep: intake_queue::doelgroep_label(p.doelgroep.as_deref()),
            koppeling: p
                .datum_koppeling
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_else(|| "Onbekend".into()),
            regisseur: match (p.regisseur_id, p.regisseur_naam) {
                (None, _) => "Zonder regisseur".into(),
                (Some(_), Some(n)) => n,
                (Some(_), None) => "Onbekende medewerker".into(),
            },
            intake_gestart: p.intake_gestart,
            naam: p.naam,
        })
        .collect();
    Ok(render(&IntakeQueuePage {
        layout: Layout::new(&signed, nonce, "Intake-wachtrij", "/intake-wachtrij"),
        rows,
        meer: w.meer,
        max: intake_queue::MAX,
    }))
}
