//! Sanctions imposed by the college under the Wet inburgering 2021 (section J.1 of the verified rules):
//! the fine for the brede intake (art. 22) and for PIP obligations (art. 23), their arithmetic
//! ([`boete`]), the cap per termijn, and the new term in a brede-intake fine decision.
//!
//! Fines by DUO (art. 24, 25; J-10 … J-14) are DUO's decisions and not calculated here.

pub mod boete;

pub use boete::{BoeteBerekening, BoeteInvoer, EerdereBoete, boete_berekenen};

use chrono::{Months, NaiveDate};

code_enum! {
    /// The offence a college fine is for.
    pub enum Overtreding {
        /// J-1 … J-4a: not appearing after the repeated call, or not cooperating with the brede intake.
        BredeIntake = "brede_intake", "Brede intake (art. 22 Wet inburgering 2021)",
        /// J-5 … J-7: not cooperating with the ondersteuning and begeleiding of the PIP, or not meeting
        /// the intensity of PVT, MAP or (asiel) the leerroute.
        PipVerplichting = "pip_verplichting", "Verplichtingen uit het PIP (art. 23 Wet inburgering 2021)",
    }
}

code_enum! {
    /// How much the person is to blame (Besluit 7.1 lid 4, J-7); sets the percentage of an art. 23 fine.
    pub enum Verwijtbaarheid {
        Opzet = "opzet", "Opzet",
        GroveSchuld = "grove_schuld", "Grove schuld",
        Geen = "geen", "Geen opzet of grove schuld",
        Verminderd = "verminderd", "Verminderde verwijtbaarheid",
    }
}

impl Verwijtbaarheid {
    /// The percentage of the fine that is imposed (J-7).
    pub fn percentage(self) -> u32 {
        match self {
            Self::Opzet => 100,
            Self::GroveSchuld => 75,
            Self::Geen => 50,
            Self::Verminderd => 25,
        }
    }
}

code_enum! {
    /// The kind of measure. A Participatiewet measure (bijstand lowered under Pw 18/18b) is a separate
    /// kind: when it was taken for the same conduct, no Wi2021 fine follows (J-9, Wet art. 27).
    pub enum MaatregelSoort {
        BoeteWi2021 = "boete_wi2021", "Bestuurlijke boete Wet inburgering 2021",
        Waarschuwing = "waarschuwing", "Schriftelijke waarschuwing",
        MaatregelParticipatiewet = "maatregel_participatiewet", "Maatregel Participatiewet (verlaging bijstand)",
    }
}

code_enum! {
    /// Where an objection (bezwaar) and appeal against a fine stand.
    pub enum BezwaarStatus {
        Geen = "geen", "Geen bezwaar",
        Ingediend = "ingediend", "Bezwaar ingediend",
        Gegrond = "gegrond", "Bezwaar gegrond",
        DeelsGegrond = "deels_gegrond", "Bezwaar deels gegrond",
        Ongegrond = "ongegrond", "Bezwaar ongegrond",
        NietOntvankelijk = "niet_ontvankelijk", "Bezwaar niet-ontvankelijk",
        Ingetrokken = "ingetrokken", "Bezwaar ingetrokken",
        Beroep = "beroep", "Beroep ingesteld",
        Onherroepelijk = "onherroepelijk", "Onherroepelijk",
    }
}

code_enum! {
    /// Why no fine can be imposed.
    pub enum Weigering {
        /// J-9, Wet art. 27.
        BijstandVerlaagd = "bijstand_verlaagd", "Geen boete: de bijstand is voor dezelfde gedraging al verlaagd (art. 27 Wet inburgering 2021).",
        /// J-4a, Wet art. 14 lid 1.
        GeenSchriftelijkeWaarschuwing = "geen_schriftelijke_waarschuwing", "Geen boete voor de brede intake zonder eerdere schriftelijke waarschuwing (art. 14, eerste lid, Wet inburgering 2021).",
        /// J-1, J-4a: art. 22 refers to the term of the repeated call.
        GeenHerhaaldeOproep = "geen_herhaalde_oproep", "Geen boete voor de brede intake zonder herhaalde oproep (art. 22, eerste lid, Wet inburgering 2021).",
        /// J-8, Besluit 7.1 lid 5.
        PlafondBereikt = "plafond_bereikt", "Geen boete: het maximum aan boetes in deze inburgeringstermijn is bereikt (art. 7.1, vijfde lid, Besluit inburgering 2021).",
    }
}

/// J-8: art. 22 and 23 fines together, per (extended) termijn.
pub const PLAFOND_TERMIJN_CENTS: i64 = 240_000;

/// J-8: the lower caps in a new term set after a DUO fine, by the length of that term in months
/// (6, 12, 18, 24 months: €400, €800, €1,200, €1,600); `None` for other lengths.
pub fn plafond_na_duo_boete(nieuwe_termijn_maanden: u32) -> Option<i64> {
    match nieuwe_termijn_maanden {
        6 => Some(40_000),
        12 => Some(80_000),
        18 => Some(120_000),
        24 => Some(160_000),
        _ => None,
    }
}

/// J-2 (Wet 22 lid 2): the new term in a brede-intake fine decision lies after the decision and at
/// most two months after it (a day missing in the target month clamps to the month's end).
pub fn nieuwe_termijn_ok(besluit_datum: NaiveDate, nieuwe_termijn: NaiveDate) -> bool {
    let uiterst = besluit_datum
        .checked_add_months(Months::new(2))
        .unwrap_or(NaiveDate::MAX);
    besluit_datum < nieuwe_termijn && nieuwe_termijn <= uiterst
}

#[cfg(test)]
#[path = "boete_tests.rs"]
mod tests;
