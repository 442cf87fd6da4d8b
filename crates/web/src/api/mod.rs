//! The JSON API under `/api/v1`, following the NL API Design Rules (see docs/API.md).

pub mod dates;
pub mod envelope;
pub mod health;
pub mod households;
// koppeling (issue 7)
pub mod koppeling;
// The brede intake (issue 7, intake slice).
pub mod intake;
pub mod openapi;
// Chain partners (issue 8).
pub mod partners;
pub mod persons;
// The inburgering trajectory: PIP (issue 7).
pub mod pips;
pub mod problem;
// --- progress slice ---
pub mod progress;
// --- end progress slice ---
pub mod schemas;
// Werkvoorraad (issue 7).
pub mod werkvoorraad;
// End werkvoorraad.
// Taakstelling (issue 7).
pub mod taakstellingen;
pub mod values;

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
        // --- progress slice ---
        .route(
            "/personen/{id}/termijnen",
            get(progress::termijnen::get_termijnen),
        )
        .route(
            "/personen/{id}/termijnen/verlengingen",
            axum::routing::post(progress::termijnen::post_verlenging),
        )
        .route(
            "/personen/{id}/voortgangsgesprekken",
            get(progress::gesprekken::list_gesprekken).post(progress::gesprekken::create_gesprek),
        )
        .route(
            "/personen/{id}/voortgangsgesprekken/{gesprek_id}",
            axum::routing::put(progress::gesprekken::update_gesprek),
        )
        .route(
            "/personen/{id}/examens",
            get(progress::registraties::list_examens).post(progress::registraties::create_examen),
        )
        .route(
            "/personen/{id}/uren",
            get(progress::registraties::list_uren).post(progress::registraties::create_uren),
        )
        .route(
            "/personen/{id}/duo-besluiten",
            get(progress::registraties::list_besluiten)
                .post(progress::registraties::create_besluit),
        )
        .route(
            "/personen/{id}/afronding",
            get(progress::afronding::get_afronding).put(progress::afronding::put_afronding),
        )
        // --- end progress slice ---
        // Werkvoorraad (issue 7).
        .route("/werkvoorraad", get(werkvoorraad::get_werkvoorraad))
        // End werkvoorraad.
        // The inburgering trajectory: PIP (issue 7).
        .route(
            "/personen/{id}/pips",
            get(pips::handlers::list_pips).post(pips::writes::create_pip),
        )
        .route(
            "/personen/{id}/pips/{pip_id}",
            get(pips::handlers::get_pip).put(pips::writes::update_pip),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/vaststelling",
            axum::routing::post(pips::writes::decide_pip),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/intrekking",
            axum::routing::post(pips::writes::withdraw_pip),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/beschikking",
            get(pips::handlers::get_beschikking),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/verschillen",
            get(pips::handlers::get_verschillen),
        )
        .route(
            "/personen/{id}/pips/{pip_id}/rechtsmiddelen",
            axum::routing::post(pips::writes::create_rechtsmiddel),
        )
        // End of PIP (issue 7).
        // koppeling (issue 7)
        .route(
            "/personen/{id}/koppeling",
            get(koppeling::handlers::get_koppeling).put(koppeling::handlers::put_koppeling),
        )
        // end koppeling
        // The brede intake (issue 7, intake slice).
        .route(
            "/personen/{id}/brede-intake",
            get(intake::handlers::get_intake),
        )
        .route(
            "/personen/{id}/brede-intake/gesprekken",
            axum::routing::post(intake::handlers::post_gesprek),
        )
        .route(
            "/personen/{id}/brede-intake/secties/{sectie}",
            axum::routing::put(intake::handlers::put_sectie),
        )
        .route(
            "/personen/{id}/brede-intake/secties/{sectie}/versies",
            get(intake::handlers::get_versies),
        )
        .route(
            "/personen/{id}/brede-intake/afronding",
            axum::routing::post(intake::handlers::post_afronding),
        )
        // End of the brede intake.
        // Taakstelling (issue 7).
        .route("/taakstellingen", get(taakstellingen::list_taakstellingen))
        .route(
            "/taakstellingen/{halfjaar}",
            axum::routing::put(taakstellingen::put_taakstelling),
        )
        // End taakstelling.
        // Chain partners (issue 8).
        .route("/aanbod", get(partners::verwijzingen::list_aanbod))
        .route(
            "/verwijzingen",
            get(partners::verwijzingen::list_verwijzingen),
        )
        .route(
            "/verwijzingen/{id}",
            get(partners::verwijzingen::get_verwijzing),
        )
        .route(
            "/verwijzingen/{id}/overgangen",
            axum::routing::post(partners::verwijzingen::post_overgang),
        )
        .route(
            "/verwijzingen/{id}/medewerker",
            axum::routing::put(partners::verwijzingen::put_medewerker),
        )
        .route(
            "/verwijzingen/{id}/aanwezigheid",
            get(partners::verwijzingen::list_aanwezigheid)
                .post(partners::verwijzingen::post_aanwezigheid),
        )
        .route(
            "/personen/{id}/verwijzingen",
            axum::routing::post(partners::verwijzingen::create_verwijzing),
        )
        .route(
            "/personen/{id}/contactmomenten",
            get(partners::uitvoering::list_contactmomenten)
                .post(partners::uitvoering::create_contactmoment),
        )
        .route(
            "/personen/{id}/metingen",
            get(partners::uitvoering::list_metingen).post(partners::uitvoering::create_meting),
        )
        .route(
            "/personen/{id}/urenregistraties",
            get(partners::uitvoering::list_urenregistraties)
                .post(partners::uitvoering::create_urenregistratie),
        )
        .route(
            "/personen/{id}/plaatsingen",
            get(partners::uitvoering::list_plaatsingen)
                .post(partners::uitvoering::create_plaatsing),
        )
        .route(
            "/personen/{id}/handhaving",
            get(partners::uitvoering::list_handhaving)
                .post(partners::uitvoering::create_handhaving),
        )
        // End chain partners.
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
