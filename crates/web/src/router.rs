//! All routes in one place, and the middleware stack around them.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Request, StatusCode};
use axum::middleware::from_fn;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::api;
use crate::middleware::origin_check::refuse_cross_site;
use crate::middleware::request_id::{HEADER, MakeRequestUuidV7};
use crate::middleware::security_headers::security_headers;
use crate::pages::error_page::PageError;
use crate::pages::{account, admin, audit_log, caseload, home, household, login, person};
use crate::state::AppState;
use crate::static_files;
use wegwijs_app::error::AppError;

fn pages(extra: Router<AppState>) -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/inloggen", get(login::form).post(login::submit))
        .route(
            "/inloggen/verificatie",
            get(login::totp_form).post(login::totp_submit),
        )
        .route("/uitloggen", post(login::sign_out))
        .route("/caseload", get(caseload::show))
        .route("/personen", post(person::new::create))
        .route("/personen/nieuw", get(person::new::form))
        .route(
            "/personen/{id}",
            get(person::show::show).post(person::edit::save),
        )
        .route("/personen/{id}/bewerken", get(person::edit::form))
        .route("/personen/{id}/verwerkingen", get(person::audit::show))
        .route("/personen/{id}/regisseur", post(person::reassign::save))
        .route(
            "/personen/{id}/huishouden",
            get(household::form).post(household::save),
        )
        .route("/verwerkingen", get(audit_log::show))
        .route("/account", get(account::show))
        .route("/account/wachtwoord", post(account::change_password))
        .route("/account/totp", post(account::enable_totp))
        .route(
            "/beheer/gebruikers",
            get(admin::users::list).post(admin::users::create),
        )
        .route("/beheer/gebruikers/{id}", post(admin::users::update))
        .route(
            "/beheer/organisaties",
            get(admin::organisations::list).post(admin::organisations::create),
        )
        .route("/static/{file}", get(static_files::serve))
        .route("/health", get(api::health::health))
        .merge(extra)
        .fallback(page_not_found)
        .layer(from_fn(refuse_cross_site))
        .layer(DefaultBodyLimit::max(256 * 1024))
}

async fn page_not_found() -> Response {
    PageError(AppError::NotFound).into_response()
}

/// The whole application: pages, API and the middleware every request passes.
pub fn router(state: AppState) -> Router {
    router_with(state, Router::new())
}

/// [`router`] with `extra` routes beside the pages, behind the same middleware (the benchmark's fixed
/// page for its HTTP floor).
pub fn router_with(state: AppState, extra: Router<AppState>) -> Router {
    pages(extra)
        .nest("/api/v1", api::router())
        .layer(from_fn(security_headers))
        .layer(CatchPanicLayer::custom(|_| {
            (StatusCode::INTERNAL_SERVER_ERROR, "Er ging iets mis aan onze kant.").into_response()
        }))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(PropagateRequestIdLayer::new(axum::http::HeaderName::from_static(HEADER)))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let id = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).unwrap_or("");
                    // The path holds ids, never names or BSNs (search terms travel in the query string,
                    // which is not logged).
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(), request_id = %id)
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO).latency_unit(LatencyUnit::Micros)),
        )
        .layer(SetRequestIdLayer::new(axum::http::HeaderName::from_static(HEADER), MakeRequestUuidV7))
        .with_state(state)
}
