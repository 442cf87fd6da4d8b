//! The PIP pages under `/personen/{id}/pips`: the versions, a new concept, reading, editing, deciding,
//! withdrawing, the differences, bezwaar and beroep and the beschikking PDF. Handlers translate HTTP to
//! `wegwijs_app::pip` and back; refusals are shown at the top and next to the field.

pub mod decide;
pub mod diff;
pub mod edit;
pub mod fields;
pub mod list;
pub mod rechtsmiddelen;
pub mod show;

use wegwijs_app::error::AppError;
use wegwijs_app::pip::PipError;

use crate::pages::error_page::PageError;

/// A refusal that is not about a field: a transition the status does not allow is an error page with
/// the lifecycle's own message.
pub fn page_error(e: PipError) -> PageError {
    match e {
        PipError::App(a) => PageError(a),
        PipError::Overgang(o) => PageError(AppError::BadRequest(o.message().into())),
        PipError::Weigering(w) => PageError(AppError::BadRequest(
            w.into_iter()
                .map(|x| x.bericht)
                .collect::<Vec<_>>()
                .join(" "),
        )),
    }
}
