//! The command-line interface. Every subcommand that touches data takes `--database-url` (or
//! `DATABASE_URL`), so admin commands work on the same database as a running server.

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "wegwijs",
    version,
    about = "Wegwijs: regie op inburgering en participatie (Wet inburgering 2021)"
)]
pub struct Cli {
    /// Log as JSON lines instead of readable text.
    #[arg(long, global = true, env = "WEGWIJS_LOG_JSON")]
    pub log_json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// sqlite://PATH (created if missing) or postgres://USER@HOST/DB
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://wegwijs.db")]
    pub database_url: String,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the web server (runs migrations first).
    Serve(ServeArgs),
    /// Run the database migrations and exit (optionally granting the application role its rights).
    Migrate(MigrateArgs),
    /// Fill an empty database with deterministic synthetic demo data.
    Demo(DemoArgs),
    /// Accounts and API keys.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The verwerkingenlog (audit log).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Make a consistent copy of a live SQLite database.
    Backup(BackupArgs),
    /// Measure latency and throughput against the real HTTP stack.
    Bench(crate::bench::BenchArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "WEGWIJS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: String,
    #[command(flatten)]
    pub db: DbArgs,
    /// PostgreSQL with two roles: the owner's URL, used only to run the migrations and grant the
    /// application role (the user of --database-url) its rights. Without it, --database-url migrates.
    #[arg(long, env = "WEGWIJS_MIGRATE_DATABASE_URL")]
    pub migrate_database_url: Option<String>,
    /// Fill an empty database with demo data and print the demo accounts.
    #[arg(long)]
    pub demo: bool,
    /// Number of demo persons for --demo.
    #[arg(long, default_value_t = 600)]
    pub demo_persons: usize,
    /// Served over https (directly or behind a TLS proxy): Secure cookies with the __Host- prefix.
    #[arg(long, env = "WEGWIJS_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Behind a reverse proxy: take the client address from X-Forwarded-For (for throttling).
    #[arg(long, env = "WEGWIJS_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// Roles that must use a second factor (TOTP), comma separated, e.g. "regisseur,teamleider,beheerder".
    #[arg(long, env = "WEGWIJS_TOTP_REQUIRED", value_delimiter = ',')]
    pub totp_required: Vec<String>,
    /// Connections in the read pool (SQLite) or in total (PostgreSQL).
    #[arg(long, env = "WEGWIJS_DB_CONNECTIONS", default_value_t = 16)]
    pub db_connections: u32,
    /// Secret (at least 32 characters) for the HMAC of search terms in the audit log. Keep it outside
    /// the database: without it, a hashed BSN in the log could be found by trying every BSN.
    #[arg(long, env = "WEGWIJS_AUDIT_SEARCH_KEY", hide_env_values = true)]
    pub audit_search_key: Option<String>,
    /// A file holding the key for secrets at rest (TOTP secrets): 32 bytes as 64 hex digits or
    /// base64. The key itself can be given in WEGWIJS_SECRET_KEY instead (not as a flag: command
    /// lines are visible to every user of the machine).
    #[arg(long, env = "WEGWIJS_SECRET_KEY_FILE")]
    pub secret_key_file: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// PostgreSQL: after migrating (as the owner, --database-url), create this role if missing and
    /// grant it the application's rights: INSERT and SELECT only on audit_log, ordinary rights elsewhere.
    #[arg(long, env = "WEGWIJS_APP_ROLE")]
    pub app_role: Option<String>,
    /// Password to set for --app-role (otherwise the role's password is left as it is).
    #[arg(long, env = "WEGWIJS_APP_ROLE_PASSWORD", hide_env_values = true)]
    pub app_role_password: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain of every gemeente; exits non-zero at the first broken link.
    Verify(DbArgs),
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Number of persons (up to 250,000 and more; above 5,000 the data spans 342 gemeenten).
    #[arg(long, default_value_t = 600)]
    pub persons: usize,
    /// Seed of the generator: the same seed gives the same data.
    #[arg(long, default_value_t = 2021)]
    pub seed: u64,
    /// The day the data is "as of" (YYYY-MM-DD): key dates count back from it, not from today, so
    /// the same seed gives the same data on every day.
    #[arg(long, default_value_t = crate::demo::REFERENCE_DATE)]
    pub reference_date: chrono::NaiveDate,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an account (asks for a password, or generates one with --generate-password).
    CreateUser(CreateUserArgs),
    /// Create an API key for a user; the token is printed once and stored only as a hash.
    CreateApiKey(CreateApiKeyArgs),
    /// List the API keys (prefix, user, description, dates, status; never the key itself).
    ListApiKeys(DbArgs),
    /// Revoke an API key, given whole or by its first 16 characters (as list-api-keys shows them).
    RevokeApiKey(RevokeApiKeyArgs),
}

#[derive(Debug, Args)]
pub struct RevokeApiKeyArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The whole key or its first 16 characters (`wegwijs_` and 8 hex digits).
    pub key: String,
}

#[derive(Debug, Args)]
pub struct CreateUserArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// Name of the organisation (a gemeente or partner), as listed by the beheer pages.
    #[arg(long)]
    pub organisation: String,
    /// regisseur, teamleider, beleid, beheerder or privacy; repeat or comma-separate for several.
    #[arg(long, value_delimiter = ',', required = true)]
    pub role: Vec<String>,
    /// Generate a password and print it instead of asking for one.
    #[arg(long)]
    pub generate_password: bool,
}

#[derive(Debug, Args)]
pub struct CreateApiKeyArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// E-mail address of the user the key acts as.
    #[arg(long)]
    pub user: String,
    /// What the key is for (shown to administrators).
    #[arg(long, default_value = "API-sleutel")]
    pub description: String,
    /// The key stops working after this many days (default: no expiry).
    #[arg(long, conflicts_with = "expires_on")]
    pub expires_in_days: Option<i64>,
    /// The key stops working at the start of this date (YYYY-MM-DD, UTC).
    #[arg(long)]
    pub expires_on: Option<chrono::NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Where to write the copy.
    #[arg(long)]
    pub to: std::path::PathBuf,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
