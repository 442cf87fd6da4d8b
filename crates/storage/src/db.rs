use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::error::StorageResult;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static PG_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgresql",
        }
    }
}

/// Connection settings beyond the URL.
#[derive(Debug, Clone)]
pub struct DbOptions {
    /// Read connections (SQLite) or total connections (PostgreSQL).
    pub max_connections: u32,
    /// PostgreSQL only: a schema to work in (one per test).
    pub pg_schema: Option<String>,
}

impl Default for DbOptions {
    fn default() -> Self {
        Self {
            max_connections: 16,
            pg_schema: None,
        }
    }
}

/// The database. SQLite keeps one writer connection beside the read pool: SQLite allows one writer at
/// a time, and a single writer connection avoids SQLITE_BUSY when a read transaction upgrades.
#[derive(Debug, Clone)]
pub enum Db {
    Sqlite { read: SqlitePool, write: SqlitePool },
    Pg(PgPool),
}

/// An open write transaction on either backend.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Pg(Transaction<'static, Postgres>),
}

impl Db {
    pub async fn connect(url: &str, opts: &DbOptions) -> StorageResult<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let mut pg = PgConnectOptions::from_str(url)?;
            if let Some(schema) = &opts.pg_schema {
                // The application name lets a test harness find (and end) the connections of its schema.
                pg = pg
                    .options([("search_path", schema.as_str())])
                    .application_name(schema);
            }
            // No ping before every acquire: it doubles the cost of a short query; a broken connection
            // still surfaces as an error on use.
            let pool = PgPoolOptions::new()
                .max_connections(opts.max_connections)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(pg)
                .await?;
            Ok(Db::Pg(pool))
        } else {
            let base = sqlite_options(url)?;
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(base.clone())
                .await?;
            let read = SqlitePoolOptions::new()
                .max_connections(opts.max_connections)
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(10))
                // The writer above has created the file; readers cannot write by construction.
                .connect_with(base.read_only(true))
                .await?;
            Ok(Db::Sqlite { read, write })
        }
    }

    /// A `Db` that shares this one's writer (SQLite) but reads through one connection of its own, kept
    /// open: the benchmark's limit (a) runs the storage calls on held connections with it. On
    /// PostgreSQL a pool of one connection.
    pub async fn with_own_reader(&self, url: &str) -> StorageResult<Db> {
        Ok(match self {
            Db::Sqlite { write, .. } => {
                let read = SqlitePoolOptions::new()
                    .max_connections(1)
                    .min_connections(1)
                    .test_before_acquire(false)
                    .connect_with(sqlite_options(url)?.read_only(true))
                    .await?;
                Db::Sqlite {
                    read,
                    write: write.clone(),
                }
            }
            Db::Pg(pool) => {
                let opts = (*pool.connect_options()).clone();
                Db::Pg(
                    PgPoolOptions::new()
                        .max_connections(1)
                        .min_connections(1)
                        .test_before_acquire(false)
                        .connect_with(opts)
                        .await?,
                )
            }
        })
    }

    /// Refreshes the planner's statistics after a bulk load (PostgreSQL: `ANALYZE`; autovacuum would do
    /// it later, but until then a gemeente of 100,000 rows is estimated at a few hundred and list counts
    /// get a plan that reads all of them). SQLite plans from its indexes alone: nothing to do.
    pub async fn analyze(&self) -> StorageResult<()> {
        if let Db::Pg(pool) = self {
            sqlx::query("ANALYZE").execute(pool).await?;
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Pg(_) => Backend::Postgres,
        }
    }

    pub async fn migrate(&self) -> StorageResult<()> {
        match self {
            Db::Sqlite { write, .. } => SQLITE_MIGRATIONS.run(write).await?,
            Db::Pg(pool) => PG_MIGRATIONS.run(pool).await?,
        }
        // Search keys are computed in Rust, so no SQL migration can recompute them.
        crate::search_fold::refold(self).await?;
        Ok(())
    }

    /// The highest applied migration version, as shown by `/health`.
    pub async fn schema_version(&self) -> StorageResult<i64> {
        const SQL: &str = "SELECT COALESCE(MAX(version), 0) FROM _sqlx_migrations WHERE success";
        let v: i64 = crate::on_pool!(self, |p| sqlx::query_scalar(SQL).fetch_one(p).await)?;
        Ok(v)
    }

    pub async fn begin(&self) -> StorageResult<Tx> {
        Ok(match self {
            Db::Sqlite { write, .. } => Tx::Sqlite(write.begin().await?),
            Db::Pg(pool) => Tx::Pg(pool.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Db::Pg(pool) => pool.close().await,
        }
    }

    pub fn pg_pool(&self) -> Option<&PgPool> {
        match self {
            Db::Pg(p) => Some(p),
            Db::Sqlite { .. } => None,
        }
    }

    pub fn sqlite_writer(&self) -> Option<&SqlitePool> {
        match self {
            Db::Sqlite { write, .. } => Some(write),
            Db::Pg(_) => None,
        }
    }
}

fn sqlite_options(url: &str) -> StorageResult<SqliteConnectOptions> {
    Ok(SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit is on disk before we answer. The audit batcher groups commits, so
        // durability costs one fsync per batch, not per request.
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("cache_size", "-65536")
        .pragma("temp_store", "memory")
        // REPLACE deletes the row it replaces; with recursive triggers on, that delete fires the
        // audit log's DELETE trigger (the migration also refuses such inserts outright).
        .pragma("recursive_triggers", "ON"))
}

impl Tx {
    pub async fn commit(self) -> StorageResult<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Pg(t) => t.commit().await?,
        }
        Ok(())
    }

    pub async fn rollback(self) -> StorageResult<()> {
        match self {
            Tx::Sqlite(t) => t.rollback().await?,
            Tx::Pg(t) => t.rollback().await?,
        }
        Ok(())
    }
}
