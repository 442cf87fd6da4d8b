//! `/personen/{id}/bewerken`: change a person. A stale save is refused and shows what changed since the form was opened.

use crate::pages::extract::PagePath;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;

use super::conflict::merge;
use super::fields::{PersonForm, basis_fields, person_fieldsets};
use super::new::{ConflictView, Editing, PersonFormPage, rerender};
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status, tijdstip};
use crate::state::AppState;
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
    let stored = person.details.to_raw();
    Ok(render(&PersonFormPage {
        layout: Layout::new(&signed, nonce, format!("{name} bewerken"), ""),
        heading: format!("{name} bewerken"),
        action: format!("/personen/{id}"),
        cancel_href: format!("/personen/{id}"),
        fieldsets: person_fieldsets(&stored),
        summary: vec![],
        versie: Some(person.versie),
        basis: basis_fields(&stored),
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
        Ok(saved) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}"),
            match saved {
                persons::Saved::Changed(_) => Melding::Opgeslagen,
                persons::Saved::Unchanged(_) => Melding::Ongewijzigd,
            },
        ))
        .into_response()),
        Err(AppError::Conflict { .. }) => {
            // Re-show the form merged (conflict.rs): the colleague's changes where this user changed
            // nothing, this user's input elsewhere; the form now carries the new version as its basis.
            let current = persons::load(&ctx, Action::PersonEdit, PersonId(id)).await?;
            persons::audit_read(&ctx, &current).await?;
            let theirs = current.details.to_raw();
            let (merged, rows) = merge(form.basis.as_ref(), &theirs, &raw);
            let name = current.details.display_name();
            let page = PersonFormPage {
                layout: Layout::new(&signed, nonce, format!("{name} bewerken"), ""),
                heading: format!("{name} bewerken"),
                action: format!("/personen/{id}"),
                cancel_href: format!("/personen/{id}"),
                fieldsets: person_fieldsets(&merged),
                summary: vec![],
                versie: Some(current.versie),
                basis: basis_fields(&theirs),
                conflict: Some(ConflictView {
                    by_me: current.gewijzigd_door == Some(signed.user.id),
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
        Err(e @ (AppError::Invalid(_) | AppError::Duplicate { .. })) => {
            // The heading names the person as stored, as before the save: the input may be half-typed.
            let current = persons::load(&ctx, Action::PersonEdit, PersonId(id)).await?;
            persons::audit_read(&ctx, &current).await?;
            let heading = format!("{} bewerken", current.details.display_name());
            let layout = Layout::new(&signed, nonce, heading.clone(), "");
            rerender(
                layout,
                &heading,
                &format!("/personen/{id}"),
                &format!("/personen/{id}"),
                &raw,
                Some(Editing {
                    versie: expected,
                    basis: form.basis.as_ref(),
                }),
                e,
            )
        }
        Err(other) => Err(PageError(other)),
    }
}
