//! The signed-in user of an HTML request, from the session cookie.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use cookie::Cookie;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::de::DeserializeOwned;
use wegwijs_app::model::User;
use wegwijs_app::model::{AuditContext, Bron};
use wegwijs_domain::authz::Actor;

use crate::middleware::request_id::request_id;
use crate::pages::error_page::PageError;
use crate::pages::extract::{bad_request, form_body};
use crate::state::AppState;
use wegwijs_app::Ctx;
use wegwijs_app::auth::tokens::constant_time_eq;
use wegwijs_app::error::AppError;

/// A fully signed-in user (password and, where required, second factor).
pub struct SignedIn {
    pub user: User,
    pub actor: Actor,
    pub csrf_token: String,
    pub token_hash: String,
    pub request_id: String,
}

/// A session that may still wait for its second factor (only the TOTP page takes this).
pub struct SignedInAny(pub SignedIn, pub bool);

impl SignedIn {
    pub fn ctx<'a>(&'a self, state: &'a AppState) -> Ctx<'a> {
        Ctx {
            app: &state.app,
            actor: &self.actor,
            audit: AuditContext {
                trace_id: self.request_id.clone(),
                gebruiker_id: Some(self.user.id),
                organisatie_id: Some(self.user.organisatie_id),
                bron: Bron::Ui,
            },
        }
    }
}

/// The value of cookie `name` from the request's `Cookie` headers (parsed by the `cookie` crate).
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

/// Where an anonymous visitor goes: the sign-in page, remembering the page they wanted.
pub struct ToSignIn(String);

/// What a path may keep unescaped in the `terug` parameter: letters, digits, `-._~` and `/`.
const TERUG: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'/');

impl IntoResponse for ToSignIn {
    fn into_response(self) -> Response {
        let terug = utf8_percent_encode(&self.0, TERUG);
        Redirect::to(&format!("/inloggen?terug={terug}")).into_response()
    }
}

async fn load(parts: &Parts, state: &AppState) -> Result<Option<(SignedIn, bool)>, AppError> {
    let Some(token) = cookie_value(&parts.headers, state.config.cookie_name()) else {
        return Ok(None);
    };
    let Some((user, session, token_hash)) =
        wegwijs_app::signed_in::by_session_token(&state.app, &token).await?
    else {
        return Ok(None);
    };
    let actor = user.actor();
    let signed = SignedIn {
        user,
        actor,
        csrf_token: session.csrf_token,
        token_hash,
        request_id: request_id(parts),
    };
    Ok(Some((signed, session.tweede_factor_nodig)))
}

impl FromRequestParts<AppState> for SignedInAny {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        match load(parts, state).await {
            Ok(Some((s, pending))) => Ok(SignedInAny(s, pending)),
            Ok(None) => Err(ToSignIn(parts.uri.path().to_string()).into_response()),
            Err(e) => Err(PageError(e).into_response()),
        }
    }
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let SignedInAny(s, pending) = SignedInAny::from_request_parts(parts, state).await?;
        if pending {
            return Err(Redirect::to("/inloggen/verificatie").into_response());
        }
        // A one-time password (new account, reset) is replaced before anything else is opened: only
        // the change-password page and its form stay open (signing out takes `SignedInAny`).
        if s.user.wachtwoord_wijzigen
            && !matches!(parts.uri.path(), "/account" | "/account/wachtwoord")
        {
            return Err(Redirect::to("/account").into_response());
        }
        Ok(s)
    }
}

/// A form posted by a signed-in user, with its CSRF token checked against the session.
pub struct CsrfForm<F>(pub SignedIn, pub F);

/// The same for the TOTP step, whose session still waits for its second factor.
pub struct CsrfFormAny<F>(pub SignedIn, pub bool, pub F);

/// Reads the form strictly (`crate::input`), then checks its CSRF token before deserialising it.
async fn read_form<F: DeserializeOwned>(req: Request, csrf: &str) -> Result<F, Response> {
    let pairs: Vec<(String, String)> = form_body(req).await?;
    let sent = pairs
        .iter()
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    if !constant_time_eq(sent, csrf) {
        return Err(PageError(AppError::BadRequest(
            "Dit formulier is verlopen of komt niet van Wegwijs. Laad de pagina opnieuw en probeer het nog eens.".into(),
        ))
        .into_response());
    }
    // Already checked strictly above; re-encoding the pairs gives the typed form the same input.
    let encoded = serde_urlencoded::to_string(&pairs).map_err(|_| {
        PageError(AppError::BadRequest(
            "Het formulier kon niet worden gelezen.".into(),
        ))
        .into_response()
    })?;
    crate::input::from_form(encoded.as_bytes()).map_err(|e| bad_request(&e))
}

impl<F: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<F> {
    type Rejection = Response;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let signed = SignedIn::from_request_parts(&mut parts, state).await?;
        let form = read_form(Request::from_parts(parts, body), &signed.csrf_token).await?;
        Ok(CsrfForm(signed, form))
    }
}

impl<F: DeserializeOwned + Send> FromRequest<AppState> for CsrfFormAny<F> {
    type Rejection = Response;
    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let SignedInAny(signed, pending) =
            SignedInAny::from_request_parts(&mut parts, state).await?;
        let form = read_form(Request::from_parts(parts, body), &signed.csrf_token).await?;
        Ok(CsrfFormAny(signed, pending, form))
    }
}
