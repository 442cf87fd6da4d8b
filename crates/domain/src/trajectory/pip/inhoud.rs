//! What a PIP version holds once parsed. Columns of `pip_versies` carry what DUO registers and what
//! lists filter on (leerroute, niveau, alfabetisering, intensiteit, aantal voortgangsgesprekken); the
//! blocks that are only ever read and written whole are [`PipBlokken`], stored as JSON in `inhoud`.
//! Goals and activities are rows of their own with an id that stays the same across versions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::trajectory::codes::{AlfaIndicator, Leerroute, Niveau, PipWijzigingsreden};

code_enum! {
    /// Where a goal of the plan stands.
    pub enum DoelStatus {
        Open = "open", "Nog niet begonnen",
        Bezig = "bezig", "Mee bezig",
        Behaald = "behaald", "Behaald",
        Vervallen = "vervallen", "Vervallen",
    }
}

code_enum! {
    /// The newcomer's own view of the plan (the PIP is made with, not for, the person).
    pub enum VisieSoort {
        Akkoord = "akkoord", "Akkoord met het plan",
        Zienswijze = "zienswijze", "Zienswijze gegeven",
    }
}

/// PVT or MAP: what it holds and how many hours (Wet 15 lid 1 c).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onderdeel {
    pub inhoud: String,
    pub uren: Option<u32>,
}

impl Onderdeel {
    pub fn is_leeg(&self) -> bool {
        self.inhoud.is_empty() && self.uren.is_none()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Voorwaarden {
    pub kinderopvang: String,
    pub vervoer: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EigenVisie {
    pub soort: Option<VisieSoort>,
    /// The zienswijze in the person's words (empty when akkoord).
    pub tekst: String,
    pub datum: Option<NaiveDate>,
}

/// The blocks of the plan stored whole as JSON (`pip_versies.inhoud`). `#[serde(default)]` so a block
/// added later reads from older rows as empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PipBlokken {
    pub pvt: Onderdeel,
    /// `None` in the onderwijsroute (Wet 8 lid 3: no MAP during or after the taalschakeltraject).
    pub map: Option<Onderdeel>,
    /// The gemeente's ondersteuning en begeleiding (Wet 15 lid 1 b).
    pub begeleiding: String,
    /// What the newcomer commits to.
    pub verplichtingen: String,
    pub voorwaarden: Voorwaarden,
    /// Participatiewet parts (Wet 15 lid 3), for persons with a bijstandsuitkering.
    pub participatiewet: String,
    pub eigen_visie: EigenVisie,
}

/// A goal per life domain. `doel_id` stays the same in every version that keeps the goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doel {
    pub doel_id: Uuid,
    pub leefdomein: String,
    pub omschrijving: String,
    pub streefdatum: Option<NaiveDate>,
    /// Who works on it (the person, the regisseur, a partner).
    pub uitvoerder: String,
    pub status: DoelStatus,
}

/// A planned activity. `activiteit_id` stays the same across versions.
#[derive(Debug, Clone, PartialEq)]
pub struct Activiteit {
    pub activiteit_id: Uuid,
    pub doel_id: Option<Uuid>,
    pub omschrijving: String,
    pub aanbieder: String,
    pub uren_per_week: Option<f64>,
    pub startdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
}

/// One version's content. Everything a concept may still lack is an `Option`: a concept is saved as
/// far as it is filled in; [`crate::trajectory::pip::duo_rules::check_vaststelling`] says what a
/// decision needs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PipInhoud {
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
    pub alfabetisering: Option<AlfaIndicator>,
    /// DUO `geschatteIntensiteitB1Route`: hours of course + KNM, 1-9999 (B1-route, asiel only).
    pub intensiteit_uren: Option<u32>,
    /// Required to decide (Besluit 5.3 lid 4).
    pub aantal_voortgangsgesprekken: Option<u32>,
    /// Why this version replaces the current one (required when it does).
    pub reden: Option<PipWijzigingsreden>,
    pub reden_toelichting: String,
    pub blokken: PipBlokken,
    pub doelen: Vec<Doel>,
    pub activiteiten: Vec<Activiteit>,
}
