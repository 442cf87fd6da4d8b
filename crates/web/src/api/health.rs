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
    match wegwijs_app::status::check(&state.app).await {
        Ok(h) => {
            let h = Health {
                status: "ok",
                database: h.database,
                schema_version: h.schema_version,
                version: env!("CARGO_PKG_VERSION"),
            };
            (
                StatusCode::OK,
                Json(serde_json::to_value(h).unwrap_or_default()),
            )
        }
        Err(h) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(serde_json::json!({"status": "unavailable", "database": h.database})),
        ),
    }
}
