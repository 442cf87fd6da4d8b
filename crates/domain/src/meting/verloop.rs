//! The course of measurements over time, per ZRM domain or language skill, for a chart and a table;
//! and whether a target was reached.

use chrono::NaiveDate;

use super::{Meting, Schaal, Scores, Taalniveau, Vaardigheid, ZrmDomein, ZrmTrede};

/// What was scored: a ZRM domain or a language skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Onderdeel {
    Zrm(ZrmDomein),
    Taal(Vaardigheid),
}

/// A score on its own scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Waarde {
    Trede(ZrmTrede),
    Niveau(Taalniveau),
}

impl Waarde {
    /// The position for a chart's y axis (ZRM 1-5, language 0-4).
    pub fn positie(self) -> u8 {
        match self {
            Waarde::Trede(t) => t.positie(),
            Waarde::Niveau(n) => n.positie(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Waarde::Trede(t) => t.label(),
            Waarde::Niveau(n) => n.label(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Punt {
    pub datum: NaiveDate,
    pub waarde: Waarde,
}

/// The points of one domain or skill, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reeks {
    pub onderdeel: Onderdeel,
    pub punten: Vec<Punt>,
}

fn punten(m: &Meting) -> Vec<(Onderdeel, Waarde)> {
    match &m.scores {
        Scores::Zrm(s) => s
            .iter()
            .map(|(d, t)| (Onderdeel::Zrm(*d), Waarde::Trede(*t)))
            .collect(),
        Scores::Taal(s) => s
            .iter()
            .map(|(v, n)| (Onderdeel::Taal(*v), Waarde::Niveau(*n)))
            .collect(),
    }
}

/// Every domain and skill that was ever scored, in code-list order (ZRM domains first, then the
/// skills, so the table's rows stay put between visits), each with its points by date. Two
/// measurements on one day keep the order they were given in (the caller's registration order).
pub fn verloop(metingen: &[Meting]) -> Vec<Reeks> {
    let mut gesorteerd: Vec<&Meting> = metingen.iter().collect();
    gesorteerd.sort_by_key(|m| m.datum);
    let volgorde = ZrmDomein::ALL
        .iter()
        .map(|d| Onderdeel::Zrm(*d))
        .chain(Vaardigheid::ALL.iter().map(|v| Onderdeel::Taal(*v)));
    volgorde
        .filter_map(|onderdeel| {
            let punten: Vec<Punt> = gesorteerd
                .iter()
                .flat_map(|m| {
                    punten(m)
                        .into_iter()
                        .filter(|(o, _)| *o == onderdeel)
                        .map(|(_, waarde)| Punt {
                            datum: m.datum,
                            waarde,
                        })
                })
                .collect();
            (!punten.is_empty()).then_some(Reeks { onderdeel, punten })
        })
        .collect()
}

/// The most recent score of one domain or skill (on equal dates, the one given last).
pub fn laatste_waarde(metingen: &[Meting], onderdeel: Onderdeel) -> Option<Waarde> {
    verloop(metingen)
        .into_iter()
        .find(|r| r.onderdeel == onderdeel)
        .and_then(|r| r.punten.last().map(|p| p.waarde))
}

/// Whether the most recent score of a ZRM domain is at least `doel` (MB policy: trede 4, see
/// `begeleiding::MbBeleid`). A domain never scored has not reached anything.
pub fn doel_bereikt(metingen: &[Meting], domein: ZrmDomein, doel: ZrmTrede) -> bool {
    matches!(laatste_waarde(metingen, Onderdeel::Zrm(domein)), Some(Waarde::Trede(t)) if t >= doel)
}

/// The skills whose most recent level is at least `doel`, in code-list order.
pub fn vaardigheden_op_niveau(metingen: &[Meting], doel: Taalniveau) -> Vec<Vaardigheid> {
    Vaardigheid::ALL
        .iter()
        .copied()
        .filter(|v| {
            matches!(laatste_waarde(metingen, Onderdeel::Taal(*v)), Some(Waarde::Niveau(n)) if n >= doel)
        })
        .collect()
}

/// The signal "niveau behaald": some skill's most recent level reached the PIP's target level. Per
/// skill because the leerroute may be afgeschaald for some skills only (Wet 17 lid 3, F-9): reaching
/// the target in one skill is already news for the regisseur.
pub fn niveau_behaald(metingen: &[Meting], doel: Taalniveau) -> bool {
    !vaardigheden_op_niveau(metingen, doel).is_empty()
}
