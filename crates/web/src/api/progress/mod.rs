//! `/api/v1/personen/{id}/termijnen`, `.../voortgangsgesprekken`, `.../examens`, `.../uren`,
//! `.../duo-besluiten` and `.../afronding` (issue 7, progress slice).
//!
//! Codes and dates travel as strings and are parsed by the domain, so an unknown code or a date out of
//! order is a 400 with a Dutch reason per field in `invalidParams`. A stale `versie` in a body is 409.

pub mod afronding;
pub mod dto;
pub mod gesprekken;
pub mod registraties;
pub mod termijnen;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use wegwijs_app::error::AppError;

use crate::api::problem::{ApiError, Problem, problem_response};

/// An error answer; a stale `versie` sent in the body is 409 Conflict (the design's convention for
/// body versions; the person and household resources use `If-Match` and 412).
pub fn error(e: AppError) -> Response {
    match e {
        AppError::Conflict { .. } => problem_response(
            Problem {
                type_: "https://wegwijs.example/problemen/verouderde-versie".into(),
                title: "Verouderde versie".into(),
                status: StatusCode::CONFLICT.as_u16(),
                detail: "Iemand anders heeft deze gegevens intussen gewijzigd. Haal ze opnieuw op en pas uw wijziging daarop toe; er is niets opgeslagen.".into(),
                instance: None,
                invalid_params: vec![],
            },
            None,
        ),
        other => ApiError(other).into_response(),
    }
}

/// `Location` on a 201.
pub fn created(body: Response, location: &str) -> Response {
    let mut res = (StatusCode::CREATED, body).into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(location) {
        res.headers_mut().insert(axum::http::header::LOCATION, v);
    }
    res
}
