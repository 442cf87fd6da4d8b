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
use crate::pages::error_page::PageError;
use crate::pages::extract::{PageForm, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;
use wegwijs_app::accounts;
use wegwijs_app::auth::totp;
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
        Err(AppError::TooManyRequests { retry_after_secs }) => (
            StatusCode::TOO_MANY_REQUESTS,
            Some(format!(
                "Te veel mislukte pogingen. Probeer het over {} minuten opnieuw.",
                retry_after_secs.div_ceil(60)
            )),
        ),
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

#[derive(Template)]
#[template(path = "totp.html")]
pub struct TotpPage {
    pub layout: Layout,
    pub enrol_secret: Option<String>,
    pub enrol_url: Option<String>,
    pub error: Option<String>,
}

fn totp_page(
    signed: &crate::auth::SignedIn,
    nonce: String,
    secret: Option<String>,
    error: Option<String>,
) -> Result<TotpPage, PageError> {
    let mut layout = Layout::anonymous(nonce, "Tweede stap");
    layout.csrf = signed.csrf_token.clone();
    let enrol_url = match &secret {
        Some(s) => Some(totp::provisioning_url(s, &signed.user.email)?),
        None => None,
    };
    Ok(TotpPage {
        layout,
        enrol_secret: secret,
        enrol_url,
        error,
    })
}

pub async fn totp_form(
    SignedInAny(signed, pending): SignedInAny,
    nonce: Nonce,
) -> Result<Response, PageError> {
    if !pending {
        return Ok(Redirect::to("/").into_response());
    }
    let secret = signed.user.totp_geheim.is_none().then(totp::new_secret);
    Ok(render(&totp_page(&signed, nonce.0, secret, None)?))
}

#[derive(Deserialize)]
pub struct TotpForm {
    pub code: String,
    pub geheim: Option<String>,
}

pub async fn totp_submit(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfFormAny(signed, pending, f): CsrfFormAny<TotpForm>,
) -> Result<Response, PageError> {
    if !pending {
        return Ok(Redirect::to("/").into_response());
    }
    let enrol = if signed.user.totp_geheim.is_none() {
        f.geheim.clone()
    } else {
        None
    };
    match accounts::complete_second_factor(
        &state.app,
        &signed.user,
        &signed.token_hash,
        &f.code,
        enrol.as_deref(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/").into_response()),
        Err(AppError::Invalid(e)) => {
            let msg = e.0.into_iter().next().map(|f| f.message);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &totp_page(&signed, nonce.0, enrol, msg)?,
            ))
        }
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
