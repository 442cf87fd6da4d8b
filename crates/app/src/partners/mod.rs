//! Chain partners (issue 8): the sociale kaart, referrals, a partner's view of the persons referred to
//! it, and what is recorded in the work. Every partner read is audited with the referral as its legal
//! basis (`grant::grondslag`).

pub mod aanbod;
pub mod dossier;
mod grant;
pub mod uitvoering;
pub mod verwijzingen;

pub use grant::{grondslag, resource};

use wegwijs_domain::validation::ValidationErrors;

use crate::error::AppError;

/// One refused field as an error answer (400 with the Dutch message at the field).
pub(crate) fn invalid(
    field: &'static str,
    code: &'static str,
    message: impl Into<String>,
) -> AppError {
    let mut e = ValidationErrors::new();
    e.push(field, code, message);
    AppError::Invalid(e)
}
