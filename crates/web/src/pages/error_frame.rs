//! Every error a page route answers is the Dutch error page inside the frame the user knows: with the
//! navigation and the sign-out button when the request comes from a signed-in session.
//!
//! `PageError` cannot draw that frame itself (it does not know the user), and some answers never pass
//! through it at all: axum's own 405 for a GET of a POST-only address, or a rejection of an extractor a
//! future page forgets to wrap. So this middleware, around the page routes only, looks at each answer:
//! an error page (marked with [`ErrorContent`]) is drawn again in the signed-in frame, and any other
//! error answer that is not HTML (English plain text, an empty body) becomes the Dutch page.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::auth::SignedIn;
use crate::middleware::security_headers::CspNonce;
use crate::pages::error_page::{ErrorContent, error_response};
use crate::pages::layout::{Layout, Nonce};
use crate::state::AppState;

pub async fn frame_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // The parts the session lookup needs; the body goes to the handler.
    let (parts, body) = req.into_parts();
    let mut lookup = axum::http::Request::builder()
        .method(parts.method.clone())
        .uri(parts.uri.clone())
        .body(())
        .map(|r| r.into_parts().0)
        .ok();
    if let Some(l) = lookup.as_mut() {
        l.headers = parts.headers.clone();
        l.extensions = parts.extensions.clone();
    }
    let nonce = parts
        .extensions
        .get::<CspNonce>()
        .map(|n| n.0.clone())
        .unwrap_or_default();
    let res = next.run(Request::from_parts(parts, body)).await;

    let status = res.status();
    let content = match res.extensions().get::<ErrorContent>() {
        Some(c) => c.clone(),
        None if needs_dutch_page(&res) => generic(status),
        None => return res,
    };
    let signed = match lookup.as_mut() {
        Some(l) => SignedIn::from_request_parts(l, &state).await.ok(),
        None => None,
    };
    let heading = content.heading.clone();
    let layout = match &signed {
        Some(s) => Layout::new(s, Nonce::plain(nonce), heading, ""),
        None => Layout::anonymous(nonce, heading),
    };
    let fresh = error_response(status, layout, content);
    // Keep what the original answer said besides its body (Allow on a 405, Retry-After, cookies).
    let (mut old, _) = res.into_parts();
    let (new, body) = fresh.into_parts();
    for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH] {
        old.headers.remove(&name);
        if let Some(v) = new.headers.get(&name) {
            old.headers.insert(name, v.clone());
        }
    }
    Response::from_parts(old, body)
}

/// An error answer without a page for people: empty or plain text (axum's own rejections and 405).
/// HTML without our marker is left alone (a handler that drew its own page, such as a form with
/// errors, did so on purpose), and so is JSON (`/health` answers problem+json for monitoring).
fn needs_dutch_page(res: &Response) -> bool {
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return false;
    }
    match res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    {
        None => true,
        Some(v) => v.starts_with("text/plain"),
    }
}

/// The text for an error answer that came without one.
fn generic(status: StatusCode) -> ErrorContent {
    let (heading, message) = match status {
        StatusCode::NOT_FOUND => (
            "Niet gevonden",
            "Deze pagina of dit dossier bestaat niet, of valt buiten uw gemeente.",
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Dit adres opent geen pagina",
            "Dit adres verwerkt alleen een formulier. Ga terug naar de vorige pagina en gebruik daar de knop.",
        ),
        StatusCode::PAYLOAD_TOO_LARGE => ("Te groot", "Het formulier is te groot."),
        s if s.is_client_error() => (
            "Ongeldig verzoek",
            "Het adres of het formulier klopt niet. Ga terug en probeer het opnieuw.",
        ),
        _ => (
            "Er ging iets mis",
            "Er ging iets mis aan onze kant. Uw gegevens zijn niet half opgeslagen. Probeer het opnieuw.",
        ),
    };
    ErrorContent {
        heading: heading.into(),
        message: message.into(),
    }
}
