//! Measurements (metingen) of zelfredzaamheid (ZRM 2017) and language level per skill, taken at the
//! start, midway and end of a trajectory or maatschappelijke begeleiding, and their course over time
//! ([`verloop`]). Besluit 5.2 lid 1 puts taalniveau and zelfredzaamheid in the brede intake (C-*);
//! measuring again shows progress (Wet 17, F-2).

pub mod codes;
pub mod verloop;

pub use codes::{Instrument, MeetMoment, Schaal, Taalniveau, Vaardigheid, ZrmDomein, ZrmTrede};
pub use verloop::{
    Onderdeel, Punt, Reeks, Waarde, doel_bereikt, laatste_waarde, niveau_behaald,
    vaardigheden_op_niveau, verloop,
};

use chrono::NaiveDate;

use crate::invoer::{code, datum, tekst};
use crate::validation::ValidationErrors;

pub const TOELICHTING_MAX: usize = 2000;

/// A measurement as typed: every score is a (domain or skill code, score code) pair.
#[derive(Debug, Clone, Default)]
pub struct RawMeting {
    pub instrument: String,
    pub moment: String,
    pub datum: String,
    pub scores: Vec<(String, String)>,
    pub toelichting: String,
}

/// The typed scores: the instrument decides which pairs are possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scores {
    Zrm(Vec<(ZrmDomein, ZrmTrede)>),
    Taal(Vec<(Vaardigheid, Taalniveau)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meting {
    pub moment: MeetMoment,
    pub datum: NaiveDate,
    pub scores: Scores,
    pub toelichting: String,
}

impl Meting {
    pub fn instrument(&self) -> Instrument {
        match self.scores {
            Scores::Zrm(_) => Instrument::Zrm2017,
            Scores::Taal(_) => Instrument::Taal,
        }
    }

    /// At least one score; each domain or skill at most once; scores on the instrument's scale; the
    /// date today at the latest (a measurement is recorded after it was taken).
    pub fn parse(raw: &RawMeting, today: NaiveDate) -> Result<Meting, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let instrument = code(
            &mut e,
            "instrument",
            &raw.instrument,
            Instrument::parse,
            Instrument::CHOICES,
        );
        let moment = code(
            &mut e,
            "moment",
            &raw.moment,
            MeetMoment::parse,
            MeetMoment::CHOICES,
        );
        let datum = datum(&mut e, "datum", &raw.datum, today, true);
        // Without a known instrument the pairs cannot be judged; the instrument error says enough.
        let scores = match instrument {
            Some(Instrument::Zrm2017) => Some(Scores::Zrm(scores(
                &mut e,
                &raw.scores,
                ZrmDomein::parse,
                |s| ZrmTrede::parse(s.trim()),
                "Kies een trede van 1 tot en met 5",
            ))),
            Some(Instrument::Taal) => Some(Scores::Taal(scores(
                &mut e,
                &raw.scores,
                Vaardigheid::parse,
                |s| Taalniveau::parse(&s.trim().to_ascii_lowercase()),
                "Kies een niveau van A0 tot en met B2",
            ))),
            None => None,
        };
        let toelichting = tekst(
            &mut e,
            "toelichting",
            &raw.toelichting,
            TOELICHTING_MAX,
            true,
        );
        match (moment, datum, scores) {
            (Some(moment), Some(datum), Some(scores)) if e.is_empty() => Ok(Meting {
                moment,
                datum,
                scores,
                toelichting,
            }),
            _ => Err(e),
        }
    }
}

trait Onderdeelcode: Copy + PartialEq {
    fn label(self) -> &'static str;
}
impl Onderdeelcode for ZrmDomein {
    fn label(self) -> &'static str {
        ZrmDomein::label(self)
    }
}
impl Onderdeelcode for Vaardigheid {
    fn label(self) -> &'static str {
        Vaardigheid::label(self)
    }
}

/// The pairs of one instrument. All score errors go on the field "scores", naming the domain or
/// skill (code-list labels, never what was typed) so the form can point at the row.
fn scores<K: Onderdeelcode, S: Copy>(
    e: &mut ValidationErrors,
    raw: &[(String, String)],
    onderdeel: impl Fn(&str) -> Option<K>,
    score: impl Fn(&str) -> Option<S>,
    bereik: &str,
) -> Vec<(K, S)> {
    let mut uit: Vec<(K, S)> = Vec::new();
    let mut gezien: Vec<K> = Vec::new();
    let fouten_voor = e.0.len();
    for (k, s) in raw {
        let Some(k) = onderdeel(k.trim()) else {
            e.push(
                "scores",
                "unknown_value",
                "Onbekend onderdeel: laad het formulier opnieuw.",
            );
            continue;
        };
        // A form lists every domain or skill; a blank score means "not measured this time".
        if s.trim().is_empty() {
            continue;
        }
        if gezien.contains(&k) {
            e.push(
                "scores",
                "duplicate",
                format!("{} staat meer dan één keer in de meting.", k.label()),
            );
            continue;
        }
        gezien.push(k);
        match score(s) {
            Some(s) => uit.push((k, s)),
            None => e.push(
                "scores",
                "out_of_range",
                format!("{bereik} bij {}.", k.label()),
            ),
        }
    }
    if uit.is_empty() && e.0.len() == fouten_voor {
        e.push("scores", "required", "Vul minstens één score in.");
    }
    uit
}

#[cfg(test)]
#[path = "meting_tests.rs"]
mod tests;
