use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use wegwijs_storage::WriterHealth;

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

/// How long the audit writer may take to answer the probe (it may be committing a large batch).
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

fn unavailable(detail: &str) -> Response {
    problem_response(
        Problem {
            type_: "https://wegwijs.example/problemen/niet-beschikbaar".into(),
            title: "Niet beschikbaar".into(),
            status: StatusCode::SERVICE_UNAVAILABLE.as_u16(),
            detail: detail.into(),
            instance: None,
            invalid_params: vec![],
        },
        None,
    )
}

/// Liveness and readiness: 200 only when the database answers and an audit row can be written (a
/// dossier is never shown without its audit row, so an instance that cannot audit is not ready).
/// Otherwise 503 with a problem+json body.
pub async fn health(State(state): State<AppState>) -> Response {
    let version = match state.db.schema_version().await {
        Ok(v) => v,
        Err(e) => {
            tracing::error!(error = %e, "health check failed: database");
            return unavailable("De database antwoordt niet.");
        }
    };
    if let Err(e) = state.audit.probe(PROBE_TIMEOUT).await {
        tracing::error!(error = %e, "health check failed: audit writer");
        return unavailable(
            "Het auditlog kan niet worden geschreven; dossiers worden niet getoond zolang dat zo is.",
        );
    }
    let h = Health {
        status: "ok",
        database: state.db.backend().name(),
        schema_version: version,
        version: env!("CARGO_PKG_VERSION"),
        audit_writer: state.audit.health().into(),
        write_batcher: state.writes.health().map(Writer::from),
    };
    (StatusCode::OK, Json(h)).into_response()
}
