//! `wegwijs serve`: migrations, optional demo data, then the HTTP server until Ctrl-C / SIGTERM.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, anyhow};
use wegwijs_domain::authz::Role;
use wegwijs_web::{AppState, WebConfig};

use crate::cli::ServeArgs;

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, args.db_connections).await?;
    if args.demo {
        if crate::demo::is_empty(&db).await? {
            let password = super::demo::demo_password();
            let hash = wegwijs_app::auth::password::hash(
                &wegwijs_app::AppConfig::default(),
                password.clone(),
            )
            .await?;
            let summary = crate::demo::load(
                &db,
                args.demo_persons,
                2021,
                &hash,
                wegwijs_domain::clock::Clock::now(&wegwijs_app::clock::SystemClock),
            )
            .await?;
            super::demo::print_summary(&summary, &password);
        } else {
            println!("De database bevat al gegevens: er is geen demodata toegevoegd.");
        }
    }
    let mut totp_required_for = Vec::new();
    for r in args.totp_required.iter().filter(|r| !r.trim().is_empty()) {
        totp_required_for.push(
            Role::parse(r.trim())
                .ok_or_else(|| anyhow!("onbekende rol in --totp-required: {r}"))?,
        );
    }
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        trust_proxy: args.trust_proxy,
        app: wegwijs_app::AppConfig {
            totp_required_for,
            ..wegwijs_app::AppConfig::default()
        },
    };
    let state = AppState::new(
        db.clone(),
        Arc::new(wegwijs_app::clock::SystemClock),
        config,
    );
    spawn_session_sweeper(state.app.clone());
    let app = wegwijs_web::router(state);
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("kan niet luisteren op {}", args.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, database = db.backend().name(), "Wegwijs luistert");
    println!(
        "Wegwijs draait op http://{addr}/ (database: {})",
        db.backend().name()
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    db.close().await;
    Ok(())
}

/// Removes expired sessions every ten minutes.
fn spawn_session_sweeper(app: wegwijs_app::App) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            tick.tick().await;
            if let Err(e) = wegwijs_app::accounts::sweep_expired_sessions(&app).await {
                tracing::warn!(error = %e, "opruimen van sessies mislukt");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
