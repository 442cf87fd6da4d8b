//! The health of this instance, for `/health` and monitoring.

use crate::App;

pub struct Health {
    pub database: &'static str,
    pub schema_version: i64,
}

/// Whether the database answers, and with which schema version.
pub async fn check(app: &App) -> Result<Health, Health> {
    let database = app.db.backend().name();
    match app.db.schema_version().await {
        Ok(v) => Ok(Health {
            database,
            schema_version: v,
        }),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unavailable");
            Err(Health {
                database,
                schema_version: 0,
            })
        }
    }
}
