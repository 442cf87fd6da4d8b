//! What a gemeente prints on its letters (the PIP beschikking): postal address, phone number, website
//! and where a bezwaarschrift goes. Set by the beheerder on `/beheer/instellingen`; until then a
//! letter prints only what is known and never a placeholder, and the pages say what is missing.

use crate::person::Postcode;
use crate::validation::{ValidationErrors, text_problem};

/// Longest address line ("Postbus 950", "Wilhelminasingel 101").
pub const REGEL_MAX: usize = 100;
/// Longest place name.
pub const PLAATS_MAX: usize = 80;
/// Longest website address.
pub const WEBSITE_MAX: usize = 200;

/// A postal address as a letter prints it: one street or Postbus line, then postcode and plaats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postadres {
    pub regel: String,
    pub postcode: Postcode,
    pub plaats: String,
}

impl Postadres {
    /// The address as the lines of a letter ("Postbus 950", "6000 AZ Weert").
    pub fn regels(&self) -> Vec<String> {
        vec![
            self.regel.clone(),
            format!("{} {}", self.postcode.as_str(), self.plaats),
        ]
    }
}

/// The gemeente's letter details; `None` is "not set yet".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefGegevens {
    pub postadres: Option<Postadres>,
    pub telefoon: Option<String>,
    pub website: Option<String>,
    /// Where bezwaarschriften go when that is not the postadres.
    pub bezwaaradres: Option<Postadres>,
}

impl BriefGegevens {
    /// Where a bezwaarschrift goes: its own address, else the postadres.
    pub fn bezwaar(&self) -> Option<&Postadres> {
        self.bezwaaradres.as_ref().or(self.postadres.as_ref())
    }

    /// What a letter still lacks, as Dutch words for a sentence ("postadres", "telefoonnummer").
    /// The bezwaar address is not listed on its own: it defaults to the postadres.
    pub fn ontbreekt(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.postadres.is_none() {
            missing.push("postadres");
        }
        if self.telefoon.is_none() {
            missing.push("telefoonnummer");
        }
        if self.website.is_none() {
            missing.push("website");
        }
        missing
    }
}

/// The details as typed, every field text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawBriefGegevens {
    pub postadres: String,
    pub postcode: String,
    pub plaats: String,
    pub telefoon: String,
    pub website: String,
    pub bezwaar_postadres: String,
    pub bezwaar_postcode: String,
    pub bezwaar_plaats: String,
}

impl RawBriefGegevens {
    /// The form as it shows stored details.
    pub fn from_gegevens(g: &BriefGegevens) -> Self {
        let split = |a: &Option<Postadres>| match a {
            Some(a) => (
                a.regel.clone(),
                a.postcode.as_str().to_string(),
                a.plaats.clone(),
            ),
            None => Default::default(),
        };
        let (postadres, postcode, plaats) = split(&g.postadres);
        let (bezwaar_postadres, bezwaar_postcode, bezwaar_plaats) = split(&g.bezwaaradres);
        RawBriefGegevens {
            postadres,
            postcode,
            plaats,
            telefoon: g.telefoon.clone().unwrap_or_default(),
            website: g.website.clone().unwrap_or_default(),
            bezwaar_postadres,
            bezwaar_postcode,
            bezwaar_plaats,
        }
    }
}

/// The API/form names of one address's three fields.
struct AdresVelden {
    regel: &'static str,
    postcode: &'static str,
    plaats: &'static str,
}

const POSTADRES: AdresVelden = AdresVelden {
    regel: "briefPostadres",
    postcode: "briefPostcode",
    plaats: "briefPlaats",
};
const BEZWAARADRES: AdresVelden = AdresVelden {
    regel: "bezwaarPostadres",
    postcode: "bezwaarPostcode",
    plaats: "bezwaarPlaats",
};

fn text(e: &mut ValidationErrors, field: &'static str, value: &str, max: usize) -> String {
    if let Some((code, message)) = text_problem(value, max) {
        e.push(field, code, message);
    }
    value.to_string()
}

/// An address is all three fields or none: half an address on a letter sends post nowhere.
fn adres(
    e: &mut ValidationErrors,
    f: &AdresVelden,
    (regel, postcode, plaats): (&str, &str, &str),
) -> Option<Postadres> {
    let (regel, postcode, plaats) = (regel.trim(), postcode.trim(), plaats.trim());
    if regel.is_empty() && postcode.is_empty() && plaats.is_empty() {
        return None;
    }
    let before = e.0.len();
    let regel = text(e, f.regel, regel, REGEL_MAX);
    let plaats = text(e, f.plaats, plaats, PLAATS_MAX);
    if regel.is_empty() {
        e.push(
            f.regel,
            "required",
            "Vul de straat en het huisnummer of de postbus in.",
        );
    }
    let code = if postcode.is_empty() {
        e.push(f.postcode, "required", "Vul de postcode in.");
        None
    } else {
        Postcode::parse(postcode)
            .map_err(|err| e.push(f.postcode, "invalid", err.to_string()))
            .ok()
    };
    if plaats.is_empty() {
        e.push(f.plaats, "required", "Vul de plaats in.");
    }
    if e.0.len() > before {
        return None;
    }
    Some(Postadres {
        regel,
        postcode: code?,
        plaats,
    })
}

/// A phone number as printed: digits and spaces, optionally starting with "+" ("14 0495",
/// "+31 495 575 000"); between 3 and 15 digits (E.164's maximum).
fn telefoon(e: &mut ValidationErrors, value: &str) -> Option<String> {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return None;
    }
    let rest = value.strip_prefix('+').unwrap_or(&value);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    if !rest.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        e.push(
            "briefTelefoon",
            "invalid",
            "Gebruik alleen cijfers en spaties, eventueel met een + vooraan, zoals 14 0495.",
        );
    } else if !(3..=15).contains(&digits) {
        e.push(
            "briefTelefoon",
            "invalid",
            "Een telefoonnummer heeft 3 tot en met 15 cijfers.",
        );
    }
    Some(value)
}

fn website(e: &mut ValidationErrors, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let value = text(e, "briefWebsite", value, WEBSITE_MAX);
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .unwrap_or(&value);
    if value.chars().any(char::is_whitespace) || !host.contains('.') || host.starts_with('.') {
        e.push(
            "briefWebsite",
            "invalid",
            "Vul een webadres in zonder spaties, zoals www.weert.nl.",
        );
    }
    Some(value)
}

/// Parses the letter details into `e` (every refused field at once, under its API name).
pub fn parse(raw: &RawBriefGegevens, e: &mut ValidationErrors) -> BriefGegevens {
    let postadres = adres(e, &POSTADRES, (&raw.postadres, &raw.postcode, &raw.plaats));
    let bezwaaradres = adres(
        e,
        &BEZWAARADRES,
        (
            &raw.bezwaar_postadres,
            &raw.bezwaar_postcode,
            &raw.bezwaar_plaats,
        ),
    );
    BriefGegevens {
        postadres,
        telefoon: telefoon(e, &raw.telefoon),
        website: website(e, &raw.website),
        bezwaaradres,
    }
}

#[cfg(test)]
#[path = "briefgegevens_tests.rs"]
mod tests;
