//! The PIP's own refusals besides the application errors: a decision that breaks a rule (each
//! refusal names it) and a transition the lifecycle does not allow.

use wegwijs_domain::trajectory::pip::{DuoWeigering, OvergangWeigering};

use crate::error::AppError;
use wegwijs_storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum PipError {
    #[error(transparent)]
    App(#[from] AppError),
    /// The decision breaks these rules; nothing was saved.
    #[error("PIP geweigerd")]
    Weigering(Vec<DuoWeigering>),
    /// Not allowed in the version's status (edit a decision, a second concept, ...).
    #[error("{}", .0.message())]
    Overgang(OvergangWeigering),
}

impl From<StorageError> for PipError {
    fn from(e: StorageError) -> Self {
        PipError::App(e.into())
    }
}

impl From<wegwijs_domain::validation::ValidationErrors> for PipError {
    fn from(e: wegwijs_domain::validation::ValidationErrors) -> Self {
        PipError::App(AppError::Invalid(e))
    }
}

pub type PipResult<T> = Result<T, PipError>;
