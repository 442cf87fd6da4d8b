//! What each section of the brede intake holds. Every question is an [`Antwoord`], so "not asked
//! yet" and "asked: no problem" stay apart. Stored as JSON text in `intake_secties.inhoud`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::antwoord::Antwoord;
use super::lbt::Leerbaarheidstoets;

/// A diploma or education followed (Wet 14 lid 3 b).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Opleiding {
    pub land: String,
    pub niveau: String,
    pub jaren: u32,
    pub diploma: bool,
    /// Diplomawaardering (IDW/Nuffic) requested.
    pub waardering_aangevraagd: bool,
}

/// A job held (Wet 14 lid 3 b: werkervaring).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Baan {
    pub land: String,
    pub functie: String,
    pub jaren: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OpleidingWerk {
    #[serde(default)]
    pub opleidingen: Antwoord<Vec<Opleiding>>,
    #[serde(default)]
    pub werkervaring: Antwoord<Vec<Baan>>,
}

/// Special-category data (Wet 14 lid 3 c; processing basis Wet 37 lid 2 b).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Gezondheid {
    #[serde(default)]
    pub lichamelijk: Antwoord<String>,
    #[serde(default)]
    pub psychisch: Antwoord<String>,
    #[serde(default)]
    pub overige_omstandigheden: Antwoord<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Financien {
    #[serde(default)]
    pub inkomen: Antwoord<String>,
    #[serde(default)]
    pub schulden: Antwoord<String>,
}

/// The VVE verkenning (Wet 14 lid 3 d): was the person informed about early-childhood education?
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "geinformeerd", rename_all = "snake_case", deny_unknown_fields)]
pub enum VveVerkenning {
    /// Informed, on this date.
    Ja {
        datum: NaiveDate,
    },
    Nee,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct GezinKinderopvang {
    #[serde(default)]
    pub gezin: Antwoord<String>,
    #[serde(default)]
    pub kinderopvang: Antwoord<String>,
    /// "geen_probleem": no child of VVE age (the component applies "where applicable").
    #[serde(default)]
    pub vve: Antwoord<VveVerkenning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct SociaalNetwerk {
    #[serde(default)]
    pub nederlandse_contacten: Antwoord<u32>,
    #[serde(default)]
    pub netwerk: Antwoord<String>,
}

code_enum! {
    pub enum Apparaat {
        Smartphone = "smartphone", "Smartphone",
        Laptop = "laptop", "Laptop of computer",
        Tablet = "tablet", "Tablet",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Digitaal {
    #[serde(default)]
    pub vaardigheden: Antwoord<String>,
    #[serde(default)]
    pub apparaten: Antwoord<Vec<Apparaat>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Mobiliteit {
    #[serde(default)]
    pub vervoer: Antwoord<String>,
    #[serde(default)]
    pub rijbewijs: Antwoord<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Wensen {
    #[serde(default)]
    pub wensen: Antwoord<String>,
    #[serde(default)]
    pub ambities: Antwoord<String>,
}

/// One life domain: the situation, the barriers found and the wishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct LeefdomeinInhoud {
    #[serde(default)]
    pub situatie: Antwoord<String>,
    #[serde(default)]
    pub belemmeringen: Antwoord<String>,
    #[serde(default)]
    pub wensen: Antwoord<String>,
}

/// The content of one section, the variant chosen by the section's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SectieInhoud {
    Leerbaarheidstoets(Leerbaarheidstoets),
    OpleidingWerk(OpleidingWerk),
    Gezondheid(Gezondheid),
    Financien(Financien),
    GezinKinderopvang(GezinKinderopvang),
    SociaalNetwerk(SociaalNetwerk),
    Digitaal(Digitaal),
    Mobiliteit(Mobiliteit),
    Wensen(Wensen),
    Leefdomein(LeefdomeinInhoud),
}
