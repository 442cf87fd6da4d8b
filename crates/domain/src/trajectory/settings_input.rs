//! What a beheerder types on the settings page (or sends to the API) for the trajectory settings,
//! parsed into [`TrajectInstellingen`] or a list of Dutch field errors.
//!
//! The ranges are what a gemeente could sensibly choose, not legal limits: a review interval of a
//! year or more leaves a person unseen for too long, and a zero would flood the werkvoorraad.

use super::briefgegevens::{self, RawBriefGegevens};
use super::codes::LeefdomeinenSet;
use super::settings::TrajectInstellingen;
use crate::authz::Role;
use crate::validation::{ValidationErrors, has_control_chars};

/// Roles a gemeente may record a need for health data for. Only roles that see persons at all
/// (regisseur: every regisseur, not only the person's own; teamleider) can be given it: beleid,
/// beheerder and privacy never see a dossier, so a "need" for them would be meaningless.
pub const GEZONDHEID_ROL_KEUZES: &[Role] = &[Role::Regisseur, Role::Teamleider];

/// Longest text for the recorded need (a paragraph; the log and the page show it whole).
pub const NOODZAAK_MAX: usize = 1_000;

/// The settings as typed: numbers as text, so "abc" becomes a field error rather than a rejected form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawTrajectInstellingen {
    pub pip_vier_ogen: bool,
    pub voortgang_interval_maanden: String,
    pub geen_contact_dagen: String,
    pub begeleiding_maanden: String,
    pub map_urennorm: String,
    pub termijnwet_toepassen: bool,
    pub leefdomeinen_set: String,
    /// Role codes, one per ticked box.
    pub gezondheid_rollen: Vec<String>,
    pub gezondheid_noodzaak: String,
    pub brief: RawBriefGegevens,
}

impl RawTrajectInstellingen {
    /// The form as it shows stored settings.
    pub fn from_settings(s: &TrajectInstellingen) -> Self {
        RawTrajectInstellingen {
            pip_vier_ogen: s.pip_vier_ogen,
            voortgang_interval_maanden: s.voortgang_interval_maanden.to_string(),
            geen_contact_dagen: s.geen_contact_dagen.to_string(),
            begeleiding_maanden: s.begeleiding_maanden.to_string(),
            map_urennorm: s.map_urennorm.to_string(),
            termijnwet_toepassen: s.termijnwet_toepassen,
            leefdomeinen_set: s.leefdomeinen_set.code().to_string(),
            gezondheid_rollen: s
                .gezondheid_rollen
                .iter()
                .map(|r| r.code().to_string())
                .collect(),
            gezondheid_noodzaak: s.gezondheid_noodzaak.clone(),
            brief: RawBriefGegevens::from_gegevens(&s.brief),
        }
    }
}

fn whole_number(
    errors: &mut ValidationErrors,
    field: &'static str,
    input: &str,
    range: std::ops::RangeInclusive<u32>,
    unit: &str,
) -> u32 {
    match input.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => n,
        Ok(_) => {
            errors.push(
                field,
                "out_of_range",
                format!(
                    "Kies een aantal {unit} van {} tot en met {}.",
                    range.start(),
                    range.end()
                ),
            );
            0
        }
        Err(_) if input.trim().is_empty() => {
            errors.push(field, "required", "Dit veld is verplicht.");
            0
        }
        Err(_) => {
            errors.push(field, "invalid", "Vul een heel getal in, zonder letters.");
            0
        }
    }
}

/// Parses the settings; every refused field is reported at once, under its API name.
pub fn parse(raw: &RawTrajectInstellingen) -> Result<TrajectInstellingen, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let voortgang = whole_number(
        &mut e,
        "voortgangIntervalMaanden",
        &raw.voortgang_interval_maanden,
        1..=12,
        "maanden",
    );
    let geen_contact = whole_number(
        &mut e,
        "geenContactDagen",
        &raw.geen_contact_dagen,
        7..=365,
        "dagen",
    );
    let begeleiding = whole_number(
        &mut e,
        "begeleidingMaanden",
        &raw.begeleiding_maanden,
        1..=36,
        "maanden",
    );
    let map = whole_number(&mut e, "mapUrennorm", &raw.map_urennorm, 1..=500, "uren");
    let set = LeefdomeinenSet::parse(raw.leefdomeinen_set.trim());
    if set.is_none() {
        e.push(
            "leefdomeinenSet",
            "unknown_value",
            "Kies een van de getoonde sets van leefdomeinen.",
        );
    }
    let mut rollen = Vec::new();
    for code in &raw.gezondheid_rollen {
        match Role::parse(code.trim()).filter(|r| GEZONDHEID_ROL_KEUZES.contains(r)) {
            Some(r) if !rollen.contains(&r) => rollen.push(r),
            Some(_) => {}
            None => {
                e.push(
                    "gezondheidRollen",
                    "unknown_value",
                    "Alleen regisseur en teamleider kunnen toegang tot gezondheidsgegevens krijgen.",
                );
                break;
            }
        }
    }
    rollen.sort();
    let noodzaak = raw.gezondheid_noodzaak.trim().to_string();
    if has_control_chars(&noodzaak, true) {
        e.push(
            "gezondheidNoodzaak",
            "invalid",
            "Deze tekst bevat onzichtbare of besturingstekens.",
        );
    } else if noodzaak.chars().count() > NOODZAAK_MAX {
        e.push(
            "gezondheidNoodzaak",
            "too_long",
            format!("Gebruik hoogstens {NOODZAAK_MAX} tekens."),
        );
    } else if !rollen.is_empty() && noodzaak.is_empty() {
        // AVG art. 9 and 30: access to special-category data needs a recorded reason.
        e.push(
            "gezondheidNoodzaak",
            "required",
            "Leg vast waarom deze rollen gezondheidsgegevens nodig hebben.",
        );
    }
    let brief = briefgegevens::parse(&raw.brief, &mut e);
    e.into_result(TrajectInstellingen {
        pip_vier_ogen: raw.pip_vier_ogen,
        voortgang_interval_maanden: voortgang,
        geen_contact_dagen: geen_contact,
        begeleiding_maanden: begeleiding,
        map_urennorm: map,
        termijnwet_toepassen: raw.termijnwet_toepassen,
        leefdomeinen_set: set.unwrap_or(LeefdomeinenSet::Nederweert),
        gezondheid_rollen: rollen,
        gezondheid_noodzaak: noodzaak,
        brief,
    })
}

#[cfg(test)]
#[path = "settings_input_tests.rs"]
mod tests;
