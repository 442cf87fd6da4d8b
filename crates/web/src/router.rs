//! All routes in one place, and the middleware stack around them.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Request, StatusCode, Uri, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower::ServiceExt;
use tower_http::LatencyUnit;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::api;
use crate::middleware::api_alias;
use crate::middleware::origin_check::refuse_cross_site;
use crate::middleware::request_id::{self, RequestIds};
use crate::middleware::security_headers::security_headers;
use crate::pages::error_page::PageError;
use crate::pages::progress; // progress slice
use crate::pages::{
    account, admin, audit_log, caseload, home, household, intake, koppeling, login, person, pip,
    werkvoorraad, workload,
};
// Taakstelling and intake queue (issue 7).
use crate::pages::{intake_queue, taakstelling};
// Chain partners (issue 8).
use crate::pages::partners;
use crate::state::AppState;
use crate::static_files;
use wegwijs_app::error::AppError;

fn pages() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/inloggen", get(login::form).post(login::submit))
        .route(
            "/inloggen/verificatie",
            get(login::totp_form).post(login::totp_submit),
        )
        .route("/uitloggen", post(login::sign_out))
        .route("/caseload", get(caseload::show))
        .route("/caseload/verplaatsen", post(workload::move_persons))
        // Werkvoorraad (issue 7): the action list, the counts beneath it, the timeline.
        .route("/werkvoorraad", get(werkvoorraad::show))
        .route("/werkvoorraad/aantallen", get(workload::show))
        .route("/personen/{id}/tijdlijn", get(person::tijdlijn::show))
        // Chain partners (issue 8).
        .route("/verwijzingen", get(partners::werklijst::show))
        .route("/verwijzingen/{id}", get(partners::verwijzing::show))
        .route(
            "/verwijzingen/{id}/overgang",
            post(partners::verwijzing::overgang),
        )
        .route(
            "/verwijzingen/{id}/medewerker",
            post(partners::verwijzing::medewerker),
        )
        .route(
            "/verwijzingen/{id}/aanwezigheid",
            post(partners::verwijzing::aanwezigheid),
        )
        .route(
            "/personen/{id}/verwijzingen",
            get(partners::verwijzen::show).post(partners::verwijzen::create),
        )
        .route(
            "/personen/{id}/contactmomenten",
            get(partners::contact::show).post(partners::contact::create),
        )
        // End chain partners.
        // End werkvoorraad.
        .route("/personen", post(person::new::create))
        .route("/personen/nieuw", get(person::new::form))
        .route(
            "/personen/{id}",
            get(person::show::show).post(person::edit::save),
        )
        .route("/personen/{id}/bewerken", get(person::edit::form))
        .route("/personen/{id}/verwerkingen", get(person::audit::show))
        .route("/personen/{id}/inzage", post(person::inzage::export))
        .route("/personen/{id}/regisseur", post(person::reassign::save))
        .route("/personen/{id}/overnemen", post(person::take_on::save))
        .route(
            "/personen/{id}/huishouden",
            get(household::form).post(household::save),
        )
        // --- progress slice ---
        .route("/personen/{id}/voortgang", get(progress::show::show))
        .route(
            "/personen/{id}/voortgang/verlengingen",
            post(progress::post::verlenging),
        )
        .route(
            "/personen/{id}/voortgang/gesprekken",
            post(progress::post::gesprek),
        )
        .route(
            "/personen/{id}/voortgang/examens",
            post(progress::post::examen),
        )
        .route("/personen/{id}/voortgang/uren", post(progress::post::uren))
        .route(
            "/personen/{id}/voortgang/duo-besluiten",
            post(progress::post::besluit),
        )
        .route(
            "/personen/{id}/voortgang/afronding",
            post(progress::post::afronding),
        )
        .route(
            "/personen/{id}/voortgang/voldaan",
            post(progress::post::voldaan),
        )
        // --- end progress slice ---
        // The inburgering trajectory: PIP (issue 7).
        .route("/personen/{id}/pips", get(pip::list::show))
        .route(
            "/personen/{id}/pips/nieuw",
            get(pip::list::form).post(pip::list::create),
        )
        .route("/personen/{id}/pips/{pip_id}", get(pip::show::show))
        .route(
            "/personen/{id}/pips/{pip_id}/bewerken",
            get(pip::edit::form).post(pip::edit::save),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/vaststellen",
            get(pip::decide::decide_form).post(pip::decide::decide),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/intrekken",
            get(pip::decide::withdraw_form).post(pip::decide::withdraw),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/verschillen",
            get(pip::diff::show),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/rechtsmiddelen",
            get(pip::rechtsmiddelen::show).post(pip::rechtsmiddelen::save),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/beschikking.pdf",
            get(pip::show::beschikking),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/samenvatting.pdf",
            get(pip::show::samenvatting),
        )
        // End of PIP (issue 7).
        // koppeling slice (issue 7).
        .route(
            "/personen/{id}/koppeling",
            get(koppeling::show::show).post(koppeling::edit::save),
        )
        .route(
            "/personen/{id}/koppeling/bewerken",
            get(koppeling::edit::form),
        )
        // --- intake slice (issue 7) ---
        .route("/personen/{id}/intake", get(intake::overview::show))
        .route(
            "/personen/{id}/intake/afronden",
            post(intake::acties::afronden),
        )
        .route(
            "/personen/{id}/intake/derde-informatie",
            post(intake::acties::derde_info),
        )
        .route(
            "/personen/{id}/intake/gesprekken/nieuw",
            get(intake::gesprek::form),
        )
        .route(
            "/personen/{id}/intake/gesprekken",
            post(intake::gesprek::save),
        )
        .route(
            "/personen/{id}/intake/secties/{sectie}",
            get(intake::sectie::show).post(intake::sectie::save),
        )
        // --- end intake slice ---
        .route("/verwerkingen", get(audit_log::show))
        .route("/verwerkingen/export.csv", get(audit_log::export))
        .route("/account", get(account::show))
        .route("/account/wachtwoord", post(account::change_password))
        .route("/account/totp", post(account::enable_totp))
        .route("/account/totp/uit", post(account::disable_totp))
        .route(
            "/beheer/gebruikers",
            get(admin::users::list).post(admin::users::create),
        )
        .route("/beheer/gebruikers/{id}", post(admin::users::update))
        .route(
            "/beheer/gebruikers/{id}/wachtwoord",
            get(admin::users::confirm_reset_password).post(admin::users::reset_password),
        )
        .route(
            "/beheer/gebruikers/{id}/totp",
            get(admin::users::confirm_reset_totp).post(admin::users::reset_totp),
        )
        .route(
            "/beheer/api-sleutels",
            get(admin::api_keys::list).post(admin::api_keys::create),
        )
        .route(
            "/beheer/api-sleutels/{id}/intrekken",
            post(admin::api_keys::revoke),
        )
        .route(
            "/beheer/organisaties",
            get(admin::organisations::list).post(admin::organisations::create),
        )
        .route(
            "/beheer/organisaties/{id}",
            post(admin::organisations::update),
        )
        .route(
            "/beheer/instellingen",
            get(admin::settings::show).post(admin::settings::save),
        )
        // Taakstelling and intake queue (issue 7).
        .route(
            "/beheer/taakstelling",
            get(admin::taakstelling::show).post(admin::taakstelling::save),
        )
        .route("/rapportage/taakstelling", get(taakstelling::show))
        .route("/intake-wachtrij", get(intake_queue::show))
        // End taakstelling and intake queue.
        .route("/static/{file}", get(static_files::serve))
        .route("/health", get(api::health::health))
        .fallback(page_not_found)
        .layer(from_fn(refuse_cross_site))
        .layer(DefaultBodyLimit::max(256 * 1024))
}

