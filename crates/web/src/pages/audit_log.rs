//! `/verwerkingen`: the privacy officer's view of the gemeente's verwerkingenlog.

use axum::extract::State;
use axum::response::Response;

use super::person::audit::{AuditPage, AuditRow, PaginaQuery, page_number};
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;
use crate::state::AppState;
use wegwijs_app::audit_view;

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<PaginaQuery>,
) -> Result<Response, PageError> {
    let pagina = page_number(q.pagina)?;
    let rows = audit_view::for_gemeente(&signed.ctx(&state), pagina).await?;
    if pagina > 1 && rows.is_empty() {
        let layout = Layout::new(&signed, nonce, "Pagina niet gevonden", "/verwerkingen");
        return Ok(crate::pages::error_page::past_the_end(layout, None));
    }
    let full = rows.len() as i64 == audit_view::PAGE_SIZE;
    Ok(render(&AuditPage {
        layout: Layout::new(&signed, nonce, "Verwerkingenlog", "/verwerkingen"),
        heading: "Verwerkingenlog".into(),
        intro: "Alle verwerkingen van persoonsgegevens in uw gemeente, nieuwste eerst. Het log kan niet worden \
                gewijzigd of verwijderd."
            .into(),
        rows: rows.into_iter().map(AuditRow::from).collect(),
        pagina,
        next: full.then(|| format!("/verwerkingen?pagina={}", pagina + 1)),
        prev: (pagina > 1).then(|| format!("/verwerkingen?pagina={}", pagina - 1)),
        back_href: None,
        show_person: true,
    }))
}
