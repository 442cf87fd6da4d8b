//! The rules a PIP must meet before it is vastgesteld: what the beschikking must hold (Wet 15, Besluit
//! 5.3 lid 4), DUO's registration rules (README of DUO's chain spec, "Het aanleveren van een PIP";
//! rows M-1 ... M-5 of wi2021-rules-verified.md) and the afschalen gate (Besluit 5.5, row F-9). A PIP
//! DUO would refuse to register is refused here first, with the rule named, so the regisseur can fix
//! it before the letter goes out.
//!
//! Rule ids follow `wi2021-rules-verified.md`; once the rules branch's `Regel` enum is merged these
//! constants map onto it one to one.

use chrono::NaiveDate;

use super::inhoud::PipInhoud;
use crate::trajectory::codes::{Leerroute, Niveau, PipWijzigingsreden};

/// One rule: its id, who sets it (shown in brackets) and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regel {
    pub id: &'static str,
    pub herkomst: &'static str,
    pub bron: &'static str,
}

pub const F1_INHOUD: Regel = Regel {
    id: "F-1",
    herkomst: "Wet inburgering 2021",
    bron: "Wet inburgering 2021 art. 15 lid 1",
};
pub const F3_VOORTGANG: Regel = Regel {
    id: "F-3",
    herkomst: "Besluit inburgering 2021",
    bron: "Besluit inburgering 2021 art. 5.3 lid 4",
};
pub const G8_PVT_UREN: Regel = Regel {
    id: "G-8",
    herkomst: "Besluit inburgering 2021",
    bron: "Besluit inburgering 2021 art. 3.1 lid 3",
};
pub const A2_NIET_IN_TOEKOMST: Regel = Regel {
    id: "A-2",
    herkomst: "Wet inburgering 2021",
    bron: "Wet inburgering 2021 art. 3 lid 3; Awb art. 3:40",
};
pub const M1_START_PLICHT: Regel = Regel {
    id: "M-1",
    herkomst: "DUO",
    bron: "DUO registratieregels PIP: datum dagtekening",
};
pub const M2_GEWIJZIGD: Regel = Regel {
    id: "M-2",
    herkomst: "DUO",
    bron: "DUO registratieregels PIP: datum dagtekening",
};
pub const M3_VESTIGING: Regel = Regel {
    id: "M-3",
    herkomst: "DUO",
    bron: "DUO registratieregels PIP: datum dagtekening",
};
pub const M4_NIVEAU: Regel = Regel {
    id: "M-4",
    herkomst: "DUO",
    bron: "DUO registratieregels PIP: niveau",
};
pub const M5_INTENSITEIT: Regel = Regel {
    id: "M-5",
    herkomst: "DUO",
    bron: "DUO registratieregels PIP: geschatte intensiteit B1-route",
};
pub const F9_AFSCHALEN: Regel = Regel {
    id: "F-9",
    herkomst: "Besluit inburgering 2021",
    bron: "Besluit inburgering 2021 art. 5.5 lid 1-2; Wet inburgering 2021 art. 17 lid 3",
};

/// Every rule checked here, for documentation and tests.
pub const REGELS: &[Regel] = &[
    F1_INHOUD,
    F3_VOORTGANG,
    G8_PVT_UREN,
    A2_NIET_IN_TOEKOMST,
    M1_START_PLICHT,
    M2_GEWIJZIGD,
    M3_VESTIGING,
    M4_NIVEAU,
    M5_INTENSITEIT,
    F9_AFSCHALEN,
];

/// The course hours after which afschalen is possible (Besluit 5.5 lid 1).
pub const AFSCHALEN_UREN: u32 = 600;
/// The least number of PVT hours (Besluit 3.1 lid 3).
pub const PVT_MIN_UREN: u32 = 12;

/// A refused decision: which rule, at which field, and a Dutch sentence that names the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuoWeigering {
    /// "M-4".
    pub regel: &'static str,
    pub bron: &'static str,
    /// The form field / API property the refusal belongs to.
    pub veld: &'static str,
    /// "Regel M-4 (DUO): niveau A2 mag niet met de onderwijsroute."
    pub bericht: String,
}

fn weiger(r: Regel, veld: &'static str, tekst: &str) -> DuoWeigering {
    DuoWeigering {
        regel: r.id,
        bron: r.bron,
        veld,
        bericht: format!("Regel {} ({}): {tekst}", r.id, r.herkomst),
    }
}

/// The version currently in force (vastgesteld), which a new one replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HuidigePip {
    pub dagtekening: NaiveDate,
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
}

