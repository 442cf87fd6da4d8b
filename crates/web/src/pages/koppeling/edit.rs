//! `/personen/{id}/koppeling/bewerken` and the POST to `/personen/{id}/koppeling`: the koppeling form.
//! Field errors re-show the input (422); a stale save (a colleague saved the koppeling, or the person,
//! since the form was opened) shows what is stored now with the user's differing input beside it (409).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::koppeling;
use wegwijs_app::model::KoppelingRecord;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::validation::ValidationErrors;

use super::form::{KoppelingFields, fields};
use super::values::FormValues;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::DATE_HINT;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render_status, tijdstip};
use crate::state::AppState;

/// A field whose posted value differs from what is stored now.
pub struct Verschil {
    pub veld: String,
    pub opgeslagen: String,
    pub invoer: String,
}

/// The stale-save notice: when the stored koppeling was saved, and the user's differing input.
pub struct Conflict {
    pub wanneer: String,
    pub verschillen: Vec<Verschil>,
}

#[derive(Template)]
#[template(path = "koppeling_form.html")]
pub struct KoppelingFormPage {
    pub layout: Layout,
    pub id: Uuid,
    pub versie: i64,
    pub persoon_versie: i64,
    pub form: KoppelingFields,
    pub conflict: Option<Conflict>,
    pub datum_hint: &'static str,
}

const TITEL: &str = "Koppeling en overdracht wijzigen";

async fn page(
    signed: &SignedIn,
    state: &AppState,
    nonce: Nonce,
    (id, versie, persoon_versie): (Uuid, i64, i64),
    values: &FormValues,
    errors: &ValidationErrors,
    conflict: Option<Conflict>,
) -> Result<KoppelingFormPage, PageError> {
    let regisseurs = ontvangers(signed, state).await?;
    Ok(KoppelingFormPage {
        layout: Layout::new(signed, nonce, TITEL, ""),
        id,
        versie,
        persoon_versie,
        form: fields(values, &regisseurs, errors),
        conflict,
        datum_hint: DATE_HINT,
    })
}

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let k = koppeling::view_for_edit(&signed.ctx(&state), PersonId(id)).await?;
    let values = FormValues::from_koppeling(&k.koppeling);
    let p = page(
        &signed,
        &state,
        nonce,
        versions(&k),
        &values,
        &ValidationErrors::new(),
        None,
    )
    .await?;
    Ok(render_status(StatusCode::OK, &p))
}

/// The regisseurs a handover can go to, as (id, name) for the select.
async fn ontvangers(
    signed: &SignedIn,
    state: &AppState,
) -> Result<Vec<(String, String)>, PageError> {
    Ok(koppeling::ontvangers(&signed.ctx(state))
        .await?
        .into_iter()
        .map(|(id, naam)| (id.0.to_string(), naam))
        .collect())
}

fn versions(k: &KoppelingRecord) -> (Uuid, i64, i64) {
    (k.persoon_id.0, k.versie, k.persoon_versie)
}

fn version(pairs: &[(String, String)], name: &str) -> Result<i64, PageError> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or_else(|| {
            PageError(AppError::BadRequest(
                "De versie ontbreekt in het formulier.".into(),
            ))
        })
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let versie = version(&pairs, "versie")?;
    let persoon_versie = version(&pairs, "persoonVersie")?;
    let values = FormValues::from_pairs(pairs);
    match koppeling::save(&ctx, PersonId(id), &values.to_raw(), versie, persoon_versie).await {
        Ok(saved) => {
            let melding = match saved {
                Some(_) => Melding::KoppelingOpgeslagen,
                None => Melding::Ongewijzigd,
            };
            let to = redirect_to(&format!("/personen/{id}/koppeling"), melding);
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(errors)) => {
            // Shown again with the versions the form was opened on: nothing was saved.
            let opened = (id, versie, persoon_versie);
            let p = page(&signed, &state, nonce, opened, &values, &errors, None).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::Conflict { .. }) => {
            // The form now holds what is stored, under the new versions, so saving it again never
            // overwrites the colleague's work; the user's own input is listed to re-enter.
            let k = koppeling::view_for_edit(&ctx, PersonId(id)).await?;
            let stored = FormValues::from_koppeling(&k.koppeling);
            let conflict = Conflict {
                wanneer: k
                    .gewijzigd_op
                    .map(tijdstip)
                    .unwrap_or_else(|| "zojuist".into()),
                verschillen: verschillen(&stored, &values, &ontvangers(&signed, &state).await?),
            };
            let empty = ValidationErrors::new();
            let p = page(
                &signed,
                &state,
                nonce,
                versions(&k),
                &stored,
                &empty,
                Some(conflict),
            )
            .await?;
            Ok(render_status(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}

/// The fields where the posted input differs from what is stored, labelled as the form labels them.
fn verschillen(
    stored: &FormValues,
    posted: &FormValues,
    regisseurs: &[(String, String)],
) -> Vec<Verschil> {
    let empty = ValidationErrors::new();
    let labels = fields(stored, regisseurs, &empty);
    let mut names: Vec<&String> = stored.0.keys().chain(posted.0.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| stored.get(n).trim() != posted.get(n).trim())
        .filter_map(|n| {
            Some(Verschil {
                veld: labels.label_of(n)?,
                opgeslagen: labels.shown_value(n, &stored.get(n)),
                invoer: labels.shown_value(n, &posted.get(n)),
            })
        })
        .collect()
}
