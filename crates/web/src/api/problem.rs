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
use wegwijs_domain::validation::ValidationErrors;

/// Een foutmelding volgens RFC 9457 (problem details).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// URI die het soort fout aanduidt.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    #[schema(minimum = 400, maximum = 599)]
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
    /// Machineleesbare code: required, invalid, too_long, unknown_value, unknown_field, out_of_range,
    /// inconsistent, duplicate (400), in_use (409: al in gebruik bij een ander record), state en duo_regel
    /// (409 als elk geweigerd veld zo'n code heeft: de invoer is in orde, de stand van het dossier laat
    /// het nu niet toe).
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

pub(crate) fn problem(status: StatusCode, slug: &str, title: &str, detail: String) -> Problem {
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
            // Every field "in_use": the input is fine, but conflicts with another record (a member
            // already in another huishouden): 409, like a duplicate BSN.
            AppError::Invalid(errors) if !errors.is_empty() && errors.iter().all(|e| e.code == "in_use") => {
                let mut p = problem(StatusCode::CONFLICT, "in-gebruik", "In gebruik",
                    "Een of meer waarden zijn al in gebruik bij een ander record; zie invalidParams.".into());
                p.invalid_params = invalid_params(errors);
                (p, None)
            }
            // Every field refused for the dossier's state, not for the value sent (no termijn yet, an
            // intake not begun, another leerroute, DUO's rules against the termijn): the same request
            // can succeed later, so 409 like any other conflict with the resource's state.
            AppError::Invalid(errors) if !errors.is_empty() && errors.iter().all(|e| matches!(e.code, "state" | "duo_regel")) => {
                let mut p = problem(StatusCode::CONFLICT, "niet-in-deze-stand", "Niet mogelijk in deze stand",
                    "De invoer is in orde, maar past niet bij de stand van het dossier; zie invalidParams.".into());
                p.invalid_params = invalid_params(errors);
                (p, None)
            }
            AppError::Invalid(errors) => {
                let mut p = problem(StatusCode::BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer",
                    "Een of meer velden zijn niet in orde; zie invalidParams.".into());
                p.invalid_params = invalid_params(errors);
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

/// `Json<T>` whose rejections are problem+json instead of axum's plain text: a wrong content type is a
/// 415, malformed JSON a 400 with the position, and a field of the wrong type, a missing field or an
/// unknown field a 400 that names the field in `invalidParams` with a Dutch reason. Never serde's text:
/// it quotes what was sent, which can be a BSN or a password.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Response;
    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        if !is_json_content_type(req.headers()) {
            return Err(simple(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "verkeerd-mediatype",
                "Verkeerd mediatype",
                "Stuur de gegevens als JSON, met Content-Type: application/json.",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| {
                simple(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "te-groot",
                    "Verzoek te groot",
                    "Het verzoek is te groot (hoogstens 64 KiB) of kon niet worden gelezen.",
                )
            })?;
        let mut raw: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| json_rejection(".", &e))?;
        integral_floats_as_integers(&mut raw);
        let value: T = serde_path_to_error::deserialize(raw).map_err(|e| {
            let path = e.path().to_string();
            json_rejection(&path, e.inner())
        })?;
        Ok(ApiJson(value))
    }
}

/// JSON has one kind of number: `216.0` is the integer 216 (JSON Schema says so too), so a client that
/// writes integers with a fraction of zero is not refused for it. Other fractions stay and are refused
/// by the integer fields.
fn integral_floats_as_integers(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() < 9_007_199_254_740_992.0
            {
                // |f| < 2^53: every integer there is exactly representable, so the cast loses nothing.
                #[allow(clippy::cast_possible_truncation)]
                let i = f as i64;
                *v = serde_json::Value::from(i);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(integral_floats_as_integers),
        serde_json::Value::Object(map) => map.values_mut().for_each(integral_floats_as_integers),
        _ => {}
    }
}

fn invalid_params(errors: ValidationErrors) -> Vec<InvalidParam> {
    errors
        .0
        .into_iter()
        .map(|e| InvalidParam {
            name: e.field.into(),
            code: e.code.into(),
            reason: e.message,
        })
        .collect()
}

fn simple(status: StatusCode, slug: &str, title: &str, detail: &str) -> Response {
    problem_response(problem(status, slug, title, detail.into()), None)
}

/// A JSON body that did not deserialise: syntax errors by position; data errors per field.
fn json_rejection(path: &str, e: &serde_json::Error) -> Response {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => invalid_response(vec![field_problem(path, &e.to_string())]),
        _ => problem_response(
            problem(
                StatusCode::BAD_REQUEST,
                "ongeldig-verzoek",
                "Ongeldig verzoek",
                json_problem(path, e),
            ),
            None,
        ),
    }
}