/// What the rules need to know besides the content and the dagtekening.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DuoFeiten {
    pub vandaag: NaiveDate,
    /// Start of the inburgeringsplicht: the person's `datum_kennisgeving_duo`.
    pub start_plicht: Option<NaiveDate>,
    /// Vestiging in the gemeente: `datum_brp_inschrijving`, else `datum_huisvesting`.
    pub vestiging: Option<NaiveDate>,
    /// `None`: the doelgroep is not filled in.
    pub asielstatushouder: Option<bool>,
    pub huidige: Option<HuidigePip>,
    /// The dagtekening of the person's first vastgesteld PIP (the initial PIP).
    pub initiele_dagtekening: Option<NaiveDate>,
    /// Any PIP of this person was ever vastgesteld (so this is not the first PIP ever).
    pub eerder_vastgesteld: bool,
    /// NT2 course hours, including those during the brede intake (Besluit 5.5 lid 2).
    pub nt2_uren: u32,
}

/// Every rule the decision breaks (empty: it may be vastgesteld).
pub fn check_vaststelling(
    p: &PipInhoud,
    dagtekening: NaiveDate,
    f: &DuoFeiten,
) -> Vec<DuoWeigering> {
    let mut w = inhoud_compleet(p);
    w.extend(datum_regels(dagtekening, f));
    w.extend(route_regels(p, f));
    w
}

/// Wet 15 lid 1 and Besluit 5.3 lid 4: what every beschikking holds.
fn inhoud_compleet(p: &PipInhoud) -> Vec<DuoWeigering> {
    let mut w = Vec::new();
    let b = &p.blokken;
    match p.leerroute {
        None => w.push(weiger(F1_INHOUD, "leerroute", "kies de leerroute.")),
        Some(Leerroute::B1 | Leerroute::Onderwijs) if p.niveau.is_none() => {
            w.push(weiger(
                F1_INHOUD,
                "niveau",
                "kies het niveau van de leerroute.",
            ));
        }
        _ => {}
    }
    if p.alfabetisering.is_none() {
        w.push(weiger(
            F1_INHOUD,
            "alfabetisering",
            "geef aan of alfabetisering nodig is.",
        ));
    }
    if b.begeleiding.is_empty() {
        w.push(weiger(
            F1_INHOUD,
            "begeleiding",
            "beschrijf de ondersteuning en begeleiding door de gemeente.",
        ));
    }
    if b.pvt.inhoud.is_empty() || b.pvt.uren.is_none() {
        w.push(weiger(
            F1_INHOUD,
            "pvtInhoud",
            "beschrijf de invulling en het aantal uren van het participatieverklaringstraject.",
        ));
    }
    if let Some(u) = b.pvt.uren
        && u < PVT_MIN_UREN
    {
        w.push(weiger(
            G8_PVT_UREN,
            "pvtUren",
            "het participatieverklaringstraject omvat ten minste 12 uren.",
        ));
    }
    let map_leeg = b
        .map
        .as_ref()
        .is_none_or(|m| m.inhoud.is_empty() || m.uren.is_none());
    if p.leerroute != Some(Leerroute::Onderwijs) && map_leeg {
        w.push(weiger(
            F1_INHOUD,
            "mapInhoud",
            "beschrijf de invulling en het aantal uren van de module Arbeidsmarkt en Participatie.",
        ));
    }
    if p.aantal_voortgangsgesprekken.is_none() {
        w.push(weiger(
            F3_VOORTGANG,
            "aantalVoortgangsgesprekken",
            "leg het aantal voortgangsgesprekken vast.",
        ));
    }
    w
}

fn datum_regels(d: NaiveDate, f: &DuoFeiten) -> Vec<DuoWeigering> {
    let mut w = Vec::new();
    if d > f.vandaag {
        w.push(weiger(
            A2_NIET_IN_TOEKOMST,
            "dagtekening",
            "de dagtekening mag niet in de toekomst liggen.",
        ));
    }
    match f.start_plicht {
        None => w.push(weiger(M1_START_PLICHT, "dagtekening",
            "de start van de inburgeringsplicht is onbekend: vul eerst de datum kennisgeving DUO in bij de persoon.")),
        Some(s) if d < s => w.push(weiger(M1_START_PLICHT, "dagtekening",
            "de dagtekening mag niet voor de start van de inburgeringsplicht (datum kennisgeving DUO) liggen.")),
        _ => {}
    }
    match f.vestiging {
        None => w.push(weiger(M3_VESTIGING, "dagtekening",
            "de datum van vestiging in de gemeente is onbekend: vul eerst de datum BRP-inschrijving of huisvesting in bij de persoon.")),
        Some(v) if d < v => w.push(weiger(M3_VESTIGING, "dagtekening",
            "de dagtekening mag niet voor de vestiging van de inburgeraar in de gemeente liggen.")),
        _ => {}
    }
    if let Some(h) = f.huidige
        && d < h.dagtekening
    {
        w.push(weiger(
            M2_GEWIJZIGD,
            "dagtekening",
            "de dagtekening mag niet voor die van het geldende PIP liggen.",
        ));
    } else if let Some(i) = f.initiele_dagtekening
        && d < i
    {
        w.push(weiger(
            M2_GEWIJZIGD,
            "dagtekening",
            "de dagtekening mag niet voor die van het eerste PIP liggen.",
        ));
    }
    w
}

