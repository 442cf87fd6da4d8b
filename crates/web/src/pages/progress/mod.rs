//! `/personen/{id}/voortgang`: termijn, voortgangsgesprekken, exams, hours, DUO besluiten and the
//! afronding on one page, each with its own plain HTML form posting to its own route (issue 7,
//! progress slice).

pub(crate) mod forms;
pub mod post;
pub mod show;
pub(crate) mod view;

use uuid::Uuid;
use wegwijs_domain::trajectory::codes::PipWijzigingsreden;

/// The PIP slice's page for a new version, with the reason a review gave.
pub fn pip_nieuw_href(person: Uuid, reden: Option<PipWijzigingsreden>) -> String {
    match reden {
        Some(r) => format!("/personen/{person}/pips/nieuw?reden={}", r.code()),
        None => format!("/personen/{person}/pips/nieuw"),
    }
}