/// No page here. A page address typed or pasted with a trailing slash (`/caseload/`) is sent on
/// (308, method kept) to the address without it; anything else is the Dutch 404 page.
async fn page_not_found(method: Method, uri: Uri) -> Response {
    if (method == Method::GET || method == Method::HEAD)
        && let Some(to) = without_trailing_slash(&uri)
    {
        return (StatusCode::PERMANENT_REDIRECT, [(header::LOCATION, to)]).into_response();
    }
    PageError(AppError::NotFound).into_response()
}

/// `/caseload/?x=1` → `/caseload?x=1`. Never a target that leaves the site: a path that would start
/// with `//` or `/\` (a protocol-relative URL to another host) is not redirected, nor is `/` itself.
fn without_trailing_slash(uri: &Uri) -> Option<String> {
    let path = uri.path();
    let trimmed = path.trim_end_matches('/');
    // The API answers its own unknown addresses (problem+json); only pages are forgiving.
    if trimmed.len() == path.len() || trimmed.is_empty() || path.starts_with("/api/") {
        return None;
    }
    let mut rest = trimmed.chars().skip(1);
    if !trimmed.starts_with('/') || matches!(rest.next(), Some('/' | '\\')) {
        return None;
    }
    Some(match uri.query() {
        Some(q) => format!("{trimmed}?{q}"),
        None => trimmed.to_string(),
    })
}

