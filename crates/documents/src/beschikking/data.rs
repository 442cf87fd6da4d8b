//! What the beschikking letter prints: plain owned data, every text already in Dutch.
//!
//! The caller (the PIP use case) resolves codes to texts and formats dates and numbers the Dutch way;
//! the template only places what it gets. Optional parts (`None`, an empty list) are left out of the
//! letter, never printed as empty headings.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// One PIP version as a letter: the formal beschikking and its one-page summary in plain Dutch.
#[derive(Debug, Clone, Serialize)]
pub struct BeschikkingData {
    pub gemeente: Gemeente,
    pub geadresseerde: Geadresseerde,
    /// The letter's reference ("PIP-2027-000123"), printed beside the date and asked for in a bezwaar.
    pub kenmerk: String,
    /// The dagtekening as text ("12 maart 2027").
    pub dagtekening: String,
    /// The PDF's creation date (PDF/A requires one). Pass the moment the version was vastgesteld, so
    /// the same beschikking gives the same bytes at every download.
    pub gemaakt_op: DateTime<Utc>,
    /// A concept is printed with "CONCEPT" across every page and without the bezwaar clause's force:
    /// it is no decision yet.
    pub concept: bool,
    /// The PIP version number (1 for the first PIP).
    pub versie: u32,
    /// For a version that replaces an earlier one: which and why.
    pub vervangt: Option<Vervanging>,
    pub leerroute: Leerroute,
    /// Participatieverklaringstraject.
    pub pvt: Onderdeel,
    /// Module Arbeidsmarkt en Participatie; `None` in the onderwijsroute (Wet 15 lid 1 c).
    pub map: Option<Onderdeel>,
    /// Ondersteuning en begeleiding by the gemeente (Wet 15 lid 1 b), one item per line.
    pub begeleiding: Vec<String>,
    pub doelen: Vec<Doel>,
    pub activiteiten: Vec<Activiteit>,
    /// What the person must do ("U komt naar elk voortgangsgesprek."), one item per line.
    pub verplichtingen: Vec<String>,
    pub voorwaarden: Voorwaarden,
    /// Agreements on voor- en vroegschoolse educatie for a child, where they apply (Wet 15 lid 1 d).
    pub vve_afspraken: Option<String>,
    /// The Participatiewet parts that belong to this plan (Wet 15 lid 3); empty for a person without
    /// a benefit, and then the section is left out.
    pub participatiewet: Vec<String>,
    pub eigen_visie: EigenVisie,
    /// The number of voortgangsgesprekken the plan sets (a required part of the PIP, Besluit
    /// inburgering 2021 art. 5.3 lid 4).
    pub aantal_voortgangsgesprekken: u32,
    /// The next planned voortgangsgesprek as text, when one is planned.
    pub volgend_voortgangsgesprek: Option<String>,
    /// Known once the first PIP is vastgesteld (it starts the day after its dagtekening).
    pub inburgeringstermijn: Option<Termijn>,
    /// The person's regisseur, named in the summary under "Wie helpt u?".
    pub contactpersoon: Option<Contactpersoon>,
    pub ondertekenaar: Ondertekenaar,
    /// The last day a bezwaar can arrive, as text: six weeks after the day after sending (Awb 6:7,
    /// 6:8), computed by the caller.
    pub bezwaar_uiterlijk: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Gemeente {
    /// "Weert" (the letter says "de gemeente Weert" and "het college van ... van Weert").
    pub naam: String,
    /// Postal address lines ("Postbus 950", "6000 AZ Weert"); empty while the gemeente has not set
    /// them, and then the letter prints no address rather than a placeholder.
    pub adres: Vec<String>,
    /// "14 0495"; `None` while unknown (the sentences that need it are left out).
    pub telefoon: Option<String>,
    /// "www.weert.nl"; `None` while unknown.
    pub website: Option<String>,
    /// Where a bezwaarschrift goes, as lines (usually the postal address); empty while unknown.
    pub bezwaaradres: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Geadresseerde {
    pub naam: String,
    pub adres: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Vervanging {
    /// Dagtekening of the version this one replaces, as text.
    pub vorige_dagtekening: String,
    /// The reason as a Dutch sentence or phrase ("Schakelen naar de Z-route").
    pub reden: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Leerroute {
    /// "B1-route", "Onderwijsroute", "Z-route".
    pub naam: String,
    /// "B1", "A2"; empty when the route has no level (Z-route).
    pub niveau: String,
    /// "Geen alfabetisering nodig", ...
    pub alfabetisering: String,
    /// B1-route for asylum status holders only.
    pub intensiteit: Option<String>,
    /// One short sentence in plain Dutch for the summary ("U leert Nederlands tot niveau B1.").
    pub eenvoudig: String,
}

/// PVT or MAP: what it holds and how intensive it is (Wet 15 lid 1 c).
#[derive(Debug, Clone, Serialize)]
pub struct Onderdeel {
    pub inhoud: String,
    pub intensiteit: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Doel {
    pub leefdomein: String,
    pub omschrijving: String,
    pub streefdatum: String,
    pub wie: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Activiteit {
    pub wat: String,
    pub aanbieder: String,
    /// As text, Dutch decimals ("7,5").
    pub uren_per_week: String,
    pub start: String,
    /// `None`: no end date yet.
    pub eind: Option<String>,
}

/// Conditions the plan depends on; `None` when not applicable.
#[derive(Debug, Clone, Serialize)]
pub struct Voorwaarden {
    pub kinderopvang: Option<String>,
    pub vervoer: Option<String>,
}

/// The person's own view of the plan: agreed, or a zienswijze, with its date.
#[derive(Debug, Clone, Serialize)]
pub struct EigenVisie {
    pub akkoord: bool,
    pub zienswijze: Option<String>,
    pub datum: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Termijn {
    pub start: String,
    pub eind: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contactpersoon {
    pub naam: String,
    pub telefoon: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ondertekenaar {
    pub naam: String,
    /// The signer's own function ("Teamleider inburgering"), printed under the name; the letter
    /// already says "namens het college ..." above the signature.
    pub functie: Option<String>,
}
