//! Errors as a Dutch HTML page with a way back; unexpected errors are logged and shown with only an apology.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::layout::Layout;
use wegwijs_app::error::AppError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    heading: String,
    message: String,
}

/// What an error page says, carried as a response extension so that `error_frame` can draw the same
/// text again inside the signed-in frame (navigation, sign-out) once it knows who is asking.
#[derive(Clone, Debug)]
pub struct ErrorContent {
    pub heading: String,
    pub message: String,
}

/// An error page in `layout`, with `status`.
pub fn error_response(status: StatusCode, layout: Layout, content: ErrorContent) -> Response {
    let page = ErrorPage {
        layout,
        heading: content.heading.clone(),
        message: content.message.clone(),
    };
    let mut res = match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, content.heading.clone()).into_response(),
    };
    res.extensions_mut().insert(content);
    res
}

/// A list page beyond the last one ("pagina 99 van 15"): the Dutch 404 page in the user's frame,
/// saying how many pages there are.
pub fn past_the_end(layout: Layout, pages: Option<i64>) -> Response {
    let message = match pages {
        Some(0) | Some(1) => "Deze pagina bestaat niet: de lijst past op één pagina.".to_string(),
        Some(n) => format!("Deze pagina bestaat niet: de lijst heeft {n} pagina’s."),
        None => "Deze pagina bestaat niet: de lijst is korter.".to_string(),
    };
    error_response(
        StatusCode::NOT_FOUND,
        layout,
        ErrorContent {
            heading: "Pagina niet gevonden".into(),
            message,
        },
    )
}

pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl From<wegwijs_app::model::StorageError> for PageError {
    fn from(e: wegwijs_app::model::StorageError) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let retry_after = match &self.0 {
            AppError::TooManyRequests { retry_after_secs }
            | AppError::Busy { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let (status, heading, message) = match self.0 {
            AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "Niet ingelogd",
                "Log in om deze pagina te zien.".to_string(),
            ),
            AppError::Forbidden(reason) => (
                StatusCode::FORBIDDEN,
                "Geen toegang",
                reason.message().to_string(),
            ),
            AppError::NotFound => (
                StatusCode::NOT_FOUND,
                "Niet gevonden",
                "Deze pagina of dit dossier bestaat niet, of valt buiten uw gemeente.".to_string(),
            ),
            AppError::Invalid(e) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ongeldige invoer",
                e.to_string(),
            ),
            AppError::Conflict { .. } => (
                StatusCode::CONFLICT,
                "Intussen gewijzigd",
                "Iemand anders heeft dit intussen gewijzigd. Open de pagina opnieuw.".to_string(),
            ),
            AppError::Duplicate { .. } => (
                StatusCode::CONFLICT,
                "Bestaat al",
                "Dit gegeven is al in gebruik.".to_string(),
            ),
            AppError::PreconditionRequired => (
                StatusCode::PRECONDITION_REQUIRED,
                "Versie ontbreekt",
                String::new(),
            ),
            AppError::BadRequest(m) => (StatusCode::BAD_REQUEST, "Ongeldig verzoek", m),
            AppError::TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                "Even wachten",
                format!(
                    "Te veel pogingen. Probeer het over {} minuten opnieuw.",
                    retry_after_secs.div_ceil(60)
                ),
            ),
            AppError::Busy { .. } => (
                StatusCode::SERVICE_UNAVAILABLE,
                "Even bezet",
                "Wegwijs is even erg druk. Probeer het over een paar seconden opnieuw.".to_string(),
            ),
            AppError::Internal(msg) => {
                tracing::error!(error = %msg, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Er ging iets mis",
                    "Er ging iets mis aan onze kant. Uw gegevens zijn niet half opgeslagen. Probeer het opnieuw; \
                     lukt het niet, noem dan de foutcode (x-request-id) aan de functioneel beheerder."
                        .to_string(),
                )
            }
        };
        let mut res = error_response(
            status,
            Layout::anonymous(String::new(), heading),
            ErrorContent {
                heading: heading.into(),
                message,
            },
        );
        if let Some(secs) = retry_after {
            res.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs),
            );
        }
        res
    }
}
