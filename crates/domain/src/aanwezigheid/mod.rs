//! Attendance per session (bijeenkomst) at a course or activity of a chain partner, the signals drawn
//! from it ([`signalen`]), and the hours a professional spends on a person ([`uren`]).
//!
//! Providers give the college attendance and effort of asielstatushouders (L-1a, Besluit 9.2 lid 4),
//! for use in progress monitoring (Wet 17) and, if it comes to that, a fine under Wet 23 (J-5).

pub mod signalen;
pub mod uren;

pub use crate::meting::niveau_behaald;
pub use signalen::{Signaal, signalen};
pub use uren::{RawUrenregistratie, Urenregistratie};

use chrono::NaiveDate;

use crate::invoer::{code, datum, honderdsten, tekst};
use crate::validation::ValidationErrors;

code_enum! {
    /// Whether the person was at a session.
    pub enum Aanwezigheid {
        Aanwezig = "aanwezig", "Aanwezig",
        AfwezigMetReden = "afwezig_met_reden", "Afwezig met geldige reden",
        AfwezigZonderBericht = "afwezig_zonder_bericht", "Afwezig zonder bericht",
    }
}

pub const REDEN_MAX: usize = 500;
/// A session of more than a working day and a half is a typo (hours for minutes, or a week total).
pub const MAX_UREN_BIJEENKOMST_HONDERDSTEN: u32 = 1200;

#[derive(Debug, Clone, Default)]
pub struct RawBijeenkomst {
    pub datum: String,
    pub aanwezigheid: String,
    /// Required for "afwezig met geldige reden".
    pub reden: String,
    /// Decimal hours ("2,5"), only for "aanwezig"; optional there.
    pub uren: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bijeenkomst {
    pub datum: NaiveDate,
    pub aanwezigheid: Aanwezigheid,
    pub reden: Option<String>,
    /// Hours attended in hundredths of an hour (250 = 2,5 uur).
    pub uren_honderdsten: Option<u32>,
}

impl Bijeenkomst {
    /// Attendance is recorded afterwards (date today at the latest). A reason is only kept for a valid
    /// absence (the field is hidden otherwise); hours with an absence are refused because they would
    /// count as hours followed.
    pub fn parse(raw: &RawBijeenkomst, today: NaiveDate) -> Result<Bijeenkomst, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let datum = datum(&mut e, "datum", &raw.datum, today, true);
        let aanwezigheid = code(
            &mut e,
            "aanwezigheid",
            &raw.aanwezigheid,
            Aanwezigheid::parse,
            Aanwezigheid::CHOICES,
        );
        let reden = match aanwezigheid {
            Some(Aanwezigheid::AfwezigMetReden) => {
                let r = tekst(&mut e, "reden", &raw.reden, REDEN_MAX, true);
                if r.is_empty() {
                    e.push("reden", "required", "Vul de reden van de afwezigheid in.");
                }
                Some(r)
            }
            _ => None,
        };
        let uren = match (aanwezigheid, raw.uren.trim()) {
            (_, "") => None,
            (Some(Aanwezigheid::Aanwezig), s) => match honderdsten(s) {
                Some(h) if (1..=MAX_UREN_BIJEENKOMST_HONDERDSTEN).contains(&h) => Some(h),
                _ => {
                    e.push(
                        "uren",
                        "out_of_range",
                        "Vul een aantal uren in groter dan 0 en hoogstens 12, bijvoorbeeld 2,5.",
                    );
                    None
                }
            },
            (Some(_), _) => {
                e.push(
                    "uren",
                    "inconsistent",
                    "Vul alleen uren in als de deelnemer aanwezig was.",
                );
                None
            }
            (None, _) => None,
        };
        match (datum, aanwezigheid) {
            (Some(datum), Some(aanwezigheid)) if e.is_empty() => Ok(Bijeenkomst {
                datum,
                aanwezigheid,
                reden,
                uren_honderdsten: uren,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
#[path = "aanwezigheid_tests.rs"]
mod tests;
