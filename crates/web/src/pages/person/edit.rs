//! `/personen/{id}/bewerken`: change a person. A stale save is refused and shows what the other person changed.

use crate::pages::extract::PagePath;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::field_label;

use super::fields::{PersonForm, person_fieldsets};
use super::new::{ConflictView, PersonFormPage, rerender};
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status, tijdstip};
use crate::state::AppState;
use wegwijs_app::changes::changed_raw;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let person = persons::load(&ctx, Action::PersonEdit, PersonId(id)).await?;
    // The form shows the whole record: that is a read of it.
    persons::audit_read(&ctx, &person).await?;
    let name = person.details.display_name();
    Ok(render(&PersonFormPage {
        layout: Layout::new(&signed, nonce, format!("{name} bewerken"), ""),
        heading: format!("{name} bewerken"),
        action: format!("/personen/{id}"),
        cancel_href: format!("/personen/{id}"),
        fieldsets: person_fieldsets(&person.details.to_raw()),
        summary: vec![],
        versie: Some(person.versie),
        conflict: None,
        duplicate_href: None,
    }))
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let form = PersonForm::from_pairs(pairs);
    let raw = form.raw.clone();
    let expected = form.versie.ok_or_else(|| {
        PageError(AppError::BadRequest(
            "De versie ontbreekt in het formulier.".into(),
        ))
    })?;
    match persons::update(&ctx, PersonId(id), &raw, expected).await {
        Ok(_) => Ok(Redirect::to(&redirect_to(&format!("/personen/{id}"), Melding::Opgeslagen))
            .into_response()),
        Err(AppError::Conflict { .. }) => {
            // Show the other person's saved values beside this user's input; the form now carries the new
            // version, so saving again is a deliberate choice to overwrite.
            let current = persons::load(&ctx, Action::PersonEdit, PersonId(id)).await?;
            persons::audit_read(&ctx, &current).await?;
            let theirs = current.details.to_raw();
            let rows = changed_raw(&theirs, &raw)
                .into_iter()
                .map(|field| {
                    let label = field_label(field).unwrap_or(field);
                    (
                        label.to_string(),
                        raw_value(&theirs, field),
                        raw_value(&raw, field),
                    )
                })
                .collect();
            let name = current.details.display_name();
            let page = PersonFormPage {
                layout: Layout::new(&signed, nonce, format!("{name} bewerken"), ""),
                heading: format!("{name} bewerken"),
                action: format!("/personen/{id}"),
                cancel_href: format!("/personen/{id}"),
                fieldsets: person_fieldsets(&raw),
                summary: vec![],
                versie: Some(current.versie),
                conflict: Some(ConflictView {
                    who: current
                        .gewijzigd_door_naam
                        .clone()
                        .unwrap_or_else(|| "een andere gebruiker".into()),
                    when: tijdstip(current.gewijzigd_op),
                    rows,
                }),
                duplicate_href: None,
            };
            Ok(render_status(StatusCode::CONFLICT, &page))
        }
        Err(e) => {
            let layout = Layout::new(&signed, nonce, "Persoon bewerken", "");
            rerender(
                layout,
                "Persoon bewerken",
                &format!("/personen/{id}"),
                &format!("/personen/{id}"),
                &raw,
                Some(expected),
                e,
            )
        }
    }
}

fn raw_value(r: &wegwijs_domain::person::RawPerson, field: &str) -> String {
    r.fields()
        .into_iter()
        .find(|(name, _)| *name == field)
        .and_then(|(_, v)| {
            v.map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        })
        .unwrap_or_else(|| "(leeg)".into())
}
