//! Errors as `application/problem+json` (RFC 9457), as the NL API Design Rules require, with the field
//! errors listed in `invalidParams`.

use axum::Json;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

use crate::input::json_problem;
use wegwijs_app::error::AppError;

/// Een foutmelding volgens RFC 9457 (problem details).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// URI die het soort fout aanduidt.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// De velden die niet in orde zijn.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invalid_params: Vec<InvalidParam>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvalidParam {
    /// Naam van het veld (lowerCamelCase, zoals in het request).
    pub name: String,
    /// Machineleesbare code: required, invalid, too_long, unknown_value, out_of_range, inconsistent, duplicate.
    pub code: String,
    /// Uitleg in het Nederlands.
    pub reason: String,
}

pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl From<wegwijs_app::model::StorageError> for ApiError {
    fn from(e: wegwijs_app::model::StorageError) -> Self {
        ApiError(e.into())
    }
}

fn problem(status: StatusCode, slug: &str, title: &str, detail: String) -> Problem {
    Problem {
        type_: format!("https://wegwijs.example/problemen/{slug}"),
        title: title.into(),
        status: status.as_u16(),
        detail,
        instance: None,
        invalid_params: vec![],
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (p, extra): (Problem, Option<(header::HeaderName, String)>) = match self.0 {
            AppError::Unauthenticated => (
                problem(StatusCode::UNAUTHORIZED, "niet-geauthenticeerd", "Niet geauthenticeerd",
                    "Stuur een geldige API-sleutel mee: Authorization: Bearer <sleutel>.".into()),
                Some((header::WWW_AUTHENTICATE, "Bearer".into())),
            ),
            AppError::Forbidden(reason) => (
                problem(StatusCode::FORBIDDEN, "geen-toegang", "Geen toegang", reason.message().to_string()),
                None,
            ),
            AppError::NotFound => (
                problem(StatusCode::NOT_FOUND, "niet-gevonden", "Niet gevonden",
                    "De gevraagde resource bestaat niet of u heeft er geen toegang toe.".into()),
                None,
            ),
            AppError::Invalid(errors) => {
                let mut p = problem(StatusCode::BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer",
                    "Een of meer velden zijn niet in orde; zie invalidParams.".into());
                p.invalid_params = errors
                    .0
                    .into_iter()
                    .map(|e| InvalidParam { name: e.field.into(), code: e.code.into(), reason: e.message })
                    .collect();
                (p, None)
            }
            AppError::Conflict { current, .. } => (
                problem(StatusCode::PRECONDITION_FAILED, "verouderde-versie", "Verouderde versie",
                    // Versions stay in the ETag header (machine); the detail is for the person reading it.
                    "Iemand anders heeft deze gegevens intussen gewijzigd. Haal ze opnieuw op en pas uw wijziging daarop toe.".to_string()),
                Some((header::ETAG, format!("\"{current}\""))),
            ),
            AppError::Duplicate { field, existing } => {
                let mut p = problem(StatusCode::CONFLICT, "bestaat-al", "Bestaat al",
                    format!("Er bestaat al een persoon met dit {} in deze gemeente.{}", if field == "vNummer" { "V-nummer" } else { "BSN" },
                        // Without an id the caller may not see that person: say whom to ask, not who it is.
                        if existing.is_some() { "" } else { " Vraag uw teamleider om het dossier." }));
                p.instance = existing.map(|id| format!("/api/v1/personen/{id}"));
                p.invalid_params.push(InvalidParam { name: field.into(), code: "duplicate".into(),
                    reason: "Deze waarde is al in gebruik bij een andere persoon.".into() });
                (p, None)
            }
            AppError::PreconditionRequired => (
                problem(StatusCode::PRECONDITION_REQUIRED, "if-match-vereist", "If-Match vereist",
                    "Stuur bij een wijziging de ETag van de versie die u wijzigt mee in de If-Match-header.".into()),
                None,
            ),
            AppError::BadRequest(detail) => (problem(StatusCode::BAD_REQUEST, "ongeldig-verzoek", "Ongeldig verzoek", detail), None),
            AppError::TooManyRequests { retry_after_secs } => (
                problem(StatusCode::TOO_MANY_REQUESTS, "te-veel-verzoeken", "Te veel verzoeken",
                    format!("Probeer het over {retry_after_secs} seconden opnieuw.")),
                Some((header::RETRY_AFTER, retry_after_secs.to_string())),
            ),
            AppError::Busy { retry_after_secs } => (
                problem(StatusCode::SERVICE_UNAVAILABLE, "bezet", "Even bezet",
                    format!("De server is even bezet. Probeer het over {retry_after_secs} seconden opnieuw.")),
                Some((header::RETRY_AFTER, retry_after_secs.to_string())),
            ),
            AppError::Internal(msg) => {
                tracing::error!(error = %msg, "internal error");
                (problem(StatusCode::INTERNAL_SERVER_ERROR, "interne-fout", "Interne fout",
                    "Er ging iets mis aan onze kant. Vermeld bij contact de waarde van de x-request-id-header.".into()), None)
            }
        };
        problem_response(p, extra)
    }
}

pub fn problem_response(p: Problem, extra: Option<(header::HeaderName, String)>) -> Response {
    let status = StatusCode::from_u16(p.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = (status, Json(p)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    if let Some((name, value)) = extra
        && let Ok(v) = HeaderValue::from_str(&value)
    {
        res.headers_mut().insert(name, v);
    }
    res
}

/// `Json<T>` whose rejections (malformed JSON, wrong types, unknown fields, wrong content type) are
/// problem+json instead of axum's plain text. The detail names the field and position, never the value
/// (serde_json's own message quotes what was sent, which can be a BSN or a password).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bad = |m: String| ApiError(AppError::BadRequest(m));
        if !is_json_content_type(req.headers()) {
            return Err(bad("Gebruik Content-Type: application/json.".into()));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| bad("Het verzoek is te groot of kon niet worden gelezen.".into()))?;
        let mut de = serde_json::Deserializer::from_slice(&bytes);
        let value: T = serde_path_to_error::deserialize(&mut de)
            .map_err(|e| bad(json_problem(&e.path().to_string(), e.inner())))?;
        de.end().map_err(|e| bad(json_problem(".", &e)))?;
        Ok(ApiJson(value))
    }
}

/// `application/json` or any `application/*+json`, parameters allowed.
fn is_json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(essence) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
    else {
        return false;
    };
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// `Path<T>` whose rejection (for example an id that is not a UUID) is problem+json.
pub struct ApiPath<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, ApiError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(ApiPath(v)),
            Err(_) => Err(ApiError(AppError::NotFound)),
        }
    }
}

/// `Query<T>` whose rejection (a parameter of the wrong type, bytes that are not UTF-8) is
/// problem+json naming the parameter, never its value. Text parameters are checked by the handler.
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ApiError;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, ApiError> {
        let raw = parts.uri.query().unwrap_or("");
        crate::input::from_query(raw.as_bytes())
            .map(ApiQuery)
            .map_err(|e| {
                ApiError(AppError::BadRequest(format!(
                    "Ongeldige queryparameter: {}",
                    e.message()
                )))
            })
    }
}