/// How long a request may take before it is answered with 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The whole application: pages, API and the middleware every request passes.
pub fn router(state: AppState) -> Router {
    let routes = pages()
        .layer(from_fn_with_state(
            state.clone(),
            crate::pages::error_frame::frame_errors,
        ))
        .nest("/api/v1", api::router())
        .with_state(state.clone());
    // The address is rewritten before routing, so the rewrite wraps the routed app (a layer on the
    // Router itself would run after the route was chosen).
    let aliased = routes.map_request(api_alias::bearer_to_api);
    with_layers(
        Router::new().fallback_service(aliased),
        state,
        REQUEST_TIMEOUT,
    )
}

/// The middleware stack around `routes` (public so tests can wrap extra routes, e.g. one that panics,
/// in exactly the production stack). Outer to inner: request id, trace span, security headers, timeout,
/// panic catcher. The security headers sit outside the timeout and the panic catcher so that their
/// answers (503, 500) carry CSP, HSTS and `no-store` like every other response.
pub fn with_layers(routes: Router<AppState>, state: AppState, timeout: Duration) -> Router {
    routes
        .layer(CatchPanicLayer::custom(|_| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Er ging iets mis aan onze kant.",
            )
                .into_response()
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(from_fn_with_state(state.clone(), security_headers))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request<_>| {
                    let ids = req.extensions().get::<RequestIds>();
                    let id = ids.map(|i| i.ours.as_str()).unwrap_or("");
                    // The client's own X-Request-Id, only when short and plain (see request_id.rs).
                    let client = ids.and_then(|i| i.client.as_deref()).unwrap_or("");
                    // The path holds ids, never names or BSNs (search terms travel in the query string,
                    // which is not logged).
                    tracing::info_span!("request", method = %req.method(), path = %req.uri().path(),
                        request_id = %id, client_request_id = %client)
                })
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(tracing::Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                ),
        )
        .layer(from_fn(request_id::assign))
        .with_state(state)
}

#[cfg(test)]
mod tests {
    use super::without_trailing_slash;

    #[test]
    fn a_trailing_slash_is_dropped_but_never_towards_another_host() {
        let to = |s: &str| without_trailing_slash(&s.parse().expect("uri"));
        assert_eq!(to("/caseload/").as_deref(), Some("/caseload"));
        assert_eq!(
            to("/caseload//?pagina=2").as_deref(),
            Some("/caseload?pagina=2")
        );
        assert_eq!(to("/caseload"), None);
        assert_eq!(to("/"), None);
        assert_eq!(to("//evil.example/"), None);
        assert_eq!(to("/api/v1/personen/"), None);
        assert_eq!(to("/%5Cevil.example/").as_deref(), Some("/%5Cevil.example"));
    }
}
