//! The optional voorintake: COA's kansenverkenner conversation and assessment results (NOA or
//! another instrument) as structured scores, so a later intake can compare rather than re-read prose.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::profiel::text;
use super::{KORT_MAX, TEKST_MAX};
use crate::validation::{ValidationErrors, parse_date};

/// At most this many assessments and scores per assessment (the form shows that many rows).
pub const MAX_TOETSEN: usize = 3;
pub const MAX_SCORES: usize = 8;
/// Highest score accepted: instruments report percentiles, levels or raw points, all below this.
pub const SCORE_MAX: u32 = 1_000;

code_enum! {
    /// The assessment instrument.
    pub enum ToetsInstrument {
        Noa = "noa", "NOA-assessment",
        Anders = "anders", "Ander instrument (noem de naam)",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kansenverkenner {
    pub datum: NaiveDate,
    pub samenvatting: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToetsScore {
    pub onderdeel: String,
    pub score: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toets {
    pub instrument: ToetsInstrument,
    /// The instrument's name when it is "anders".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub instrument_naam: String,
    pub datum: NaiveDate,
    pub scores: Vec<ToetsScore>,
}

/// Stored as JSON in `koppelingen.voorintake`; both parts optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voorintake {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kansenverkenner: Option<Kansenverkenner>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub toetsen: Vec<Toets>,
}

/// An assessment as typed. A row whose fields are all empty is not there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawToets {
    pub instrument: String,
    pub instrument_naam: String,
    pub datum: String,
    /// (onderdeel, score) as typed.
    pub scores: Vec<(String, String)>,
}

impl RawToets {
    fn is_empty(&self) -> bool {
        self.instrument.trim().is_empty()
            && self.instrument_naam.trim().is_empty()
            && self.datum.trim().is_empty()
            && self
                .scores
                .iter()
                .all(|(o, s)| o.trim().is_empty() && s.trim().is_empty())
    }
}

/// A date that has happened: required, a calendar date, from 2000 and not after today.
pub(crate) fn past_date(
    e: &mut ValidationErrors,
    field: &'static str,
    input: &str,
    today: NaiveDate,
    what: &str,
) -> Option<NaiveDate> {
    if input.trim().is_empty() {
        e.push(field, "required", "Vul een datum in.");
        return None;
    }
    match parse_date(input) {
        Err(err) => {
            e.push(field, err.code(), err.to_string());
            None
        }
        Ok(d) if d > today => {
            e.push(
                field,
                "out_of_range",
                format!("{what} kan niet in de toekomst liggen."),
            );
            None
        }
        Ok(d) if d < NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(d) => {
            e.push(field, "out_of_range", "Vul een datum vanaf 2000 in.");
            None
        }
        Ok(d) => Some(d),
    }
}

pub(crate) fn kansenverkenner(
    e: &mut ValidationErrors,
    datum: &str,
    samenvatting: &str,
    today: NaiveDate,
) -> Option<Kansenverkenner> {
    let samenvatting = text(
        e,
        "voorintake.kansenverkenner.samenvatting",
        samenvatting,
        TEKST_MAX,
    );
    if datum.trim().is_empty() && samenvatting.is_empty() {
        return None;
    }
    let datum = past_date(
        e,
        "voorintake.kansenverkenner.datum",
        datum,
        today,
        "Het gesprek met de kansenverkenner",
    )?;
    Some(Kansenverkenner {
        datum,
        samenvatting,
    })
}

/// The field of each assessment's instrument, date and scores (`voorintake.toetsen.{i}.{part}`, `i` the
/// position as sent, so a form marks the block that is wrong). Field names are fixed strings, hence
/// the table; the count is capped by [`MAX_TOETSEN`].
pub const TOETS_VELDEN: [[&str; 3]; MAX_TOETSEN] = [
    [
        "voorintake.toetsen.0.instrument",
        "voorintake.toetsen.0.datum",
        "voorintake.toetsen.0.scores",
    ],
    [
        "voorintake.toetsen.1.instrument",
        "voorintake.toetsen.1.datum",
        "voorintake.toetsen.1.scores",
    ],
    [
        "voorintake.toetsen.2.instrument",
        "voorintake.toetsen.2.datum",
        "voorintake.toetsen.2.scores",
    ],
];

/// Parses the assessments; errors name the assessment and row ("Toets 2: regel 3: ...") under the
/// field of the assessment's part ([`TOETS_VELDEN`]); the number is the position as sent, as the
/// form numbers its blocks.
pub(crate) fn toetsen(e: &mut ValidationErrors, raw: &[RawToets], today: NaiveDate) -> Vec<Toets> {
    const F: &str = "voorintake.toetsen";
    let filled: Vec<&RawToets> = raw.iter().filter(|t| !t.is_empty()).collect();
    if filled.len() > MAX_TOETSEN {
        e.push(
            F,
            "too_long",
            format!("Vul hoogstens {MAX_TOETSEN} toetsen in."),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, t) in raw.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
        let n = i + 1;
        let [f_instrument, f_datum, f_scores] = TOETS_VELDEN.get(i).copied().unwrap_or([F; 3]);
        let mut ok = true;
        let mut fail = |e: &mut ValidationErrors, field: &'static str, code, msg: String| {
            ok = false;
            e.push(field, code, format!("Toets {n}: {msg}"));
        };
        let instrument = ToetsInstrument::parse(t.instrument.trim());
        let naam = t.instrument_naam.trim().to_string();
        match instrument {
            None => fail(
                e,
                f_instrument,
                "unknown_value",
                "kies NOA of een ander instrument.".into(),
            ),
            Some(ToetsInstrument::Anders) if naam.is_empty() => fail(
                e,
                f_instrument,
                "required",
                "noem de naam van het instrument.".into(),
            ),
            _ if naam.chars().count() > KORT_MAX => fail(
                e,
                f_instrument,
                "too_long",
                format!("gebruik hoogstens {KORT_MAX} tekens voor de naam."),
            ),
            // As the document says for this multi-line text: no control or invisible characters, also
            // when the name is not kept (NOA).
            _ if crate::validation::has_control_chars(&naam, true) => fail(
                e,
                f_instrument,
                "invalid",
                "gebruik geen onzichtbare tekens of stuurtekens in de naam.".into(),
            ),
            _ => {}
        }
        let mut sub = ValidationErrors::new();
        let datum = past_date(&mut sub, F, &t.datum, today, "Een toets");
        for s in sub.iter() {
            fail(
                e,
                f_datum,
                s.code,
                format!("datum: {}", lower_first(&s.message)),
            );
        }
        let mut scores = Vec::new();
        let rows: Vec<_> = t
            .scores
            .iter()
            .filter(|(o, s)| !(o.trim().is_empty() && s.trim().is_empty()))
            .collect();
        if rows.is_empty() {
            fail(
                e,
                f_scores,
                "required",
                "vul ten minste één onderdeel met score in.".into(),
            );
        }
        if rows.len() > MAX_SCORES {
            fail(
                e,
                f_scores,
                "too_long",
                format!("hoogstens {MAX_SCORES} onderdelen."),
            );
        }
        for (j, (onderdeel, score)) in rows.into_iter().enumerate().take(MAX_SCORES) {
            let onderdeel = onderdeel.trim();
            // Control and invisible characters would break letters and exports (as in every text field).
            if onderdeel.is_empty()
                || onderdeel.chars().count() > KORT_MAX
                || crate::validation::has_control_chars(onderdeel, true)
            {
                fail(
                    e,
                    f_scores,
                    "invalid",
                    format!(
                        "regel {}: noem het onderdeel (hoogstens {KORT_MAX} tekens, geen stuurtekens).",
                        j + 1
                    ),
                );
                continue;
            }
            match score.trim().parse::<u32>() {
                Ok(s) if s <= SCORE_MAX => scores.push(ToetsScore {
                    onderdeel: onderdeel.to_string(),
                    score: s,
                }),
                _ => fail(
                    e,
                    f_scores,
                    "invalid",
                    format!(
                        "regel {}: de score is een heel getal van 0 tot en met {SCORE_MAX}.",
                        j + 1
                    ),
                ),
            }
        }
        if let (true, Some(instrument), Some(datum)) = (ok, instrument, datum) {
            out.push(Toets {
                instrument,
                instrument_naam: if instrument == ToetsInstrument::Anders {
                    naam
                } else {
                    String::new()
                },
                datum,
                scores,
            });
        }
    }
    out
}

fn lower_first(m: &str) -> String {
    let mut c = m.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}
