use uuid::Uuid;

pub type StorageResult<T> = Result<T, StorageError>;

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("record not found")]
    NotFound,
    /// Optimistic concurrency: someone else saved a newer version first.
    #[error("stale version: expected {expected}, current {current}")]
    Conflict { expected: i64, current: i64 },
    /// A unique rule was hit; `existing` points at the record that already holds the value.
    #[error("duplicate {field}")]
    Duplicate {
        field: &'static str,
        existing: Option<Uuid>,
    },
    /// A stored value no longer parses as its domain type (a bug or a manual edit of the database).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// A configuration the storage layer refuses (e.g. an application role that owns the tables).
    #[error("{0}")]
    Config(String),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl StorageError {
    pub fn is_unique_violation(err: &sqlx::Error) -> bool {
        matches!(err, sqlx::Error::Database(e) if e.kind() == sqlx::error::ErrorKind::UniqueViolation)
    }
}
