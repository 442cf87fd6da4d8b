//! COA's information profile of a statushouder. Every fact tells "onbekend" (not passed on by COA)
//! from "geen" (asked: there is none), the distinction the whole dossier keeps.

use serde::{Deserialize, Serialize};

use super::TEKST_MAX;
use crate::validation::{ValidationErrors, has_control_chars};

code_enum! {
    /// Household composition as COA describes it.
    pub enum Huishouden {
        Onbekend = "onbekend", "Onbekend",
        Alleenstaand = "alleenstaand", "Alleenstaand",
        AlleenstaandeOuder = "alleenstaande_ouder", "Alleenstaande ouder met kind(eren)",
        StelZonderKinderen = "stel_zonder_kinderen", "Stel zonder kinderen",
        GezinMetKinderen = "gezin_met_kinderen", "Gezin met kind(eren)",
        Anders = "anders", "Anders (zie toelichting)",
    }
}

code_enum! {
    /// What is known of one fact of the profile.
    pub enum ProfielStatus {
        Onbekend = "onbekend", "Onbekend",
        Geen = "geen", "Geen",
        Bekend = "bekend", "Bekend (zie toelichting)",
    }
}

/// One fact of the profile: its status and, when known, what COA said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfielAntwoord {
    pub status: ProfielStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub toelichting: String,
}

impl Default for ProfielAntwoord {
    fn default() -> Self {
        ProfielAntwoord {
            status: ProfielStatus::Onbekend,
            toelichting: String::new(),
        }
    }
}

/// The profile as stored (JSON in `koppelingen.profiel`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoaProfiel {
    pub huishouden: Huishouden,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub huishouden_toelichting: String,
    #[serde(default)]
    pub talen: ProfielAntwoord,
    #[serde(default)]
    pub opleiding: ProfielAntwoord,
    #[serde(default)]
    pub werk: ProfielAntwoord,
    #[serde(default)]
    pub beperkingen: ProfielAntwoord,
}

impl Default for CoaProfiel {
    fn default() -> Self {
        CoaProfiel {
            huishouden: Huishouden::Onbekend,
            huishouden_toelichting: String::new(),
            talen: ProfielAntwoord::default(),
            opleiding: ProfielAntwoord::default(),
            werk: ProfielAntwoord::default(),
            beperkingen: ProfielAntwoord::default(),
        }
    }
}

/// One fact as typed: a status code and a text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawProfielAntwoord {
    pub status: String,
    pub toelichting: String,
}

/// Checks a free text: no control characters (line breaks allowed), at most `max` characters.
pub(crate) fn text(
    e: &mut ValidationErrors,
    field: &'static str,
    input: &str,
    max: usize,
) -> String {
    let t = input.trim();
    if has_control_chars(t, true) {
        e.push(
            field,
            "invalid",
            "Deze tekst bevat onzichtbare of besturingstekens.",
        );
    } else if input.chars().count() > max {
        // Counted as sent, spaces included, as the API document's maxLength does.
        e.push(
            field,
            "too_long",
            format!("Gebruik hoogstens {max} tekens, spaties meegeteld."),
        );
    }
    t.to_string()
}

/// Parses one fact. An empty status is "onbekend"; "bekend" needs a toelichting, and "onbekend" or
/// "geen" with a toelichting is refused (the text would contradict the status).
pub(crate) fn antwoord(
    e: &mut ValidationErrors,
    status_field: &'static str,
    text_field: &'static str,
    raw: &RawProfielAntwoord,
) -> ProfielAntwoord {
    let code = raw.status.trim();
    let status = if code.is_empty() {
        Some(ProfielStatus::Onbekend)
    } else {
        ProfielStatus::parse(code)
    };
    let toelichting = text(e, text_field, &raw.toelichting, TEKST_MAX);
    let Some(status) = status else {
        e.push(
            status_field,
            "unknown_value",
            "Kies onbekend, geen of bekend.",
        );
        return ProfielAntwoord::default();
    };
    match (status, toelichting.is_empty()) {
        (ProfielStatus::Bekend, true) => e.push(
            text_field,
            "required",
            "Beschrijf wat bekend is, of kies onbekend of geen.",
        ),
        (ProfielStatus::Onbekend | ProfielStatus::Geen, false) => e.push(
            text_field,
            "inconsistent",
            "Een toelichting hoort bij “bekend”: kies bekend, of maak de toelichting leeg.",
        ),
        _ => {}
    }
    ProfielAntwoord {
        status,
        toelichting,
    }
}
