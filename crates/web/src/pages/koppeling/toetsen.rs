//! The assessments on the koppeling form: a fixed number of blocks and score rows, so the form
//! works without script; empty rows are ignored by the parser.

use wegwijs_domain::trajectory::koppeling::{MAX_SCORES, TOETS_VELDEN, ToetsInstrument};
use wegwijs_domain::validation::FieldError;

use super::values::FormValues;
use crate::pages::forms::SelectOption;

/// One assessment block of the form; `index` counts from 0 as the field names do.
pub struct ToetsView {
    pub index: usize,
    pub instrument: Vec<SelectOption>,
    pub instrument_naam: String,
    pub datum: String,
    /// (onderdeel, score) per row; a fixed number of rows, so the form needs no script.
    pub rows: Vec<(String, String)>,
    /// The parser's messages on the instrument, the date and the scores of this assessment.
    pub fout_instrument: Option<String>,
    pub fout_datum: Option<String>,
    pub fout_scores: Option<String>,
}

impl ToetsView {
    pub fn nummer(&self) -> usize {
        self.index + 1
    }
}

/// Rows shown for assessment `i`: four, or up to the last filled one (at most MAX_SCORES).
fn score_rows(v: &FormValues, i: usize) -> usize {
    let filled = (0..MAX_SCORES).rev().find(|j| {
        !v.get(&format!("toetsen.{i}.scores.{j}.onderdeel"))
            .is_empty()
            || !v.get(&format!("toetsen.{i}.scores.{j}.score")).is_empty()
    });
    filled.map_or(4, |j| (j + 1).max(4))
}

fn fout(errors: &[FieldError], i: usize, part: usize) -> Option<String> {
    let field = TOETS_VELDEN.get(i)?[part];
    let messages: Vec<&str> = errors
        .iter()
        .filter(|e| e.field == field)
        .map(|e| e.message.as_str())
        .collect();
    (!messages.is_empty()).then(|| messages.join(" "))
}

pub fn toets(v: &FormValues, i: usize, errors: &[FieldError]) -> ToetsView {
    let instrument = v.get(&format!("toetsen.{i}.instrument"));
    let mut options = vec![SelectOption {
        value: String::new(),
        label: "Geen toets".into(),
        selected: instrument.is_empty(),
    }];
    options.extend(
        ToetsInstrument::CHOICES
            .iter()
            .map(|(code, label)| SelectOption {
                value: (*code).into(),
                label: (*label).into(),
                selected: instrument == *code,
            }),
    );
    ToetsView {
        index: i,
        instrument: options,
        instrument_naam: v.get(&format!("toetsen.{i}.instrumentNaam")),
        datum: v.get(&format!("toetsen.{i}.datum")),
        rows: (0..score_rows(v, i))
            .map(|j| {
                (
                    v.get(&format!("toetsen.{i}.scores.{j}.onderdeel")),
                    v.get(&format!("toetsen.{i}.scores.{j}.score")),
                )
            })
            .collect(),
        fout_instrument: fout(errors, i, 0),
        fout_datum: fout(errors, i, 1),
        fout_scores: fout(errors, i, 2),
    }
}
