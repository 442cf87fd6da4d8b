//! The state of one intake question. "Not asked yet" and "asked: no problem" are different facts (the
//! first is work still to do, the second is an answer), so they are two variants, never `None` and
//! `Some(false)`.

use serde::{Deserialize, Serialize};

/// One question of the brede intake. JSON: `{"stand": "niet_gevraagd"}`, `{"stand": "geen_probleem"}`
/// or `{"stand": "antwoord", "waarde": ...}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "stand", content = "waarde", rename_all = "snake_case")]
pub enum Antwoord<T> {
    /// The question has not been asked yet.
    #[default]
    NietGevraagd,
    /// Asked; the person has no problem or nothing to report here.
    GeenProbleem,
    /// Asked and answered.
    Antwoord(T),
}

impl<T> Antwoord<T> {
    /// Asked, with or without something to report.
    pub fn is_gevraagd(&self) -> bool {
        !matches!(self, Antwoord::NietGevraagd)
    }

    pub fn waarde(&self) -> Option<&T> {
        match self {
            Antwoord::Antwoord(v) => Some(v),
            _ => None,
        }
    }

    /// Code of the state, as the form's radio buttons carry it.
    pub fn stand(&self) -> &'static str {
        match self {
            Antwoord::NietGevraagd => "niet_gevraagd",
            Antwoord::GeenProbleem => "geen_probleem",
            Antwoord::Antwoord(_) => "antwoord",
        }
    }
}

/// Dutch label of a state code, for pages and history.
pub fn stand_label(stand: &str) -> &'static str {
    match stand {
        "geen_probleem" => "Gevraagd: geen probleem",
        "antwoord" => "Gevraagd: zie antwoord",
        _ => "Nog niet gevraagd",
    }
}
