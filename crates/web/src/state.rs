use std::sync::Arc;

use wegwijs_app::App;
use wegwijs_app::model::Db;
use wegwijs_domain::clock::Clock;

use crate::config::WebConfig;

/// Shared by every request: the use cases (`app`) and the web settings. Holds no per-user state:
/// sessions live in the database, so several instances can serve the same users behind a load balancer.
#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub config: Arc<WebConfig>,
}

impl AppState {
    /// Must be called inside a tokio runtime (starts the audit writer).
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: WebConfig) -> AppState {
        let app = App::new(db, clock, config.app.clone());
        AppState {
            app,
            config: Arc::new(config),
        }
    }
}
