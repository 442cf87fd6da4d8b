use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use wegwijs_app::model::WriterHealth;

use crate::api::problem::{Problem, problem_response};
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    status: &'static str,
    database: &'static str,
    schema_version: i64,
    version: &'static str,
    audit_writer: Writer,
    /// Absent on PostgreSQL, which has no write batcher.
    #[serde(skip_serializing_if = "Option::is_none")]
    write_batcher: Option<Writer>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Writer {
    running: bool,
    /// Times the task died and was restarted since this instance started.
    restarts: u64,
}

impl From<WriterHealth> for Writer {
    fn from(h: WriterHealth) -> Self {
        Writer {
            running: h.running,
            restarts: h.restarts,
        }
    }
}

/// Liveness and readiness: 200 only when the database answers and an audit row can be written.
/// Otherwise 503 with a problem+json body.
pub async fn health(State(state): State<AppState>) -> Response {
    match wegwijs_app::status::check(&state.app).await {
        Ok(h) => {
            let body = Health {
                status: "ok",
                database: h.database,
                schema_version: h.schema_version,
                version: env!("CARGO_PKG_VERSION"),
                audit_writer: h.audit_writer.into(),
                write_batcher: h.write_batcher.map(Writer::from),
            };
            (StatusCode::OK, Json(body)).into_response()
        }
        Err(h) => problem_response(
            Problem {
                type_: "https://wegwijs.example/problemen/niet-beschikbaar".into(),
                title: "Niet beschikbaar".into(),
                status: StatusCode::SERVICE_UNAVAILABLE.as_u16(),
                detail: h.problem.unwrap_or("Niet beschikbaar.").into(),
                instance: None,
                invalid_params: vec![],
            },
            None,
        ),
    }
}
