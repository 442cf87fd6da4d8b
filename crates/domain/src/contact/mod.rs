//! Contact moments (contactmomenten) with a person, written by the gemeente or a chain partner, and
//! the rules around them: who may read a note ([`zichtbaarheid`]) and when "no contact for N days"
//! becomes a signal ([`signaal`]).
//!
//! Wet art. 17 lid 1 (F-2) asks the college to keep "voldoende zicht op de voortgang"; contact moments
//! are how that sight is recorded. Dates are injected (`today`), nothing here reads a clock.

pub mod signaal;
pub mod zichtbaarheid;

pub use signaal::{dagen_zonder_contact, geen_contact_signaal, laatste_contact};
pub use zichtbaarheid::{Lezer, zichtbaar};

use chrono::NaiveDate;

use crate::invoer::{code, datum, tekst};
use crate::validation::ValidationErrors;

code_enum! {
    /// The kind of contact.
    pub enum ContactSoort {
        Gesprek = "gesprek", "Gesprek",
        Huisbezoek = "huisbezoek", "Huisbezoek",
        Driegesprek = "driegesprek", "Driegesprek",
        Casusoverleg = "casusoverleg", "Casusoverleg",
        Telefonisch = "telefonisch", "Telefonisch",
        WhatsappVideo = "whatsapp_video", "WhatsApp/video",
    }
}

code_enum! {
    /// Who may read the note besides the people with access to the person (see [`zichtbaar`]).
    pub enum Vertrouwelijkheid {
        Normaal = "normaal", "Normaal",
        Gevoelig = "gevoelig", "Gevoelig (alleen regisseur en opsteller)",
        EigenOrganisatie = "eigen_organisatie", "Alleen eigen organisatie",
    }
}

pub const SAMENVATTING_MAX: usize = 4000;
pub const VERVOLGAFSPRAAK_MAX: usize = 500;
pub const TOLK_TAAL_MAX: usize = 60;
pub const DEELNEMER_MAX: usize = 100;
/// A casusoverleg seldom has more than a dozen people; more lines is a pasted list, not participants.
pub const DEELNEMERS_MAX: usize = 20;
/// A full working day; a longer "contact" is a typo in minutes vs. hours.
pub const DUUR_MAX_MINUTEN: u32 = 480;

/// A contact moment as typed in the form (all text, as the browser sends it).
#[derive(Debug, Clone, Default)]
pub struct RawContactmoment {
    pub soort: String,
    pub datum: String,
    /// Optional, whole minutes.
    pub duur_minuten: String,
    /// Free text, one participant per line.
    pub deelnemers: String,
    pub tolk: bool,
    /// Required when `tolk`.
    pub tolk_taal: String,
    pub vertrouwelijkheid: String,
    pub samenvatting: String,
    pub vervolgafspraak: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contactmoment {
    pub soort: ContactSoort,
    pub datum: NaiveDate,
    pub duur_minuten: Option<u32>,
    pub deelnemers: Vec<String>,
    /// The language interpreted, when a tolk was present.
    pub tolk_taal: Option<String>,
    pub vertrouwelijkheid: Vertrouwelijkheid,
    pub samenvatting: String,
    pub vervolgafspraak: Option<String>,
}

impl Contactmoment {
    /// A contact moment is recorded afterwards, so its date is today at the latest.
    pub fn parse(
        raw: &RawContactmoment,
        today: NaiveDate,
    ) -> Result<Contactmoment, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let soort = code(
            &mut e,
            "soort",
            &raw.soort,
            ContactSoort::parse,
            ContactSoort::CHOICES,
        );
        let datum = datum(&mut e, "datum", &raw.datum, today, true);
        let duur_minuten = duur(&mut e, &raw.duur_minuten);
        let deelnemers = deelnemers(&mut e, &raw.deelnemers);
        // The language field is hidden when the box is unticked; a value left in it then is not a fact.
        let tolk_taal = if raw.tolk {
            let t = tekst(&mut e, "tolkTaal", &raw.tolk_taal, TOLK_TAAL_MAX, false);
            if t.is_empty() {
                e.push(
                    "tolkTaal",
                    "required",
                    "Vul in voor welke taal de tolk er was.",
                );
            }
            Some(t)
        } else {
            None
        };
        let vertrouwelijkheid = code(
            &mut e,
            "vertrouwelijkheid",
            &raw.vertrouwelijkheid,
            Vertrouwelijkheid::parse,
            Vertrouwelijkheid::CHOICES,
        );
        let samenvatting = tekst(
            &mut e,
            "samenvatting",
            &raw.samenvatting,
            SAMENVATTING_MAX,
            true,
        );
        if raw.samenvatting.trim().is_empty() {
            e.push(
                "samenvatting",
                "required",
                "Vul een samenvatting van het contact in.",
            );
        }
        let vervolg = tekst(
            &mut e,
            "vervolgafspraak",
            &raw.vervolgafspraak,
            VERVOLGAFSPRAAK_MAX,
            true,
        );
        match (soort, datum, vertrouwelijkheid) {
            (Some(soort), Some(datum), Some(vertrouwelijkheid)) if e.is_empty() => {
                Ok(Contactmoment {
                    soort,
                    datum,
                    duur_minuten,
                    deelnemers,
                    tolk_taal,
                    vertrouwelijkheid,
                    samenvatting,
                    vervolgafspraak: (!vervolg.is_empty()).then_some(vervolg),
                })
            }
            _ => Err(e),
        }
    }
}

fn duur(e: &mut ValidationErrors, raw: &str) -> Option<u32> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<u32>() {
        Ok(n) if (1..=DUUR_MAX_MINUTEN).contains(&n) => Some(n),
        _ => {
            e.push(
                "duurMinuten",
                "out_of_range",
                format!("Vul een duur in hele minuten in, van 1 tot en met {DUUR_MAX_MINUTEN}."),
            );
            None
        }
    }
}

/// One participant per line; empty lines are skipped, each line is checked like a one-line field.
fn deelnemers(e: &mut ValidationErrors, raw: &str) -> Vec<String> {
    let lijst: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if lijst.len() > DEELNEMERS_MAX {
        e.push(
            "deelnemers",
            "too_long",
            format!("Noem hoogstens {DEELNEMERS_MAX} deelnemers, één per regel."),
        );
    } else if let Some((c, m)) = lijst
        .iter()
        .find_map(|l| crate::validation::text_problem(l, DEELNEMER_MAX))
    {
        let m = if c == "too_long" {
            format!("Gebruik hoogstens {DEELNEMER_MAX} tekens per deelnemer.")
        } else {
            m
        };
        e.push("deelnemers", c, m);
    }
    lijst
}

#[cfg(test)]
#[path = "contact_tests.rs"]
mod tests;
