//! `wegwijs serve`: migrations, optional demo data, then the HTTP server until Ctrl-C / SIGTERM.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;

use anyhow::{Context, anyhow};
use sqlx::postgres::PgConnectOptions;
use wegwijs_domain::authz::Role;
use wegwijs_storage::roles::{self, CreateRole};
use wegwijs_storage::{Db, DbOptions};
use wegwijs_web::{AppState, WebConfig};

use crate::cli::ServeArgs;

pub async fn run(args: ServeArgs) -> anyhow::Result<()> {
    let db = open_database(
        &args.db.database_url,
        args.migrate_database_url.as_deref(),
        args.db_connections,
    )
    .await?;
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
    let search_term_key = match args.audit_search_key.as_deref() {
        Some(secret) => Some(
            wegwijs_app::search_term::SearchTermKey::new(secret).ok_or_else(|| {
                anyhow!("WEGWIJS_AUDIT_SEARCH_KEY moet minstens 32 tekens lang zijn")
            })?,
        ),
        None => {
            tracing::warn!(
                "geen WEGWIJS_AUDIT_SEARCH_KEY: zoektermen in het verwerkingenlog krijgen een gewone SHA-256"
            );
            None
        }
    };
    let config = WebConfig {
        secure_cookies: args.secure_cookies,
        trust_proxy: args.trust_proxy,
        app: wegwijs_app::AppConfig {
            totp_required_for,
            search_term_key,
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

/// The server's database. With `migrate_url` (PostgreSQL with two roles), the owner migrates and grants
/// the application role (the user in `url`) its rights, and the server connects as that role without
/// migrating; otherwise `url` migrates as before.
pub async fn open_database(
    url: &str,
    migrate_url: Option<&str>,
    connections: u32,
) -> anyhow::Result<Db> {
    let Some(owner_url) = migrate_url.filter(|u| !u.is_empty()) else {
        let db = super::open(url, connections).await?;
        if roles::owns_audit_log(&db).await? {
            tracing::warn!(
                "de server draait als eigenaar van audit_log: gebruik een aparte applicatierol \
                 (--migrate-database-url, zie README) zodat hij de verwerkingenlog niet kan wijzigen"
            );
        }
        return Ok(db);
    };
    let owner = super::open(owner_url, 2).await?;
    if let Db::Pg(_) = owner {
        let role = PgConnectOptions::from_str(url)
            .context("--database-url is geen PostgreSQL-URL")?
            .get_username()
            .to_string();
        super::migrate::grant(&owner, &role, CreateRole::MustExist, None).await?;
    }
    owner.close().await;
    let db = Db::connect(
        url,
        &DbOptions {
            max_connections: connections,
            pg_schema: None,
        },
    )
    .await
    .with_context(|| format!("kan de database niet openen ({})", super::redact(url)))?;
    Ok(db)
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
