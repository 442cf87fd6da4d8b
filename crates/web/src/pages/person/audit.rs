//! `/personen/{id}/verwerkingen`: who saw or changed this record (teamleider, privacy officer).

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::model::AuditRecord;
use wegwijs_domain::ids::PersonId;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, tijdstip};
use crate::state::AppState;
use wegwijs_app::audit_view;

pub struct AuditRow {
    pub tijdstip: String,
    pub gebruiker: String,
    pub organisatie: String,
    pub handeling: &'static str,
    pub details: String,
    pub grondslag: String,
    pub bron: String,
    pub trace_id: String,
    pub persoon_href: Option<String>,
}

impl From<AuditRecord> for AuditRow {
    fn from(r: AuditRecord) -> Self {
        AuditRow {
            tijdstip: tijdstip(r.tijdstip),
            gebruiker: r.gebruiker_naam.unwrap_or_else(|| "systeem".into()),
            organisatie: r.organisatie_naam.unwrap_or_default(),
            handeling: r.actie.label(),
            details: r
                .details
                .as_deref()
                .map(crate::pages::audit_text::for_people)
                .unwrap_or_default(),
            grondslag: r.grondslag,
            bron: r.bron,
            trace_id: r.trace_id,
            persoon_href: r.persoon_id.map(|p| format!("/personen/{p}/verwerkingen")),
        }
    }
}

#[derive(Template)]
#[template(path = "audit_list.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub heading: String,
    pub intro: String,
    pub rows: Vec<AuditRow>,
    pub pagina: i64,
    pub next: Option<String>,
    pub prev: Option<String>,
    pub back_href: Option<String>,
    pub show_person: bool,
}

#[derive(Deserialize)]
pub struct PaginaQuery {
    pub pagina: Option<i64>,
}

/// The requested page, 1 to `MAX_PAGE`; anything else is a Dutch 400 page.
pub fn page_number(pagina: Option<i64>) -> Result<i64, PageError> {
    wegwijs_domain::validation::page_number(pagina)
        .map(i64::from)
        .map_err(|m| PageError(wegwijs_app::error::AppError::BadRequest(m)))
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    PageQuery(q): PageQuery<PaginaQuery>,
) -> Result<Response, PageError> {
    let pagina = page_number(q.pagina)?;
    let rows = audit_view::for_person(&signed.ctx(&state), PersonId(id), pagina).await?;
    if pagina > 1 && rows.is_empty() {
        let layout = Layout::new(&signed, nonce, "Pagina niet gevonden", "");
        return Ok(crate::pages::error_page::past_the_end(layout, None));
    }
    let full = rows.len() as i64 == audit_view::PAGE_SIZE;
    let base = format!("/personen/{id}/verwerkingen");
    Ok(render(&AuditPage {
        layout: Layout::new(&signed, nonce, "Wie heeft dit dossier gezien", ""),
        heading: "Wie heeft dit dossier gezien of gewijzigd".into(),
        intro: "Elke keer dat iemand de gegevens van deze persoon opent, in een lijst ziet of wijzigt, staat hier. \
                Ook het bekijken van deze lijst wordt vastgelegd."
            .into(),
        rows: rows.into_iter().map(AuditRow::from).collect(),
        pagina,
        next: full.then(|| format!("{base}?pagina={}", pagina + 1)),
        prev: (pagina > 1).then(|| format!("{base}?pagina={}", pagina - 1)),
        back_href: signed
            .actor
            .has(wegwijs_domain::authz::Role::Teamleider)
            .then(|| format!("/personen/{id}")),
        show_person: false,
    }))
}
