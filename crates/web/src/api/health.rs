use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;

use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    status: &'static str,
    database: &'static str,
    schema_version: i64,
    version: &'static str,
}

/// Liveness and readiness: answers 200 only when the database answers.
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<serde_json::Value>) {
    match state.db.schema_version().await {
        Ok(v) => {
            let h = Health {
                status: "ok",
                database: state.db.backend().name(),
                schema_version: v,
                version: env!("CARGO_PKG_VERSION"),
            };
            (
                StatusCode::OK,
                Json(serde_json::to_value(h).unwrap_or_default()),
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(
                    serde_json::json!({"status": "unavailable", "database": state.db.backend().name()}),
                ),
            )
        }
    }
}
