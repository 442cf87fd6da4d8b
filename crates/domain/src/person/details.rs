//! The typed, validated person record, and the parser that turns a [`RawPerson`] into one.
//!
//! Only the names are required: the rest is often still "onbekend" when a person is registered, and
//! the record says so honestly (see [`PersonDetails::completeness`]) instead of forcing guesses.

use std::fmt;

use chrono::NaiveDate;

use super::field_parser::FieldParser;
use crate::validation::ValidationErrors;

pub use super::completeness::Completeness;
pub use super::raw::RawPerson;

pub use super::fields::{FIELDS, PersonColumns, PersonDetails};

impl PersonDetails {
    /// Validates every field and collects all errors; `today` bounds the date fields.
    pub fn parse(raw: &RawPerson, today: NaiveDate) -> Result<PersonDetails, ValidationErrors> {
        let mut p = FieldParser::new(today);
        let details = PersonDetails::parse_fields(&mut p, raw);
        check_consistency(&mut p, &details);
        p.finish(details)
    }

    /// "Voornamen [tussenvoegsel] Geslachtsnaam", as on letters and in lists.
    pub fn display_name(&self) -> String {
        [
            Some(self.voornamen.as_str()),
            self.tussenvoegsel.as_deref(),
            Some(self.geslachtsnaam.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// Rules between fields. A rule is skipped when one of its fields already has an error, so one
/// mistake gives one message.
fn check_consistency(p: &mut FieldParser, d: &PersonDetails) {
    if !p.has_error("tolkNodig") && !p.has_error("tolkTaal") {
        match (d.tolk_nodig, &d.tolk_taal) {
            (Some(true), None) => p.push(
                "tolkTaal",
                "inconsistent",
                "Vul de taal van de tolk in: er is een tolk nodig.",
            ),
            (Some(false), Some(_)) => p.push(
                "tolkTaal",
                "inconsistent",
                "Laat de taal van de tolk leeg als er geen tolk nodig is.",
            ),
            _ => {}
        }
    }
    let pw_known = !p.has_error("uitkeringPw") && !p.has_error("uitkeringPwStartdatum");
    if pw_known && d.uitkering_pw_startdatum.is_some() && d.uitkering_pw != Some(true) {
        p.push(
            "uitkeringPwStartdatum",
            "inconsistent",
            "Vul alleen een startdatum in als de persoon een bijstandsuitkering (Participatiewet) heeft.",
        );
    }
}

/// Shows which facts are known, never the facts: the whole record is personal data.
impl fmt::Debug for PersonDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonDetails")
            .field("bekend", &self.to_raw().filled_fields())
            .finish_non_exhaustive()
    }
}