fn invalid_response(params: Vec<InvalidParam>) -> Response {
    let mut p = problem(
        StatusCode::BAD_REQUEST,
        "ongeldige-invoer",
        "Ongeldige invoer",
        "Een of meer velden of parameters zijn niet in orde; zie invalidParams.".into(),
    );
    p.invalid_params = params;
    problem_response(p, None)
}

/// A name the client chose (an unknown field or parameter) as it may be repeated: only when it looks
/// like a property name, letters only. A key can carry a value (a BSN, a date, a name with a number):
/// those all need digits or other characters, and are not repeated.
fn client_name(name: &str) -> Option<&str> {
    let ok = !name.is_empty()
        && name.len() <= 40
        && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    ok.then_some(name)
}

/// The first `` `name` `` in a serde message (our own field names, or the client's unknown key).
fn backticked(msg: &str) -> Option<&str> {
    msg.split_once('`')
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(name, _)| name)
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() || parent == "." {
        name.to_owned()
    } else {
        format!("{parent}.{name}")
    }
}

/// Turns serde's English message (which may quote the value) into a field error in Dutch: the
/// message is only classified, never repeated. `path` is where the error is (`.` for the top).
pub(crate) fn field_problem(path: &str, msg: &str) -> InvalidParam {
    let at = |name: String, code: &str, reason: &str| InvalidParam {
        name,
        code: code.into(),
        reason: reason.into(),
    };
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let name = backticked(rest).unwrap_or("");
        return at(join_path(path, name), "required", "Dit veld is verplicht.");
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        // serde_path_to_error's path already ends in the unknown key: take it off, and put it back
        // only when it is safe to repeat.
        let key = backticked(rest).unwrap_or("");
        let parent = path
            .strip_suffix(key)
            .map(|p| p.trim_end_matches('.'))
            .unwrap_or(path);
        let shown = client_name(key).unwrap_or("(onbekend)");
        return at(
            join_path(parent, shown),
            "unknown_field",
            "Onbekend veld of onbekende parameter: die worden geweigerd, zodat een tikfout geen gegevens laat verdwijnen.",
        );
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        let name = backticked(rest).unwrap_or("");
        return at(
            join_path(path, name),
            "duplicate",
            "Geef dit veld of deze parameter één keer.",
        );
    }
    let name = if path.is_empty() || path == "." {
        "(document)".to_owned()
    } else {
        path.to_owned()
    };
    if msg.starts_with(crate::api::dates::NOT_ISO) {
        return at(name, "invalid", crate::api::dates::NOT_ISO_REASON);
    }
    if let Some(max) = msg.strip_prefix(crate::api::values::TOO_LONG) {
        return InvalidParam {
            name,
            code: "too_long".into(),
            reason: format!("Gebruik hoogstens {max} tekens, spaties meegeteld."),
        };
    }
    let expected = msg.rsplit_once("expected ").map(|(_, e)| e).unwrap_or("");
    let reason = if msg.contains("UUID") || expected.contains("UUID") {
        "Gebruik een id (UUID), zoals 0190f5c2-7a3b-7c4d-9e8f-0123456789ab."
    } else if msg.starts_with("invalid digit")
        || msg.contains("number too large")
        || msg.contains("number too small")
        || msg.contains("cannot parse integer")
        || msg.contains("invalid number")
        || ["u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64"]
            .iter()
            .any(|t| expected.starts_with(t))
        || expected.starts_with("an integer")
    {
        "Gebruik een geheel getal binnen het bereik dat het OpenAPI-document noemt."
    } else if expected.starts_with("a boolean") || msg.contains("provided string was not `true`") {
        "Gebruik true of false."
    } else if expected.starts_with("a string") {
        "Gebruik tekst (een JSON-string)."
    } else if expected.starts_with("a sequence") {
        "Gebruik een lijst (JSON-array)."
    } else if expected.starts_with("struct") || expected.starts_with("a map") {
        "Gebruik een object (JSON-object)."
    } else if msg.starts_with("unknown variant") {
        return at(
            name,
            "unknown_value",
            "Onbekende waarde; het OpenAPI-document noemt de toegestane waarden.",
        );
    } else {
        "Deze waarde past niet bij het type dat het OpenAPI-document voor dit veld noemt."
    };
    at(name, "invalid", reason)
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

