//! `wegwijs serve`: migrations, optional demo data, then the HTTP server until Ctrl-C / SIGTERM.

use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;

use anyhow::{Context, anyhow};
use sqlx::postgres::PgConnectOptions;
use wegwijs_app::auth::secret_box::SecretKey;
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
                crate::demo::Seed::DEFAULT,
                &hash,
                wegwijs_domain::clock::Clock::now(&wegwijs_app::clock::SystemClock),
            )
            .await?;
            if let Some(file) = demo_password_file(&args) {
                // The demo's fictitious accounts only: kept so the next start can show it again
                // (written before the accounts are printed: whoever reads them may stop us then).
                let _ = std::fs::remove_file(&file);
                if let Err(e) = write_private(&file, &password) {
                    tracing::warn!("kan {} niet schrijven: {e}", file.display());
                }
            }
            super::demo::print_summary(&summary, &password);
        } else {
            super::demo::print_existing(&db, demo_password_file(&args).as_deref()).await?;
        }
    }
    let mut totp_required_for = Vec::new();
    for r in args.totp_required.iter().filter(|r| !r.trim().is_empty()) {
        totp_required_for.push(
            Role::parse(r.trim())
                .ok_or_else(|| anyhow!("onbekende rol in --totp-required: {r}"))?,
        );
    }
    let secret_key = secret_key(&args)?;
    if secret_key.is_none() {
        tracing::warn!(
            "geen WEGWIJS_SECRET_KEY of --secret-key-file: de tweede stap (TOTP) kan niet worden ingesteld"
        );
        eprintln!(
            "Let op: geen geheime sleutel ingesteld (WEGWIJS_SECRET_KEY of --secret-key-file). \
             Tweestapsverificatie kan niet worden aangezet."
        );
    }
    let search_term_key = match (args.audit_search_key.as_deref(), &secret_key) {
        (Some(secret), _) => Some(
            wegwijs_app::search_term::SearchTermKey::new(secret).ok_or_else(|| {
                anyhow!("WEGWIJS_AUDIT_SEARCH_KEY moet minstens 32 tekens lang zijn")
            })?,
        ),
        // A BSN's plain hash is reversed in seconds: use a key derived from the secret key.
        (None, Some(key)) => Some(wegwijs_app::search_term::SearchTermKey::derived_from(key)),
        (None, None) => {
            tracing::warn!(
                "geen WEGWIJS_AUDIT_SEARCH_KEY en geen geheime sleutel: zoektermen in het verwerkingenlog krijgen een gewone SHA-256"
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
            secret_key,
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

/// The key for secrets at rest: `WEGWIJS_SECRET_KEY`, else `--secret-key-file`, else
/// (only with `--demo` on SQLite) a key file next to the database, made on first start.
fn secret_key(args: &ServeArgs) -> anyhow::Result<Option<SecretKey>> {
    let from_env = std::env::var("WEGWIJS_SECRET_KEY").unwrap_or_default();
    if !from_env.trim().is_empty() {
        return SecretKey::parse(&from_env)
            .map(Some)
            .map_err(|e| anyhow!("WEGWIJS_SECRET_KEY is ongeldig: {e}"));
    }
    if let Some(path) = &args.secret_key_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("kan {} niet lezen", path.display()))?;
        return SecretKey::parse(&text)
            .map(Some)
            .map_err(|e| anyhow!("{} bevat geen geldige sleutel: {e}", path.display()));
    }
    let Some(db_file) = args
        .demo
        .then(|| sqlite_file(&args.db.database_url))
        .flatten()
    else {
        return Ok(None);
    };
    let key_path = std::path::PathBuf::from(format!("{}.key", db_file.display()));
    if key_path.exists() {
        let text = std::fs::read_to_string(&key_path)
            .with_context(|| format!("kan {} niet lezen", key_path.display()))?;
        return SecretKey::parse(&text)
            .map(Some)
            .map_err(|e| anyhow!("{} bevat geen geldige sleutel: {e}", key_path.display()));
    }
    let key = SecretKey::generate();
    write_private(&key_path, &key.to_hex())
        .with_context(|| format!("kan {} niet schrijven", key_path.display()))?;
    println!(
        "Demo: nieuwe geheime sleutel opgeslagen in {} (alleen leesbaar voor deze gebruiker).",
        key_path.display()
    );
    Ok(Some(key))
}

/// Beside a SQLite demo database: the file that keeps the demo accounts' password.
fn demo_password_file(args: &ServeArgs) -> Option<std::path::PathBuf> {
    let db_file = sqlite_file(&args.db.database_url)?;
    Some(std::path::PathBuf::from(format!(
        "{}.demo-wachtwoord",
        db_file.display()
    )))
}

/// The file of a `sqlite://` URL (not an in-memory database).
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or(rest);
    (!path.is_empty() && !path.contains(":memory:")).then(|| std::path::PathBuf::from(path))
}

/// Writes a new file that only its owner can read (mode 0600 on Unix).
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")
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
