//! The koppeling: COA links a statushouder to the gemeente. Besides its date (a person fact,
//! `personen.datum_koppeling`) it records the taakstelling half-year it counts for, the AZC and the COA
//! contact, COA's information profile, an optional voorintake and the warm handover.
//!
//! Dates decided here (see docs/rules.md "koppeling"):
//! - the koppeling, the kansenverkenner conversation, an assessment and the handover have happened when
//!   they are recorded, so none lies after today;
//! - the warm handover happens on or after the koppeling date: COA hands over to the gemeente the
//!   person has been linked to, and before the koppeling that gemeente is not known yet. The
//!   voorintake may precede the koppeling (COA's kansenverkenning starts in the AZC);
//! - the taakstelling half-year is given as both jaar and halfjaar, or not at all.

mod parse;
mod profiel;
mod voorintake;

pub use parse::{RawKoppeling, RawOverdracht, parse};
pub use profiel::{CoaProfiel, Huishouden, ProfielAntwoord, ProfielStatus, RawProfielAntwoord};
pub use voorintake::{
    Kansenverkenner, MAX_SCORES, MAX_TOETSEN, RawToets, TOETS_VELDEN, Toets, ToetsInstrument,
    ToetsScore, Voorintake,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::GebruikerId;

/// Longest AZC location or COA contact.
pub const KORT_MAX: usize = 200;
/// Longest free text (a summary, what was discussed).
pub const TEKST_MAX: usize = 4_000;
/// Earliest year of a koppeling or taakstelling (the Wi2021 started in 2022; older dossiers exist).
pub const JAAR_MIN: i32 = 2000;
pub const JAAR_MAX: i32 = 2100;

/// A half-year of the taakstelling: 1 is January-June, 2 is July-December.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Halfjaar {
    pub jaar: i32,
    pub halfjaar: u8,
}

impl Halfjaar {
    /// `None` outside the years Wegwijs accepts or for a half other than 1 or 2.
    pub fn new(jaar: i32, halfjaar: u8) -> Option<Halfjaar> {
        ((JAAR_MIN..=JAAR_MAX).contains(&jaar) && matches!(halfjaar, 1 | 2))
            .then_some(Halfjaar { jaar, halfjaar })
    }

    /// "2026-1" as shown in lists.
    pub fn label(self) -> String {
        format!("{} {}e helft", self.jaar, self.halfjaar)
    }
}

/// The warm handover: who at COA (or elsewhere) handed over to which medewerker, when, and what
/// was discussed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overdracht {
    pub van_naam: String,
    pub van_organisatie: String,
    pub naar: GebruikerId,
    pub datum: NaiveDate,
    pub besproken: String,
}

/// A valid koppeling as stored (the date lives on the person).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Koppeling {
    pub datum_koppeling: Option<NaiveDate>,
    pub taakstelling: Option<Halfjaar>,
    pub azc_locatie: Option<String>,
    pub coa_contact: Option<String>,
    pub profiel: CoaProfiel,
    pub voorintake: Voorintake,
    pub overdracht: Option<Overdracht>,
}
