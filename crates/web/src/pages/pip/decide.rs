//! `/vaststellen` (the dagtekening; the rules' refusals at the top and next to the field) and
//! `/intrekken` (a reason) for one version.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::AppError;
use wegwijs_app::pip::{self, PipError};
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;

use super::page_error;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{render, render_status};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "pip_decide.html")]
pub struct PipDecidePage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub pip_id: Uuid,
    pub naam: String,
    pub nummer: i32,
    pub versie: i64,
    /// true: vaststellen (field dagtekening); false: intrekken (field toelichting).
    pub vaststellen: bool,
    pub waarde: String,
    /// (field, message), shown at the top; those for the form's field also next to it.
    pub errors: Vec<(String, String)>,
    pub veldfout: Option<String>,
    pub date_hint: &'static str,
    /// The gemeente's letter details still missing ("postadres, website"): a warning, not a block,
    /// since the letter prints what is known.
    pub brief_ontbreekt: String,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    (id, pip_id): (Uuid, Uuid),
    vaststellen: bool,
    waarde: String,
    errors: Vec<(String, String)>,
) -> Result<PipDecidePage, PageError> {
    let ctx = signed.ctx(state);
    ctx.require_in_own_gemeente(Action::PipDecide)?;
    let v = pip::view(&ctx, PersonId(id), pip_id).await?;
    let naam = v.person.details.display_name();
    let brief_ontbreekt = if vaststellen {
        wegwijs_app::pip_letter::ontbrekende_briefgegevens(&ctx)
            .await
            .map_err(page_error)?
            .join(", ")
    } else {
        String::new()
    };
    let veld = if vaststellen {
        "dagtekening"
    } else {
        "toelichting"
    };
    let veldfout = errors
        .iter()
        .filter(|(f, _)| f == veld)
        .map(|(_, m)| m.clone())
        .reduce(|a, b| format!("{a} {b}"));
    let titel = if vaststellen {
        "vaststellen"
    } else {
        "intrekken"
    };
    Ok(PipDecidePage {
        layout: Layout::new(
            signed,
            nonce,
            format!("PIP {} van {naam} {titel}", v.pip.nummer),
            "",
        ),
        person_id: id,
        pip_id,
        naam,
        nummer: v.pip.nummer,
        versie: v.pip.versie,
        vaststellen,
        waarde,
        errors,
        veldfout,
        date_hint: crate::pages::forms::DATE_HINT,
        brief_ontbreekt,
    })
}

fn field<'a>(pairs: &'a [(String, String)], k: &str) -> &'a str {
    pairs
        .iter()
        .find(|(n, _)| n == k)
        .map_or("", |(_, v)| v.as_str())
}

/// The refusals as (field, message): the rules' own sentences name the rule.
fn refusals(e: PipError) -> Result<Vec<(String, String)>, PageError> {
    Ok(match e {
        PipError::Weigering(w) => w.into_iter().map(|x| (x.veld.to_string(), x.bericht)).collect(),
        PipError::App(AppError::Invalid(e)) => e.0.into_iter().map(|f| (f.field.to_string(), f.message)).collect(),
        PipError::App(AppError::Conflict { .. }) => vec![("versie".into(), "Dit PIP is intussen gewijzigd. Open het opnieuw en controleer het voor u het vaststelt.".into())],
        PipError::Overgang(o) => vec![(o.field().into(), o.message().into())],
        other => return Err(page_error(other)),
    })
}

pub async fn decide_form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(ids): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    let today = signed
        .ctx(&state)
        .now()
        .date_naive()
        .format("%d-%m-%Y")
        .to_string();
    Ok(render(
        &page(&state, &signed, nonce, ids, true, today, vec![]).await?,
    ))
}

pub async fn decide(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let dag = field(&pairs, "dagtekening").to_string();
    let versie = field(&pairs, "versie").parse::<i64>().unwrap_or(0);
    match pip::decide(&signed.ctx(&state), PersonId(id), pip_id, &dag, versie).await {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/pips/{pip_id}"),
            Melding::PipVastgesteld,
        ))
        .into_response()),
        Err(e) => {
            let errors = refusals(e)?;
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, &signed, nonce, (id, pip_id), true, dag, errors).await?,
            ))
        }
    }
}

pub async fn withdraw_form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(ids): PagePath<(Uuid, Uuid)>,
) -> Result<Response, PageError> {
    Ok(render(
        &page(&state, &signed, nonce, ids, false, String::new(), vec![]).await?,
    ))
}

pub async fn withdraw(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath((id, pip_id)): PagePath<(Uuid, Uuid)>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let toelichting = field(&pairs, "toelichting").to_string();
    let versie = field(&pairs, "versie").parse::<i64>().unwrap_or(0);
    match pip::withdraw(
        &signed.ctx(&state),
        PersonId(id),
        pip_id,
        &toelichting,
        versie,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/pips/{pip_id}"),
            Melding::PipIngetrokken,
        ))
        .into_response()),
        Err(e) => {
            let errors = refusals(e)?;
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(
                    &state,
                    &signed,
                    nonce,
                    (id, pip_id),
                    false,
                    toelichting,
                    errors,
                )
                .await?,
            ))
        }
    }
}
