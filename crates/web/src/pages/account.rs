//! `/account`: change your password; set up the second factor (QR code made here, secret kept in the
//! session), see your recovery codes once, turn the second factor off.

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
use crate::pages::{qr, render_status};
use crate::state::AppState;
use wegwijs_app::accounts;
use wegwijs_app::error::AppError;

pub const QR_LABEL: &str = "QR-code om Wegwijs aan uw authenticator-app toe te voegen";

/// A secret being set up: as text (to type in) and as QR code (inline SVG).
pub struct EnrolView {
    pub secret: String,
    pub url: String,
    pub qr_svg: String,
}

/// Which form an error belongs to, and the id of the field it points at.
pub struct FormError {
    pub field_id: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "account.html")]
pub struct AccountPage {
    pub layout: Layout,
    pub email: String,
    pub password_change_due: bool,
    pub totp_on: bool,
    /// The role requires the second factor: it cannot be turned off here.
    pub totp_required: bool,
    pub enrol: Option<EnrolView>,
    pub recovery_left: i64,
    /// Recovery codes made just now, shown once.
    pub recovery_codes: Vec<String>,
    pub recovery_gone: bool,
    pub password_error: Option<FormError>,
    pub totp_error: Option<FormError>,
    pub disable_error: Option<FormError>,
}

/// The page's QR/secret for a user without a second factor; the secret waits in this session.
pub async fn enrol_view(
    state: &AppState,
    signed: &SignedIn,
) -> Result<Option<EnrolView>, PageError> {
    let Some(e) = accounts::enrolment(&state.app, &signed.user, &signed.token_hash).await? else {
        return Ok(None);
    };
    Ok(Some(EnrolView {
        qr_svg: qr::svg(&e.url, QR_LABEL)?,
        secret: e.secret,
        url: e.url,
    }))
}

async fn page(state: &AppState, signed: &SignedIn, nonce: Nonce) -> Result<AccountPage, PageError> {
    let u = &signed.user;
    let totp_on = u.totp_geheim.is_some();
    // Until the one-time password is replaced, the page offers nothing else.
    let enrol = if totp_on || u.wachtwoord_wijzigen {
        None
    } else {
        enrol_view(state, signed).await?
    };
    Ok(AccountPage {
        layout: Layout::new(signed, nonce, "Mijn account", "/account"),
        email: u.email.clone(),
        password_change_due: u.wachtwoord_wijzigen,
        totp_on,
        totp_required: u
            .roles
            .iter()
            .any(|r| state.app.config.totp_required_for.contains(r)),
        enrol,
        recovery_left: if totp_on {
            accounts::recovery_codes_left(&state.app, u).await?
        } else {
            0
        },
        recovery_codes: vec![],
        recovery_gone: false,
        password_error: None,
        totp_error: None,
        disable_error: None,
    })
}

#[derive(Deserialize)]
pub struct AccountQuery {
    /// A one-time notice holding recovery codes just made.
    pub herstelcodes: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    crate::pages::extract::PageQuery(q): crate::pages::extract::PageQuery<AccountQuery>,
) -> Result<Response, PageError> {
    let mut p = page(&state, &signed, nonce).await?;
    if let Some(id) = q.herstelcodes.as_deref() {
        match wegwijs_app::notices::take(&signed.ctx(&state), id).await? {
            Some(text) if text.starts_with("herstelcodes\n") => {
                p.recovery_codes = text.lines().skip(1).map(str::to_string).collect();
            }
            _ => p.recovery_gone = true,
        }
    }
    Ok(render_status(StatusCode::OK, &p))
}

/// After the second factor was set up: the recovery codes go into a one-time notice and the browser
/// to the account page that shows them, so a reload or the back button never shows them again.
pub async fn show_recovery_codes_once(
    state: &AppState,
    signed: &SignedIn,
    codes: &[String],
) -> Result<Response, PageError> {
    let content = format!("herstelcodes\n{}", codes.join("\n"));
    let id = wegwijs_app::notices::put(&signed.ctx(state), &content).await?;
    Ok(Redirect::to(&format!(
        "/account?melding=tweede-factor-aan&herstelcodes={id}"
    ))
    .into_response())
}

