//! One error type for the application layer; the API turns it into problem+json (`api::problem`),
//! the pages into a Dutch HTML page (`pages::error_page`).

use uuid::Uuid;
use wegwijs_domain::authz::DenyReason;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("niet ingelogd")]
    Unauthenticated,
    #[error("geen toegang")]
    Forbidden(DenyReason),
    #[error("niet gevonden")]
    NotFound,
    #[error("ongeldige invoer")]
    Invalid(ValidationErrors),
    /// Someone else saved a newer version first.
    #[error("verouderde versie")]
    Conflict { expected: i64, current: i64 },
    #[error("bestaat al")]
    Duplicate {
        field: &'static str,
        existing: Option<Uuid>,
    },
    /// An update without `If-Match` (API).
    #[error("If-Match ontbreekt")]
    PreconditionRequired,
    #[error("{0}")]
    BadRequest(String),
    #[error("te veel pogingen")]
    TooManyRequests { retry_after_secs: u64 },
    /// Unexpected: logged with the request id, shown as a short apology.
    #[error("interne fout: {0}")]
    Internal(String),
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::NotFound => AppError::NotFound,
            StorageError::Conflict { expected, current } => {
                AppError::Conflict { expected, current }
            }
            StorageError::Duplicate { field, existing } => AppError::Duplicate { field, existing },
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        AppError::Invalid(e)
    }
}

pub type AppResult<T> = Result<T, AppError>;
