//! Signing in (`/inloggen`), the second factor (`/inloggen/verificatie`) and signing out (`/uitloggen`).

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::auth::SignedInAny;
use crate::auth::client_addr::ClientAddr;
use crate::auth::session::CsrfFormAny;
use crate::middleware::request_id::RequestIds;
use crate::pages::account::{EnrolView, enrol_view, show_recovery_codes_once};
use crate::pages::error_page::PageError;
use crate::pages::extract::{PageForm, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;
use wegwijs_app::accounts;
use wegwijs_app::error::AppError;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub email: String,
    pub terug: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginQuery {
    pub terug: Option<String>,
    pub uitgelogd: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginForm {
    pub email: String,
    pub wachtwoord: String,
    #[serde(default)]
    pub terug: String,
}

/// Where to go after signing in: only a path on this site. The value arrives from a link anyone can
/// craft, so anything that a browser could read as another host (`//host`, `/\host`, `/%09/host`,
/// which browsers turn into `//host` after dropping the tab) or that cannot be a header value
/// (control characters, which made the redirect panic) sends the user to `/` instead.
pub fn safe_return(terug: &str) -> &str {
    let safe_char = |c: char| c.is_ascii_alphanumeric() || "-._~/?=&%+,;:@!$*()'".contains(c);
    let Some(rest) = terug.strip_prefix('/') else {
        return "/";
    };
    let decoded = percent_encoding::percent_decode_str(terug).decode_utf8();
    let decoded_ok = decoded.is_ok_and(|d| {
        !d.chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
            && !d.starts_with("//")
    });
    if terug.len() <= 2000 && terug.chars().all(safe_char) && !rest.starts_with('/') && decoded_ok {
        terug
    } else {
        "/"
    }
}

pub async fn form(nonce: Nonce, PageQuery(q): PageQuery<LoginQuery>) -> Response {
    render(&LoginPage {
        layout: Layout::anonymous(nonce.0, "Inloggen"),
        email: String::new(),
        terug: q
            .terug
            .as_deref()
            .map(safe_return)
            .unwrap_or("/")
            .to_string(),
        error: None,
        notice: q.uitgelogd.map(|_| "U bent uitgelogd.".to_string()),
    })
}

pub async fn submit(
    State(state): State<AppState>,
    nonce: Nonce,
    ClientAddr(addr): ClientAddr,
    Extension(ids): Extension<RequestIds>,
    PageForm(f): PageForm<LoginForm>,
) -> Response {
    let trace = ids.ours;
    let result = accounts::sign_in(&state.app, &f.email, &f.wachtwoord, &addr, &trace).await;
    let (status, error) = match result {
        Ok(session) => {
            let target = if session.second_factor_pending {
                "/inloggen/verificatie"
            } else if session.password_change_due {
                "/account"
            } else {
                safe_return(&f.terug)
            };
            let mut res = Redirect::to(target).into_response();
            if let Ok(v) = HeaderValue::from_str(&state.config.session_cookie(&session.token)) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            return res;
        }
        Err(AppError::Invalid(e)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            e.0.into_iter().next().map(|f| f.message),
        ),
        Err(AppError::TooManyRequests { retry_after_secs }) => {
            let page = LoginPage {
                layout: Layout::anonymous(nonce.0, "Inloggen"),
                email: f.email,
                terug: f.terug,
                error: Some(too_many(retry_after_secs)),
                notice: None,
            };
            return with_retry_after(
                render_status(StatusCode::TOO_MANY_REQUESTS, &page),
                retry_after_secs,
            );
        }
        Err(other) => return PageError(other).into_response(),
    };
    render_status(
        status,
        &LoginPage {
            layout: Layout::anonymous(nonce.0, "Inloggen"),
            email: f.email,
            terug: safe_return(&f.terug).to_string(),
            error,
            notice: None,
        },
    )
}

pub(crate) fn too_many(retry_after_secs: u64) -> String {
    format!(
        "Te veel mislukte pogingen. Probeer het over {} minuten opnieuw.",
        retry_after_secs.div_ceil(60)
    )
}

pub(crate) fn with_retry_after(mut res: Response, secs: u64) -> Response {
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    res
}

#[derive(Template)]
#[template(path = "totp.html")]
pub struct TotpPage {
    pub layout: Layout,
    /// Setting up now (no factor yet): the secret waiting in this session, with its QR code.
    pub enrol: Option<EnrolView>,
    /// Setting up is due but impossible (no installation key).
    pub no_key: bool,
    pub error: Option<String>,
}

async fn totp_page(
    state: &AppState,
    signed: &crate::auth::SignedIn,
    nonce: String,
    error: Option<String>,
) -> Result<TotpPage, PageError> {
    let mut layout = Layout::anonymous(nonce, "Tweede stap");
    layout.csrf = signed.csrf_token.clone();
    let enrol = if signed.user.totp_geheim.is_none() {
        enrol_view(state, signed).await?
    } else {
        None
    };
    Ok(TotpPage {
        no_key: signed.user.totp_geheim.is_none() && enrol.is_none(),
        layout,
        enrol,
        error,
    })
}

pub async fn totp_form(
    State(state): State<AppState>,
    SignedInAny(signed, pending): SignedInAny,
    nonce: Nonce,
) -> Result<Response, PageError> {
    if !pending {
        return Ok(Redirect::to("/").into_response());
    }
    Ok(render(&totp_page(&state, &signed, nonce.0, None).await?))
}

/// Only the code (from the app, or a recovery code); a secret being set up waits in the session.
#[derive(Deserialize)]
pub struct TotpForm {
    pub code: String,
}

pub async fn totp_submit(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfFormAny(signed, pending, f): CsrfFormAny<TotpForm>,
) -> Result<Response, PageError> {
    if !pending {
        return Ok(Redirect::to("/").into_response());
    }
    match accounts::complete_second_factor(
        &state.app,
        &signed.user,
        &signed.token_hash,
        &f.code,
        &signed.request_id,
    )
    .await
    {
        Ok(done) => {
            // A new session replaces the one from before the second step (session fixation).
            let mut res = match &done.recovery_codes {
                Some(codes) => show_recovery_codes_once(&state, &signed, codes).await?,
                None if signed.user.wachtwoord_wijzigen => Redirect::to("/account").into_response(),
                None => Redirect::to("/").into_response(),
            };
            if let Ok(v) = HeaderValue::from_str(&state.config.session_cookie(&done.token)) {
                res.headers_mut().insert(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(AppError::Invalid(e)) => {
            let msg = e.0.into_iter().next().map(|f| f.message);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &totp_page(&state, &signed, nonce.0, msg).await?,
            ))
        }
        Err(AppError::TooManyRequests { retry_after_secs }) => Ok(with_retry_after(
            render_status(
                StatusCode::TOO_MANY_REQUESTS,
                &totp_page(&state, &signed, nonce.0, Some(too_many(retry_after_secs))).await?,
            ),
            retry_after_secs,
        )),
        Err(other) => Err(PageError(other)),
    }
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn sign_out(
    State(state): State<AppState>,
    CsrfFormAny(signed, _, _): CsrfFormAny<Empty>,
) -> Result<Response, PageError> {
    accounts::sign_out(
        &state.app,
        &signed.user,
        &signed.token_hash,
        &signed.request_id,
    )
    .await?;
    let mut res = Redirect::to("/inloggen?uitgelogd=1").into_response();
    if let Ok(v) = HeaderValue::from_str(&state.config.clear_cookie()) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::safe_return;

    #[test]
    fn only_same_site_paths_are_return_targets() {
        for ok in [
            "/",
            "/caseload",
            "/personen/0190a1b2-c3d4?pagina=2&zoek=van+dijk",
            "/caseload?zoek=%C3%A9",
        ] {
            assert_eq!(safe_return(ok), ok);
        }
        for bad in [
            "",
            "caseload",
            "//evil.example",
            "/\\evil.example",
            "/%09/evil.example",
            "/%5Cevil.example",
            "/%2F/evil.example",
            "/%0a",
            "/x%0d%0aSet-Cookie:a=b",
            "https://evil.example",
            "/\t/evil.example",
            "/ spatie",
            "/%FF",
        ] {
            assert_eq!(safe_return(bad), "/", "{bad:?}");
        }
    }
}