fn first_error(
    e: wegwijs_domain::validation::ValidationErrors,
    ids: &[(&str, &str)],
) -> Option<FormError> {
    e.0.into_iter().next().map(|f| FormError {
        field_id: ids
            .iter()
            .find(|(field, _)| *field == f.field)
            .map(|(_, id)| *id)
            .unwrap_or(ids.first().map(|(_, id)| *id).unwrap_or(""))
            .to_string(),
        message: f.message,
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    pub huidig: String,
    pub nieuw: String,
    pub herhaling: String,
}

/// The account page again after one of its forms was refused: the error next to its field (`ids`
/// maps error fields to the form's element ids), or the throttle's wait at `throttled_field` with a
/// Retry-After header. Anything else is an error page.
async fn refused(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    error: AppError,
    ids: &[(&str, &str)],
    throttled_field: &str,
    slot: fn(&mut AccountPage) -> &mut Option<FormError>,
) -> Result<Response, PageError> {
    let (status, message, retry) = match error {
        AppError::Invalid(e) => (StatusCode::UNPROCESSABLE_ENTITY, first_error(e, ids), None),
        AppError::TooManyRequests { retry_after_secs } => (
            StatusCode::TOO_MANY_REQUESTS,
            Some(FormError {
                field_id: throttled_field.into(),
                message: too_many(retry_after_secs),
            }),
            Some(retry_after_secs),
        ),
        other => return Err(PageError(other)),
    };
    let mut p = page(state, signed, nonce).await?;
    *slot(&mut p) = message;
    let res = render_status(status, &p);
    Ok(match retry {
        Some(secs) => with_retry_after(res, secs),
        None => res,
    })
}

const PASSWORD_IDS: &[(&str, &str)] = &[
    ("huidig", "huidig"),
    ("nieuw", "wachtwoord"),
    ("herhaling", "herhaling"),
];

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
        Err(e) => {
            refused(&state, &signed, nonce, e, PASSWORD_IDS, "huidig", |p| {
                &mut p.password_error
            })
            .await
        }
    }
}

/// The current password and the code: the secret it confirms waits in the session. Any other field
/// (an old page's `geheim`) is ignored, so no secret of the browser's choosing can get in. A missing
/// password is an empty one (refused like a wrong one), not a 400.
#[derive(Deserialize)]
pub struct TotpForm {
    #[serde(default)]
    pub huidig: String,
    pub code: String,
}

pub async fn enable_totp(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<TotpForm>,
) -> Result<Response, PageError> {
    let result = accounts::enable_totp(
        &state.app,
        &signed.user,
        &f.huidig,
        &f.code,
        &signed.token_hash,
        &signed.request_id,
    )
    .await;
    match result {
        Ok(codes) => show_recovery_codes_once(&state, &signed, &codes).await,
        Err(e) => {
            let ids = &[("code", "code"), ("huidig", "aan-huidig")];
            refused(&state, &signed, nonce, e, ids, "code", |p| {
                &mut p.totp_error
            })
            .await
        }
    }
}

#[derive(Deserialize)]
pub struct DisableForm {
    pub huidig: String,
    pub code: String,
}

pub async fn disable_totp(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, f): CsrfForm<DisableForm>,
) -> Result<Response, PageError> {
    let result = accounts::disable_totp(
        &state.app,
        &signed.user,
        &f.huidig,
        &f.code,
        &signed.token_hash,
        &signed.request_id,
    )
    .await;
    match result {
        Ok(()) => {
            Ok(Redirect::to(&redirect_to("/account", Melding::TweedeFactorUit)).into_response())
        }
        Err(e) => {
            let ids = &[("code", "uit-code"), ("huidig", "uit-huidig")];
            refused(&state, &signed, nonce, e, ids, "uit-huidig", |p| {
                &mut p.disable_error
            })
            .await
        }
    }
}
