//! Placements (plaatsingen) at an employer or organisation: werkervaringsplek, stage, vrijwilligerswerk
//! and the like, their 15-week cycles ([`cyclus`]) and the evaluation that ends each cycle.

pub mod cyclus;

pub use cyclus::{CYCLUS_WEKEN, cyclus_einde, evaluatie_due};

use chrono::NaiveDate;

use crate::invoer::{code, datum, datum_opt, honderdsten, tekst};
use crate::validation::ValidationErrors;

code_enum! {
    /// The kind of placement.
    pub enum PlaatsingSoort {
        Werkervaringsplek = "werkervaringsplek", "Werkervaringsplek",
        Stage = "stage", "Stage",
        Vrijwilligerswerk = "vrijwilligerswerk", "Vrijwilligerswerk",
        Proefplaatsing = "proefplaatsing", "Proefplaatsing",
        Leerwerktraject = "leerwerktraject", "Leerwerktraject",
        BetaaldWerk = "betaald_werk", "Betaald werk",
        Participatieplek = "participatieplek", "Participatieplek",
    }
}

impl PlaatsingSoort {
    /// Only a werkervaringsplek runs in cycles of [`CYCLUS_WEKEN`] weeks with an evaluation each.
    pub fn heeft_cycli(self) -> bool {
        self == Self::Werkervaringsplek
    }
}

code_enum! {
    /// What follows the evaluation at the end of a cycle.
    pub enum VolgendeStap {
        Verlengen = "verlengen", "Verlengen met een nieuwe cyclus",
        AnderePlek = "andere_plek", "Andere plek",
        Uitstroom = "uitstroom", "Uitstroom",
        Stoppen = "stoppen", "Stoppen",
    }
}

code_enum! {
    /// Where the person went when the placement ended.
    pub enum Uitstroom {
        BetaaldWerkRegulier = "betaald_werk_regulier", "Betaald werk (regulier)",
        BetaaldWerkMetLoonkostensubsidie = "betaald_werk_met_loonkostensubsidie", "Betaald werk met loonkostensubsidie",
        BeschutWerk = "beschut_werk", "Beschut werk",
        Opleiding = "opleiding", "Opleiding",
        ZelfstandigOndernemer = "zelfstandig_ondernemer", "Zelfstandig ondernemer",
        Verhuisd = "verhuisd", "Verhuisd",
        Geen = "geen", "Geen (gestopt)",
    }
}

pub const ORGANISATIE_MAX: usize = 200;
pub const TOELICHTING_MAX: usize = 2000;
/// A full-time working week; more is not a placement the gemeente arranges.
pub const MAX_UREN_PER_WEEK_HONDERDSTEN: u32 = 4000;

#[derive(Debug, Clone, Default)]
pub struct RawPlaatsing {
    pub soort: String,
    /// The employer or organisation.
    pub organisatie: String,
    pub start: String,
    /// Optional; not before `start`.
    pub eind: String,
    /// Decimal hours a week ("16", "7,5"), 1 to 40.
    pub uren_per_week: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plaatsing {
    pub soort: PlaatsingSoort,
    pub organisatie: String,
    pub start: NaiveDate,
    pub eind: Option<NaiveDate>,
    /// Hundredths of an hour a week (750 = 7,5 uur).
    pub uren_per_week_honderdsten: u32,
}

impl Plaatsing {
    /// A placement may be planned ahead, so `start` may lie after `today`.
    pub fn parse(raw: &RawPlaatsing, today: NaiveDate) -> Result<Plaatsing, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let soort = code(
            &mut e,
            "soort",
            &raw.soort,
            PlaatsingSoort::parse,
            PlaatsingSoort::CHOICES,
        );
        let organisatie = tekst(
            &mut e,
            "organisatie",
            &raw.organisatie,
            ORGANISATIE_MAX,
            false,
        );
        if raw.organisatie.trim().is_empty() {
            e.push(
                "organisatie",
                "required",
                "Vul de naam van de werkgever of organisatie in.",
            );
        }
        let start = datum(&mut e, "start", &raw.start, today, false);
        let eind = datum_opt(&mut e, "eind", &raw.eind, today, false);
        if let (Some(s), Some(Some(t))) = (start, eind)
            && t < s
        {
            e.push(
                "eind",
                "inconsistent",
                "De einddatum ligt voor de startdatum.",
            );
        }
        let uren = match raw.uren_per_week.trim() {
            "" => {
                e.push(
                    "urenPerWeek",
                    "required",
                    "Vul het aantal uren per week in.",
                );
                None
            }
            s => match honderdsten(s) {
                Some(h) if (100..=MAX_UREN_PER_WEEK_HONDERDSTEN).contains(&h) => Some(h),
                _ => {
                    e.push(
                        "urenPerWeek",
                        "out_of_range",
                        "Vul een aantal uren per week in van 1 tot en met 40, bijvoorbeeld 16 of 7,5.",
                    );
                    None
                }
            },
        };
        match (soort, start, eind, uren) {
            (Some(soort), Some(start), Some(eind), Some(uren)) if e.is_empty() => Ok(Plaatsing {
                soort,
                organisatie,
                start,
                eind,
                uren_per_week_honderdsten: uren,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawEvaluatie {
    pub datum: String,
    pub volgende_stap: String,
    /// Required with "uitstroom"; optional with "stoppen" (e.g. verhuisd); refused otherwise.
    pub uitstroom: String,
    pub toelichting: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluatie {
    pub datum: NaiveDate,
    pub volgende_stap: VolgendeStap,
    pub uitstroom: Option<Uitstroom>,
    pub toelichting: String,
}

impl Evaluatie {
    /// An evaluation is recorded after the conversation, so its date is today at the latest.
    pub fn parse(raw: &RawEvaluatie, today: NaiveDate) -> Result<Evaluatie, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let datum = datum(&mut e, "datum", &raw.datum, today, true);
        let stap = code(
            &mut e,
            "volgendeStap",
            &raw.volgende_stap,
            VolgendeStap::parse,
            VolgendeStap::CHOICES,
        );
        let uitstroom = match (stap, raw.uitstroom.trim()) {
            (Some(VolgendeStap::Uitstroom), s) => {
                match code(&mut e, "uitstroom", s, Uitstroom::parse, Uitstroom::CHOICES) {
                    // "geen" is what stopping leads to; an uitstroom goes somewhere.
                    Some(Uitstroom::Geen) => {
                        e.push(
                            "uitstroom",
                            "inconsistent",
                            "Kies waarheen de deelnemer uitstroomt; ‘geen’ hoort bij stoppen.",
                        );
                        None
                    }
                    u => u,
                }
            }
            (Some(VolgendeStap::Stoppen), "") => Some(Uitstroom::Geen),
            (Some(VolgendeStap::Stoppen), s) => {
                code(&mut e, "uitstroom", s, Uitstroom::parse, Uitstroom::CHOICES)
            }
            (Some(_), "") | (None, _) => None,
            (Some(_), _) => {
                e.push(
                    "uitstroom",
                    "inconsistent",
                    "Vul alleen een uitstroom in bij uitstroom of stoppen.",
                );
                None
            }
        };
        let toelichting = tekst(
            &mut e,
            "toelichting",
            &raw.toelichting,
            TOELICHTING_MAX,
            true,
        );
        match (datum, stap) {
            (Some(datum), Some(volgende_stap)) if e.is_empty() => Ok(Evaluatie {
                datum,
                volgende_stap,
                uitstroom,
                toelichting,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
#[path = "plaatsing_tests.rs"]
mod tests;
