//! Extractors for the pages: a form body and a query string read strictly (`crate::input`), refused
//! with a Dutch 400 page instead of axum's English plain text (which also quotes serde's message).

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use crate::input::{self, InputError};
use crate::pages::error_page::PageError;
use wegwijs_app::error::AppError;

/// The most a page form may send.
pub const FORM_LIMIT: usize = 256 * 1024;

pub fn bad_request(e: &InputError) -> Response {
    PageError(AppError::BadRequest(e.message())).into_response()
}

/// Reads a urlencoded form body: right content type, within [`FORM_LIMIT`], strict decoding.
pub async fn form_body<F: DeserializeOwned>(req: Request) -> Result<F, Response> {
    if !input::is_form_content_type(req.headers()) {
        return Err(bad_request(&InputError::WrongContentType));
    }
    let bytes = axum::body::to_bytes(req.into_body(), FORM_LIMIT)
        .await
        .map_err(|_| {
            PageError(AppError::BadRequest("Het formulier is te groot.".into())).into_response()
        })?;
    input::from_form(&bytes).map_err(|e| bad_request(&e))
}

/// A form of a page that needs no session (sign-in); signed-in forms use `CsrfForm`.
pub struct PageForm<F>(pub F);

impl<F: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageForm<F> {
    type Rejection = Response;
    async fn from_request(req: Request, _: &S) -> Result<Self, Response> {
        form_body(req).await.map(PageForm)
    }
}

/// A page's query string.
pub struct PageQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for PageQuery<T> {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Response> {
        let raw = parts.uri.query().unwrap_or("");
        input::from_query(raw.as_bytes())
            .map(PageQuery)
            .map_err(|e| bad_request(&e))
    }
}

/// A page's path parameters (ids). A malformed id is the Dutch "niet gevonden" page, as an id outside
/// the user's scope is, instead of axum's English text that repeats what was typed.
pub struct PagePath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for PagePath<T> {
    type Rejection = Response;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Response> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(PagePath(v)),
            Err(_) => Err(PageError(AppError::NotFound).into_response()),
        }
    }
}
