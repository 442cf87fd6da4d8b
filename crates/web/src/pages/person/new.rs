//! `/personen/nieuw`: register a person.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use wegwijs_domain::authz::Action;
use wegwijs_domain::person::RawPerson;
use wegwijs_domain::validation::ValidationErrors;

use super::conflict::ConflictRow;
use super::fields::{PersonForm, basis_fields, person_fieldsets};
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::forms::{Fieldset, SummaryItem, attach_errors};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// A collision with an earlier save, shown above the form.
pub struct ConflictView {
    pub who: String,
    /// The last save was this user's own (another tab or window), not a colleague's.
    pub by_me: bool,
    pub when: String,
    pub rows: Vec<ConflictRow>,
}

#[derive(Template)]
#[template(path = "person_form.html")]
pub struct PersonFormPage {
    pub layout: Layout,
    pub heading: String,
    pub action: String,
    pub cancel_href: String,
    pub fieldsets: Vec<Fieldset>,
    pub summary: Vec<SummaryItem>,
    pub versie: Option<i64>,
    /// Hidden `basis_` fields: the version the form was opened on (edit only).
    pub basis: Vec<(String, String)>,
    pub conflict: Option<ConflictView>,
    pub duplicate_href: Option<String>,
}

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    signed
        .ctx(&state)
        .require_in_own_gemeente(Action::PersonCreate)?;
    Ok(render(&PersonFormPage {
        layout: Layout::new(&signed, nonce, "Nieuwe persoon", "/personen/nieuw"),
        heading: "Nieuwe persoon registreren".into(),
        action: "/personen".into(),
        cancel_href: "/caseload".into(),
        fieldsets: person_fieldsets(&RawPerson::default()),
        summary: vec![],
        versie: None,
        basis: vec![],
        conflict: None,
        duplicate_href: None,
    }))
}

pub async fn create(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let form = PersonForm::from_pairs(pairs);
    let raw = form.raw.clone();
    match persons::create(&signed.ctx(&state), &raw, None).await {
        Ok(id) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}"),
            Melding::Aangemaakt,
        ))
        .into_response()),
        Err(e) => {
            let layout = Layout::new(&signed, nonce, "Nieuwe persoon", "/personen/nieuw");
            rerender(
                layout,
                "Nieuwe persoon registreren",
                "/personen",
                "/caseload",
                &raw,
                None,
                e,
            )
        }
    }
}

/// What an edit form carries besides the fields: the version and the values it was opened on.
pub struct Editing<'a> {
    pub versie: i64,
    pub basis: Option<&'a RawPerson>,
}

/// Shows the form again with the user's input and the errors next to the fields (HTTP 422).
pub fn rerender(
    layout: Layout,
    heading: &str,
    action: &str,
    cancel: &str,
    raw: &RawPerson,
    editing: Option<Editing<'_>>,
    err: AppError,
) -> Result<Response, PageError> {
    let (errors, duplicate_href) = match err {
        AppError::Invalid(errors) => (errors, None),
        AppError::Duplicate { field, existing } => {
            let mut errors = ValidationErrors::new();
            let what = if field == "vNummer" {
                "dit V-nummer"
            } else {
                "dit BSN"
            };
            // Without an id the actor may not see that person: say whom to ask, not who it is.
            let ask = if existing.is_some() {
                ""
            } else {
                " Vraag uw teamleider om het dossier."
            };
            errors.push(
                field,
                "duplicate",
                format!("Er bestaat al een persoon met {what} in uw gemeente.{ask}"),
            );
            (errors, existing.map(|id| format!("/personen/{id}")))
        }
        other => return Err(PageError(other)),
    };
    let mut fieldsets = person_fieldsets(raw);
    let summary = attach_errors(&mut fieldsets, &errors);
    let page = PersonFormPage {
        layout,
        heading: heading.into(),
        action: action.into(),
        cancel_href: cancel.into(),
        fieldsets,
        summary,
        versie: editing.as_ref().map(|e| e.versie),
        basis: editing
            .and_then(|e| e.basis)
            .map(basis_fields)
            .unwrap_or_default(),
        conflict: None,
        duplicate_href,
    };
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}
