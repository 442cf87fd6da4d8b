//! The real server in this process: the same router, state and `axum::serve` call as `wegwijs serve`,
//! on a TCP port of its own, so every request passes TCP, hyper, the middleware, auth, templates and
//! the audit writer.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::response::Html;
use axum::routing::get;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wegwijs_app::clock::SystemClock;
use wegwijs_storage::Db;
use wegwijs_web::{AppState, WebConfig};

/// The fixed page of limit (b).
pub const FLOOR_PATH: &str = "/bench/vaste-pagina";

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub state: AppState,
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// `floor_page`: the body of the fixed page at [`FLOOR_PATH`], shared by every request (only this
    /// benchmark server has that route).
    pub async fn start(
        db: Db,
        listen: &str,
        floor_page: Arc<std::sync::RwLock<axum::body::Bytes>>,
    ) -> anyhow::Result<Server> {
        let state = AppState::new(db, Arc::new(SystemClock), WebConfig::default());
        let floor = Router::new().route(
            FLOOR_PATH,
            get(move || {
                let page = floor_page.read().map(|b| b.clone()).unwrap_or_default();
                async move { Html(page) }
            }),
        );
        // The fixed page gets exactly the production middleware stack (`with_layers`).
        let app = wegwijs_web::router(state.clone()).merge(wegwijs_web::router::with_layers(
            floor,
            state.clone(),
            wegwijs_web::router::REQUEST_TIMEOUT,
        ));
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("kan niet luisteren op {listen}"))?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
        });
        eprintln!("Server draait op http://{addr}/");
        Ok(Server {
            base: format!("http://{addr}"),
            state,
            stop,
            task,
        })
    }

    /// Stops accepting and waits briefly for open connections; the clients should be gone by now.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        let abort = self.task.abort_handle();
        match tokio::time::timeout(Duration::from_secs(5), self.task).await {
            Ok(Ok(Ok(()))) => {}
            Ok(Ok(Err(e))) => eprintln!("Server stopte met een fout: {e}"),
            Ok(Err(e)) => eprintln!("Servertaak afgebroken: {e}"),
            Err(_) => abort.abort(),
        }
    }
}