fn route_regels(p: &PipInhoud, f: &DuoFeiten) -> Vec<DuoWeigering> {
    let mut w = Vec::new();
    match (p.leerroute, p.niveau) {
        (Some(Leerroute::Onderwijs), Some(Niveau::A2)) => {
            w.push(weiger(
                M4_NIVEAU,
                "niveau",
                "niveau A2 mag niet met de onderwijsroute.",
            ));
        }
        (Some(Leerroute::Z), Some(Niveau::B1)) => {
            w.push(weiger(
                M4_NIVEAU,
                "niveau",
                "niveau B1 mag niet met de Z-route.",
            ));
        }
        // A person who moved brings a PIP of the previous gemeente, which DUO counts as the first.
        (Some(Leerroute::B1), Some(Niveau::A2))
            if !f.eerder_vastgesteld && p.reden != Some(PipWijzigingsreden::Verhuizing) =>
        {
            w.push(weiger(
                M4_NIVEAU,
                "niveau",
                "niveau A2 mag niet met de B1-route in het eerste PIP van de inburgeraar.",
            ));
        }
        _ => {}
    }
    if p.intensiteit_uren.is_some() {
        if p.leerroute != Some(Leerroute::B1) {
            w.push(weiger(
                M5_INTENSITEIT,
                "intensiteitUren",
                "de intensiteit van de leerroute hoort alleen bij de B1-route.",
            ));
        } else if f.asielstatushouder.is_none() {
            w.push(weiger(M5_INTENSITEIT, "intensiteitUren",
                "de intensiteit hoort alleen bij asielstatushouders en de doelgroep is onbekend: vul eerst de doelgroep in bij de persoon."));
        } else if f.asielstatushouder == Some(false) {
            w.push(weiger(
                M5_INTENSITEIT,
                "intensiteitUren",
                "de intensiteit van de leerroute hoort alleen bij asielstatushouders.",
            ));
        }
    }
    if is_afschalen(p, f) && f.nt2_uren < AFSCHALEN_UREN {
        w.push(weiger(F9_AFSCHALEN, if p.reden == Some(PipWijzigingsreden::Afschalen) { "reden" } else { "niveau" },
            &format!("afschalen naar A2 kan pas na {AFSCHALEN_UREN} cursusuren NT2 (nu {} uur geregistreerd).", f.nt2_uren)));
    }
    w
}

/// Afschalen: the reason says so, or the B1-route goes from B1 to A2.
pub fn is_afschalen(p: &PipInhoud, f: &DuoFeiten) -> bool {
    let b1_naar_a2 = p.leerroute == Some(Leerroute::B1)
        && p.niveau == Some(Niveau::A2)
        && f.huidige
            .is_some_and(|h| h.leerroute == Some(Leerroute::B1) && h.niveau == Some(Niveau::B1));
    p.reden == Some(PipWijzigingsreden::Afschalen) || b1_naar_a2
}

impl Regel {
    /// The rule in the single list of implemented rules (`deadlines::rule::Regel`, checked against
    /// docs/rules.md). F-1 (what a beschikking holds) and A-2 (no dagtekening in the future) are
    /// checked here but not yet in that list.
    pub fn in_lijst(self) -> Option<crate::trajectory::deadlines::rule::Regel> {
        crate::trajectory::deadlines::rule::Regel::ALL
            .iter()
            .copied()
            .find(|r| r.id() == self.id)
    }
}

#[cfg(test)]
mod lijst_tests {
    use super::*;

    #[test]
    fn every_pip_rule_is_in_the_single_rule_list_except_f1_and_a2() {
        for r in REGELS {
            let known = r.in_lijst().is_some();
            assert_eq!(known, !["F-1", "A-2"].contains(&r.id), "{}", r.id);
        }
    }
}
