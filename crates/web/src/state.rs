use std::sync::Arc;

use wegwijs_domain::clock::Clock;
use wegwijs_domain::login_throttle::ThrottlePolicy;
use wegwijs_storage::Db;
use wegwijs_storage::audit_batcher::AuditBatcher;
use wegwijs_storage::write_batcher::WriteBatcher;

use crate::config::WebConfig;

/// Shared by every request. Holds no per-user state: sessions live in the database, so several
/// instances can serve the same users behind a load balancer.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub audit: AuditBatcher,
    /// Group commit for small, frequent writes (person registration).
    pub writes: WriteBatcher,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<WebConfig>,
    pub throttle: Arc<ThrottlePolicy>,
}

impl AppState {
    /// Must be called inside a tokio runtime (starts the audit writer).
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: WebConfig) -> AppState {
        let audit = AuditBatcher::start(db.clone());
        let writes = WriteBatcher::start(db.clone());
        AppState {
            db,
            audit,
            writes,
            clock,
            config: Arc::new(config),
            throttle: Arc::new(ThrottlePolicy::default()),
        }
    }
}
