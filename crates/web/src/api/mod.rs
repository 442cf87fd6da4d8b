//! The JSON API under `/api/v1`, following the NL API Design Rules (see docs/API.md).

pub mod envelope;
pub mod health;
pub mod households;
pub mod openapi;
pub mod persons;
pub mod problem;
pub mod schemas;
// Taakstelling (issue 7).
pub mod taakstellingen;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderValue;
use axum::routing::get;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;

/// The API's semantic version, sent as `API-Version` on every response.
pub const API_VERSION: &str = "1.0.0";

/// The API's routes, relative to `/api/v1` (the caller nests them there).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::openapi_json))
        .route(
            "/personen",
            get(persons::list::list_personen).post(persons::create::create_persoon),
        )
        .route(
            "/personen/{id}",
            get(persons::get::get_persoon).put(persons::update::update_persoon),
        )
        .route(
            "/personen/{id}/regisseur",
            axum::routing::put(persons::regisseur::assign_regisseur),
        )
        .route(
            "/personen/{id}/verwerkingen",
            get(persons::verwerkingen::list_verwerkingen),
        )
        .route(
            "/huishoudens",
            get(households::handlers::list_huishoudens)
                .post(households::handlers::create_huishouden),
        )
        .route(
            "/huishoudens/{id}",
            get(households::handlers::get_huishouden).put(households::handlers::update_huishouden),
        )
        // Taakstelling (issue 7).
        .route("/taakstellingen", get(taakstellingen::list_taakstellingen))
        .route(
            "/taakstellingen/{halfjaar}",
            axum::routing::put(taakstellingen::put_taakstelling),
        )
        // End taakstelling.
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(64 * 1024))
        .layer(SetResponseHeaderLayer::overriding(
            axum::http::HeaderName::from_static("api-version"),
            HeaderValue::from_static(API_VERSION),
        ))
}

async fn not_found() -> problem::ApiError {
    problem::ApiError(wegwijs_app::error::AppError::NotFound)
}
