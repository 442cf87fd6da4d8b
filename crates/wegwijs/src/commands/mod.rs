//! One file per subcommand.

mod admin;
pub mod audit;
mod backup;
mod demo;
mod migrate;
pub mod serve;

use anyhow::Context;
use wegwijs_storage::{Db, DbOptions};

use crate::cli::{AdminCommand, AuditCommand, Cli, Command};

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve::run(args).await,
        Command::Migrate(args) => migrate::run(args).await,
        Command::Audit(AuditCommand::Verify(db)) => audit::verify(&db.database_url).await,
        Command::Demo(args) => demo::run(args).await,
        Command::Admin(AdminCommand::CreateUser(args)) => admin::create_user(args).await,
        Command::Admin(AdminCommand::CreateApiKey(args)) => admin::create_api_key(args).await,
        Command::Backup(args) => backup::run(args).await,
        Command::Bench(args) => crate::bench::run(args).await,
    }
}

/// Connects and brings the schema up to date: every command works on a migrated database.
pub async fn open(url: &str, max_connections: u32) -> anyhow::Result<Db> {
    let db = Db::connect(
        url,
        &DbOptions {
            max_connections,
            pg_schema: None,
        },
    )
    .await
    .with_context(|| format!("kan de database niet openen ({})", redact(url)))?;
    db.migrate().await.context("migraties mislukt")?;
    Ok(db)
}

/// The URL without its password, for messages and logs.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redact_hides_the_password_only() {
        assert_eq!(
            super::redact("postgres://u:geheim@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite://w.db"), "sqlite://w.db");
    }
}
