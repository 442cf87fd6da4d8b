//! The PIP's refusals as problem+json: a decision that breaks a rule is 422 with `code: "duo_regel"`,
//! the first rule in `regel` and all of them in `weigeringen` (and per field in `invalidParams`); a
//! transition the status does not allow and a stale `versie` are 409.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use wegwijs_app::error::AppError;
use wegwijs_app::pip::PipError;

use crate::api::problem::{ApiError, InvalidParam, Problem, problem_response};

/// Eén regel waarop de vaststelling werd geweigerd.
#[derive(Debug, Serialize, ToSchema)]
pub struct Weigering {
    /// Id van de regel, bijvoorbeeld M-4 (zie docs/rules.md).
    pub regel: String,
    /// Wet- of specificatiebron van de regel.
    pub bron: String,
    /// Het veld waar de weigering bij hoort.
    pub veld: String,
    pub bericht: String,
}

/// Een geweigerde vaststelling (422): de regels die het PIP breekt. Er is niets opgeslagen.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RegelProbleem {
    #[serde(flatten)]
    pub problem: Problem,
    /// Altijd "duo_regel".
    pub code: String,
    /// De eerste geschonden regel.
    pub regel: String,
    pub weigeringen: Vec<Weigering>,
}

fn json(status: StatusCode, body: &impl Serialize) -> Response {
    let mut res = (status, axum::Json(body)).into_response();
    res.headers_mut().insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/problem+json"),
    );
    res
}

fn plain(status: StatusCode, slug: &str, title: &str, detail: String) -> Problem {
    Problem {
        type_: format!("https://wegwijs.example/problemen/{slug}"),
        title: title.into(),
        status: status.as_u16(),
        detail,
        instance: None,
        invalid_params: vec![],
    }
}

pub struct PipApiError(pub PipError);

impl From<PipError> for PipApiError {
    fn from(e: PipError) -> Self {
        PipApiError(e)
    }
}

impl From<AppError> for PipApiError {
    fn from(e: AppError) -> Self {
        PipApiError(PipError::App(e))
    }
}

impl IntoResponse for PipApiError {
    fn into_response(self) -> Response {
        match self.0 {
            PipError::Weigering(w) => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                let mut p = plain(status, "duo-regel", "PIP niet vastgesteld",
                    w.iter().map(|x| x.bericht.as_str()).collect::<Vec<_>>().join(" "));
                p.invalid_params = w
                    .iter()
                    .map(|x| InvalidParam { name: x.veld.into(), code: "duo_regel".into(), reason: x.bericht.clone() })
                    .collect();
                let body = RegelProbleem {
                    problem: p,
                    code: "duo_regel".into(),
                    regel: w.first().map(|x| x.regel.to_string()).unwrap_or_default(),
                    weigeringen: w
                        .into_iter()
                        .map(|x| Weigering { regel: x.regel.into(), bron: x.bron.into(), veld: x.veld.into(), bericht: x.bericht })
                        .collect(),
                };
                json(status, &body)
            }
            PipError::Overgang(o) => {
                problem_response(plain(StatusCode::CONFLICT, "pip-status", "Niet in deze status", o.message().into()), None)
            }
            // A stale `versie` in the body: 409 (the body, not If-Match, carried the version).
            PipError::App(AppError::Conflict { current, .. }) => problem_response(
                plain(StatusCode::CONFLICT, "verouderde-versie", "Verouderde versie",
                    "Iemand anders heeft dit PIP intussen gewijzigd. Haal het opnieuw op en pas uw wijziging daarop toe.".into()),
                Some((axum::http::header::ETAG, format!("\"{current}\""))),
            ),
            PipError::App(e) => ApiError(e).into_response(),
        }
    }
}
