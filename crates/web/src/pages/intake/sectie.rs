//! `/personen/{id}/intake/secties/{sectie}`: one section's form (plain HTML, posted as the same JSON
//! the API takes), with hidden `versie`, and below it every stored version (who, when, what).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::intake::{self, SectieDetail};
use wegwijs_domain::authz::{Action, PersonRef, Resource, can};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::SectieStatus;
use wegwijs_domain::validation::ValidationErrors;

use super::form_json::to_json;
use super::form_view::{LbtView, VraagView, from_json, lbt_view, vraag_views};
use super::samenvatting::samenvatting;
use super::vragen::label;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::{DATE_HINT, SummaryItem, summary_text};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status, tijdstip};
use crate::state::AppState;

pub struct VersieView {
    pub versie: i64,
    pub status: &'static str,
    pub door: String,
    pub op: String,
    pub antwoorden: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "intake_sectie.html")]
pub struct SectiePage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub person_name: String,
    pub key: String,
    pub naam: String,
    pub bijzonder: bool,
    pub versie: i64,
    pub can_edit: bool,
    pub is_lbt: bool,
    pub lbt: LbtView,
    pub vragen: Vec<VraagView>,
    pub summary: Vec<SummaryItem>,
    pub conflict: Option<String>,
    pub date_hint: &'static str,
    pub versies: Vec<VersieView>,
}

fn page(
    signed: &SignedIn,
    nonce: Nonce,
    d: &SectieDetail,
    velden: &[(String, String)],
    errors: &ValidationErrors,
) -> SectiePage {
    let p = &d.person;
    let can_edit = can(
        &signed.actor,
        Action::TrajectEdit,
        Resource::Person(PersonRef {
            gemeente_id: p.gemeente_id,
            regisseur_id: p.regisseur_id,
        }),
    )
    .is_allowed();
    let name = p.details.display_name();
    let summary = errors
        .0
        .iter()
        .map(|e| SummaryItem {
            field: e.field.to_string(),
            message: match label(d.sectie, e.field) {
                Some(l) => summary_text(l, &e.message),
                None => e.message.clone(),
            },
        })
        .collect();
    SectiePage {
        layout: Layout::new(
            signed,
            nonce,
            format!("{} · intake van {name}", d.sectie.naam()),
            "",
        ),
        person_id: p.id.0,
        person_name: name,
        key: d.sectie.key(),
        naam: d.sectie.naam(),
        bijzonder: d.sectie.is_bijzonder(),
        versie: d.versie(),
        can_edit,
        is_lbt: super::vragen::vragen(d.sectie).is_empty(),
        lbt: lbt_view(velden, errors),
        vragen: vraag_views(d.sectie, velden, errors),
        summary,
        conflict: None,
        date_hint: DATE_HINT,
        versies: d
            .versies
            .iter()
            .map(|v| VersieView {
                versie: v.versie,
                status: SectieStatus::parse(&v.status).map_or("", SectieStatus::label),
                door: v
                    .gewijzigd_door_naam
                    .clone()
                    .unwrap_or_else(|| "onbekend".into()),
                op: tijdstip(v.gewijzigd_op),
                antwoorden: v
                    .inhoud
                    .as_deref()
                    .map(|i| samenvatting(d.sectie, i))
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

/// The stored content as form fields.
fn stored(d: &SectieDetail) -> Vec<(String, String)> {
    serde_json::to_value(d.inhoud())
        .map(|v| from_json(d.sectie, &v))
        .unwrap_or_default()
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath((id, key)): PagePath<(Uuid, String)>,
) -> Result<Response, PageError> {
    let d = intake::sectie(&signed.ctx(&state), PersonId(id), &key).await?;
    Ok(render(&page(
        &signed,
        nonce,
        &d,
        &stored(&d),
        &ValidationErrors::new(),
    )))
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath((id, key)): PagePath<(Uuid, String)>,
    CsrfForm(signed, velden): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let versie = super::form_json::get(&velden, "versie")
        .parse::<i64>()
        .map_err(|_| {
            PageError(AppError::BadRequest(
                "De versie ontbreekt in het formulier.".into(),
            ))
        })?;
    // Access first (404/403 before any message about the input), then the form's own checks.
    let sectie = intake::sectie_for_edit(&ctx, PersonId(id), &key).await?;
    let result = match to_json(sectie, &velden) {
        Ok(json) => intake::save_sectie(&ctx, PersonId(id), &key, versie, &json).await,
        Err(e) => Err(AppError::Invalid(e)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/intake"),
            Melding::SectieOpgeslagen,
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            let d = intake::sectie(&ctx, PersonId(id), &key).await?;
            let mut p = page(&signed, nonce, &d, &velden, &e);
            // Keep the versie the form was opened on: the input is not saved yet.
            p.versie = versie;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::Conflict { .. }) => {
            // A colleague saved first. Nothing was saved; the input stays in the form, and their
            // version is the newest entry of the history below, so the user can compare and save again.
            let d = intake::sectie(&ctx, PersonId(id), &key).await?;
            let mut p = page(&signed, nonce, &d, &velden, &ValidationErrors::new());
            let wie = d.versies.first().map(|v| {
                let door = v
                    .gewijzigd_door_naam
                    .clone()
                    .unwrap_or_else(|| "een collega".into());
                format!("{door} ({})", tijdstip(v.gewijzigd_op))
            });
            p.conflict = Some(format!(
                "Dit onderdeel is intussen gewijzigd door {}. Er is niets opgeslagen. Hieronder staat uw invoer; \
                 de nieuwe versie staat bovenaan in de geschiedenis. Vergelijk en sla opnieuw op om uw invoer \
                 als nieuwe versie te bewaren.",
                wie.unwrap_or_else(|| "een collega".into())
            ));
            Ok(render_status(StatusCode::CONFLICT, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}
