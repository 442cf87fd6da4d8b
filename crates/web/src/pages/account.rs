//! `/account`: change your password, turn on the second factor.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::login::{too_many, with_retry_after};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::render_status;
use crate::state::AppState;
use wegwijs_app::accounts;
use wegwijs_app::auth::totp;
use wegwijs_app::error::AppError;

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub layout: Layout,
    pub email: String,
    pub totp_on: bool,
    pub new_secret: String,
    pub new_url: String,
    pub password_error: Option<(String, String)>,
    pub totp_error: Option<String>,
    pub notice: Option<String>,
}

fn page(signed: &SignedIn, nonce: Nonce, secret: Option<String>) -> Result<AccountPage, PageError> {
    let secret = secret.unwrap_or_else(totp::new_secret);
    Ok(AccountPage {
        layout: Layout::new(signed, nonce, "Mijn account", "/account"),
        email: signed.user.email.clone(),
        totp_on: signed.user.totp_geheim.is_some(),
        new_url: totp::provisioning_url(&secret, &signed.user.email)?,
        new_secret: secret,
        password_error: None,
        totp_error: None,
        notice: None,
    })
}

/// The confirmation after a change comes as `?melding=` and is shown by the layout (`pages::melding`).
pub async fn show(signed: SignedIn, nonce: Nonce) -> Result<Response, PageError> {
    let mut p = page(&signed, nonce, None)?;
    p.notice = signed.user.wachtwoord_wijzigen.then(|| {
        "U bent ingelogd met een eenmalig wachtwoord. Kies eerst een eigen wachtwoord.".into()
    });
    Ok(render_status(StatusCode::OK, &p))
}

#[derive(Deserialize)]
pub struct PasswordForm {
    pub huidig: String,
    pub nieuw: String,
    pub herhaling: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<PasswordForm>,
) -> Result<Response, PageError> {
    match accounts::change_password(
        &state.app,
        &signed.user,
        &f.huidig,
        &f.nieuw,
        &f.herhaling,
        &signed.request_id,
    )
    .await
    {
        Ok(token) => {
            let mut res = Redirect::to(&redirect_to("/account", Melding::WachtwoordGewijzigd))
                .into_response();
            if let Ok(v) = HeaderValue::from_str(&state.config.session_cookie(&token)) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(AppError::Invalid(e)) => {
            let mut p = page(&signed, nonce, None)?;
            p.password_error =
                e.0.into_iter()
                    .next()
                    .map(|f| (f.field.to_string(), f.message));
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let mut p = page(&signed, nonce, None)?;
            p.password_error = Some(("huidig".into(), too_many(retry_after_secs)));
            Ok(with_retry_after(
                render_status(StatusCode::TOO_MANY_REQUESTS, &p),
                retry_after_secs,
            ))
        }
        Err(other) => Err(PageError(other)),
    }
}

#[derive(Deserialize)]
pub struct TotpForm {
    pub geheim: String,
    pub code: String,
}

pub async fn enable_totp(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<TotpForm>,
) -> Result<Response, PageError> {
    match accounts::enable_totp(
        &state.app,
        &signed.user,
        &f.geheim,
        &f.code,
        &signed.token_hash,
        &signed.request_id,
    )
    .await
    {
        Ok(()) => {
            Ok(Redirect::to(&redirect_to("/account", Melding::TweedeFactorAan)).into_response())
        }
        Err(AppError::Invalid(e)) => {
            let mut p = page(&signed, nonce, Some(f.geheim))?;
            p.totp_error = e.0.into_iter().next().map(|f| f.message);
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let mut p = page(&signed, nonce, Some(f.geheim))?;
            p.totp_error = Some(too_many(retry_after_secs));
            Ok(with_retry_after(
                render_status(StatusCode::TOO_MANY_REQUESTS, &p),
                retry_after_secs,
            ))
        }
        Err(other) => Err(PageError(other)),
    }
}
