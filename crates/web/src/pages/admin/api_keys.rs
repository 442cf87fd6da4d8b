//! `/beheer/api-sleutels`: the API keys of the own organisation's users. A beheerder makes a key
//! (shown once, after a redirect) and revokes keys; the token itself is never stored or shown again.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_domain::ids::GebruikerId;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status, tijdstip};
use crate::state::AppState;
use wegwijs_app::api_keys;
use wegwijs_app::error::AppError;

pub struct KeyRow {
    pub id: Uuid,
    pub prefix: String,
    pub email: String,
    pub omschrijving: String,
    pub aangemaakt: String,
    pub laatst_gebruikt: String,
    pub verloopt: String,
    pub status: &'static str,
    pub live: bool,
}

#[derive(Template)]
#[template(path = "admin_api_keys.html")]
pub struct KeysPage {
    pub layout: Layout,
    pub organisatie: String,
    pub keys: Vec<KeyRow>,
    pub users: Vec<(Uuid, String)>,
    pub errors: Vec<String>,
    /// A key just made: (user e-mail, token), shown once.
    pub created: Option<(String, String)>,
    /// What the form held, kept after an error so a correction never lands on another user.
    pub form_gebruiker: String,
    pub form_omschrijving: String,
    pub form_dagen: String,
}

async fn page(state: &AppState, signed: &SignedIn, nonce: Nonce) -> Result<KeysPage, PageError> {
    let ctx = signed.ctx(state);
    let keys = api_keys::list_own_organisation(&ctx).await?;
    let users = wegwijs_app::users::list_own_organisation(&ctx).await?;
    let now = state.app.clock.now();
    Ok(KeysPage {
        layout: Layout::new(signed, nonce, "API-sleutels", "/beheer/api-sleutels"),
        organisatie: signed.user.organisatie_naam.clone(),
        keys: keys
            .into_iter()
            .map(|k| {
                let expired = k.verloopt_op.is_some_and(|t| t <= now);
                let (status, live) = match (k.ingetrokken_op, expired) {
                    (Some(_), _) => ("ingetrokken", false),
                    (None, true) => ("verlopen", false),
                    (None, false) => ("actief", true),
                };
                KeyRow {
                    id: k.id,
                    prefix: k.prefix.unwrap_or_else(|| "(onbekend)".into()),
                    email: k.email,
                    omschrijving: k.omschrijving,
                    aangemaakt: tijdstip(k.aangemaakt_op),
                    laatst_gebruikt: k.laatst_gebruikt_op.map_or("nooit".into(), tijdstip),
                    verloopt: k.verloopt_op.map_or("nooit".into(), tijdstip),
                    status,
                    live,
                }
            })
            .collect(),
        users: users
            .into_iter()
            .filter(|u| u.actief)
            .map(|u| (u.id.0, format!("{} ({})", u.naam, u.email)))
            .collect(),
        errors: vec![],
        created: None,
        form_gebruiker: String::new(),
        form_omschrijving: String::new(),
        form_dagen: "365".into(),
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// The one-time notice holding a new key (not `melding`: see `pages::melding`).
    pub eenmalig: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Response, PageError> {
    let mut p = page(&state, &signed, nonce).await?;
    if let Some(id) = q.eenmalig.as_deref() {
        let notice = wegwijs_app::notices::take(&signed.ctx(&state), id).await?;
        let mut parts = notice.as_deref().unwrap_or("").splitn(3, '\n');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("api"), Some(email), Some(key)) => {
                p.created = Some((email.to_string(), key.to_string()));
            }
            _ => p.errors.push(
                "De sleutel is al getoond en wordt niet nog eens getoond. Maak zo nodig een nieuwe en trek de oude in.".into(),
            ),
        }
    }
    Ok(render(&p))
}

#[derive(Deserialize)]
pub struct CreateForm {
    pub gebruiker: String,
    #[serde(default)]
    pub omschrijving: String,
    #[serde(default)]
    pub dagen: String,
}

pub async fn create(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<CreateForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let days = match f.dagen.trim() {
        "" => Ok(None),
        d => d.parse::<i64>().map(Some),
    };
    let user = f.gebruiker.parse::<Uuid>().map(GebruikerId);
    let result = match (user, days) {
        (Ok(user), Ok(days)) => {
            api_keys::create_in_own_organisation(&ctx, user, &f.omschrijving, days).await
        }
        (Err(_), _) => Err(AppError::BadRequest("Kies een gebruiker.".into())),
        (_, Err(_)) => Err(AppError::Invalid({
            let mut e = wegwijs_domain::validation::ValidationErrors::new();
            e.push(
                "dagen",
                "invalid",
                "Vul het aantal dagen in als getal, of laat het leeg.",
            );
            e
        })),
    };
    match result {
        Ok(token) => {
            let email = match f.gebruiker.parse::<Uuid>() {
                Ok(id) => wegwijs_app::users::list_own_organisation(&ctx)
                    .await?
                    .into_iter()
                    .find(|u| u.id.0 == id)
                    .map(|u| u.email)
                    .unwrap_or_default(),
                Err(_) => String::new(),
            };
            let id = wegwijs_app::notices::put(&ctx, &format!("api\n{email}\n{token}")).await?;
            Ok(Redirect::to(&format!("/beheer/api-sleutels?eenmalig={id}")).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let mut p = page(&state, &signed, nonce).await?;
            p.errors = e.0.into_iter().map(|f| f.message).collect();
            p.form_gebruiker = f.gebruiker.clone();
            p.form_omschrijving = f.omschrijving.clone();
            p.form_dagen = f.dagen.clone();
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, _pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    match api_keys::revoke_in_own_organisation(&signed.ctx(&state), id).await {
        Ok(()) => Ok(Redirect::to("/beheer/api-sleutels").into_response()),
        Err(AppError::Invalid(e)) => {
            let mut p = page(&state, &signed, nonce).await?;
            p.errors = e.0.into_iter().map(|f| f.message).collect();
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}
