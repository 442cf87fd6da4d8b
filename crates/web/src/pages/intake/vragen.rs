//! The questions of each intake section as the form shows them: the key is the API's property name
//! (so a field error from the domain lands next to its question), the kind says which inputs it has.

use wegwijs_domain::trajectory::intake::{Sectie, VasteSectie};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Soort {
    /// Free text (`Antwoord<String>`).
    Tekst,
    /// A whole number (`Antwoord<u32>`).
    Aantal,
    /// Rows of diplomas (`Antwoord<Vec<Opleiding>>`).
    Opleidingen,
    /// Rows of jobs (`Antwoord<Vec<Baan>>`).
    Banen,
    /// Checkboxes of devices (`Antwoord<Vec<Apparaat>>`).
    Apparaten,
    /// The VVE verkenning: informed yes (with date) or no.
    Vve,
}

impl Soort {
    pub fn code(self) -> &'static str {
        match self {
            Soort::Tekst => "tekst",
            Soort::Aantal => "aantal",
            Soort::Opleidingen => "opleidingen",
            Soort::Banen => "banen",
            Soort::Apparaten => "apparaten",
            Soort::Vve => "vve",
        }
    }
}

pub struct Vraag {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub soort: Soort,
}

const fn t(key: &'static str, label: &'static str) -> Vraag {
    Vraag {
        key,
        label,
        hint: "",
        soort: Soort::Tekst,
    }
}

const fn k(key: &'static str, label: &'static str, hint: &'static str, soort: Soort) -> Vraag {
    Vraag {
        key,
        label,
        hint,
        soort,
    }
}

const OPLEIDING_WERK: &[Vraag] = &[
    k(
        "opleidingen",
        "Opleidingen en diploma's",
        "Per opleiding: land, niveau, aantal jaren; lege regels tellen niet mee.",
        Soort::Opleidingen,
    ),
    k(
        "werkervaring",
        "Werkervaring",
        "Per baan: land, functie, aantal jaren; lege regels tellen niet mee.",
        Soort::Banen,
    ),
];
const GEZONDHEID: &[Vraag] = &[
    t("lichamelijk", "Lichamelijke gezondheid"),
    t("psychisch", "Psychische gezondheid"),
    t(
        "overigeOmstandigheden",
        "Overige persoonlijke omstandigheden",
    ),
];
const FINANCIEN: &[Vraag] = &[t("inkomen", "Inkomen"), t("schulden", "Schulden")];
const GEZIN: &[Vraag] = &[
    t("gezin", "Gezin"),
    t("kinderopvang", "Kinderopvang"),
    k(
        "vve",
        "VVE-verkenning (voor- en vroegschoolse educatie)",
        "Kies “gevraagd: geen probleem” als er geen kind in de VVE-leeftijd is.",
        Soort::Vve,
    ),
];
const NETWERK: &[Vraag] = &[
    k(
        "nederlandseContacten",
        "Aantal Nederlandse contacten",
        "Een heel getal, bijvoorbeeld 3.",
        Soort::Aantal,
    ),
    t("netwerk", "Sociaal netwerk"),
];
const DIGITAAL: &[Vraag] = &[
    t("vaardigheden", "Digitale vaardigheden"),
    k("apparaten", "Apparaten", "", Soort::Apparaten),
];
const MOBILITEIT: &[Vraag] = &[t("vervoer", "Vervoer"), t("rijbewijs", "Rijbewijs")];
const WENSEN: &[Vraag] = &[t("wensen", "Wensen"), t("ambities", "Ambities")];
const LEEFDOMEIN: &[Vraag] = &[
    t("situatie", "Situatie"),
    t("belemmeringen", "Belemmeringen"),
    t("wensen", "Wensen"),
];

/// The questions of a section; empty for the leerbaarheidstoets, which has a form of its own.
pub fn vragen(sectie: Sectie) -> &'static [Vraag] {
    match sectie {
        Sectie::Leefdomein(_) => LEEFDOMEIN,
        Sectie::Vast(v) => match v {
            VasteSectie::Leerbaarheidstoets => &[],
            VasteSectie::OpleidingWerk => OPLEIDING_WERK,
            VasteSectie::Gezondheid => GEZONDHEID,
            VasteSectie::Financien => FINANCIEN,
            VasteSectie::GezinKinderopvang => GEZIN,
            VasteSectie::SociaalNetwerk => NETWERK,
            VasteSectie::Digitaal => DIGITAAL,
            VasteSectie::Mobiliteit => MOBILITEIT,
            VasteSectie::Wensen => WENSEN,
        },
    }
}

/// The label of a field the leerbaarheidstoets form or a question shows, for the error summary.
pub fn label(sectie: Sectie, field: &str) -> Option<&'static str> {
    if let Some(v) = vragen(sectie).iter().find(|v| v.key == field) {
        return Some(v.label);
    }
    Some(match field {
        "stand" => "Leerbaarheidstoets",
        "uitslag" => "Uitslag",
        "datum" => "Datum van de toets",
        "scores" => "Scores",
        "reden" => "Reden",
        "toelichting" => "Toelichting",
        f if super::form_json::SCORE_VELDEN.contains(&f) => "Scores",
        _ => return None,
    })
}