/// `Query<T>` whose rejection is problem+json naming the parameter in `invalidParams`, never its
/// value: a parameter of the wrong type, one given twice, and one the operation does not know (the
/// query structs deny unknown fields, so a typo such as `paginagrootte` is refused, not ignored).
/// Text parameters are checked by the handler.
pub struct ApiQuery<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Response;
    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Response> {
        let raw = parts.uri.query().unwrap_or("");
        crate::input::from_query_detailed(raw.as_bytes())
            .map(ApiQuery)
            .map_err(|e| match e {
                crate::input::QueryError::Input(e) => problem_response(
                    problem(
                        StatusCode::BAD_REQUEST,
                        "ongeldig-verzoek",
                        "Ongeldig verzoek",
                        format!("Ongeldige queryparameter: {}", e.message()),
                    ),
                    None,
                ),
                crate::input::QueryError::Field { path, message } => {
                    invalid_response(vec![field_problem(&path, &message)])
                }
            })
    }
}

/// The query of an operation that takes no parameters: every parameter is unknown, and refused.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeenParams {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[expect(dead_code, reason = "only deserialised")]
    struct Body {
        pagina: Option<u32>,
        tolk_nodig: Option<bool>,
        id: Option<uuid::Uuid>,
        naam: Option<String>,
        leden: Option<Vec<Lid>>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    #[expect(dead_code, reason = "only deserialised")]
    struct Lid {
        persoon_id: uuid::Uuid,
    }

    fn classify(json: &str) -> InvalidParam {
        let mut de = serde_json::Deserializer::from_str(json);
        let e = serde_path_to_error::deserialize::<_, Body>(&mut de).expect_err(json);
        field_problem(&e.path().to_string(), &e.inner().to_string())
    }

    #[test]
    fn serde_errors_become_dutch_field_errors_without_the_value() {
        for (json, name, code, words) in [
            (
                r#"{"pagina": "990000011"}"#,
                "pagina",
                "invalid",
                "geheel getal",
            ),
            (
                r#"{"pagina": -990000011}"#,
                "pagina",
                "invalid",
                "geheel getal",
            ),
            (
                r#"{"tolkNodig": "990000011"}"#,
                "tolkNodig",
                "invalid",
                "true of false",
            ),
            (r#"{"id": "990000011"}"#, "id", "invalid", "UUID"),
            (r#"{"naam": 990000011}"#, "naam", "invalid", "tekst"),
            (
                r#"{"leden": {"a": 990000011}}"#,
                "leden",
                "invalid",
                "lijst",
            ),
            (
                r#"{"leden": [{"persoonId": "990000011"}]}"#,
                "leden[0].persoonId",
                "invalid",
                "UUID",
            ),
            (
                r#"{"leden": [{}]}"#,
                "leden[0].persoonId",
                "required",
                "verplicht",
            ),
            (
                r#"{"onbekend": 990000011}"#,
                "onbekend",
                "unknown_field",
                "Onbekend",
            ),
            (
                r#"{"x990000011": 1}"#,
                "(onbekend)",
                "unknown_field",
                "Onbekend",
            ),
        ] {
            let p = classify(json);
            assert_eq!((p.name.as_str(), p.code.as_str()), (name, code), "{json}");
            assert!(p.reason.contains(words), "{json}: {}", p.reason);
            assert!(
                !p.reason.contains("990000011") && !p.name.contains("990000011"),
                "{json}: {p:?}"
            );
        }
    }
}
