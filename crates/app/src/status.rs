//! The health of this instance, for `/health` and monitoring.

use std::time::Duration;

use wegwijs_storage::WriterHealth;

use crate::App;

/// How long the audit writer may take to answer the probe (it may be committing a large batch).
const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

pub struct Health {
    pub database: &'static str,
    pub schema_version: i64,
    pub audit_writer: WriterHealth,
    /// `None` on PostgreSQL, which has no write batcher.
    pub write_batcher: Option<WriterHealth>,
    /// Why the instance is not ready (in Dutch, for the problem body), when it is not.
    pub problem: Option<&'static str>,
}

/// Whether the database answers (and with which schema version) and whether an audit row can be
/// written: a dossier is never shown without its audit row, so an instance that cannot audit is not
/// ready. The audit writer is asked to insert a row and roll it back (nothing is kept).
pub async fn check(app: &App) -> Result<Health, Health> {
    let database = app.db.backend().name();
    let mut health = Health {
        database,
        schema_version: 0,
        audit_writer: app.audit.health(),
        write_batcher: app.writes.health(),
        problem: None,
    };
    match app.db.schema_version().await {
        Ok(v) => health.schema_version = v,
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unavailable");
            health.problem = Some("De database antwoordt niet.");
            return Err(health);
        }
    }
    if let Err(e) = app.audit.probe(PROBE_TIMEOUT).await {
        tracing::error!(error = %e, "health check: audit writer cannot write");
        health.audit_writer = app.audit.health();
        health.problem = Some(
            "Het auditlog kan niet worden geschreven; dossiers worden niet getoond zolang dat zo is.",
        );
        return Err(health);
    }
    health.audit_writer = app.audit.health();
    Ok(health)
}
