//! A first concept drafted from the brede intake, so the regisseur starts from what is known instead of
//! an empty form: the leerbaarheidstoets suggests the route (B1 haalbaar: B1-route at B1; niet
//! haalbaar: Z-route), every life domain with barriers found gets a goal, and the number of
//! voortgangsgesprekken follows the gemeente's interval over the three-year termijn. Everything stays
//! a suggestion: the concept is edited before it is decided.

use uuid::Uuid;

use super::inhoud::{Doel, DoelStatus, PipInhoud};
use crate::trajectory::codes::{LbtUitslag, Leerroute, Niveau};

/// What the brede intake found that the PIP builds on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IntakeFeiten {
    pub lbt: Option<LbtUitslag>,
    /// Per life domain the barriers found (empty: none found or not asked).
    pub leefdomeinen: Vec<LeefdomeinBevinding>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeefdomeinBevinding {
    pub leefdomein: String,
    pub belemmeringen: String,
    pub wensen: String,
}

/// The termijn lasts three years (Wet 11 lid 1): 36 months.
const TERMIJN_MAANDEN: u32 = 36;

pub fn concept_uit_intake(
    intake: &IntakeFeiten,
    voortgang_interval_maanden: u32,
    new_id: &mut dyn FnMut() -> Uuid,
) -> PipInhoud {
    let (leerroute, niveau) = match intake.lbt {
        Some(LbtUitslag::B1Haalbaar) => (Some(Leerroute::B1), Some(Niveau::B1)),
        Some(LbtUitslag::B1NietHaalbaar) => (Some(Leerroute::Z), None),
        _ => (None, None),
    };
    let doelen = intake
        .leefdomeinen
        .iter()
        .filter(|l| !l.belemmeringen.trim().is_empty())
        .map(|l| {
            let mut omschrijving = format!("Belemmering wegnemen: {}", l.belemmeringen.trim());
            if !l.wensen.trim().is_empty() {
                omschrijving.push_str(&format!(" (wens: {})", l.wensen.trim()));
            }
            Doel {
                doel_id: new_id(),
                leefdomein: l.leefdomein.clone(),
                omschrijving,
                streefdatum: None,
                uitvoerder: String::new(),
                status: DoelStatus::Open,
            }
        })
        .collect();
    PipInhoud {
        leerroute,
        niveau,
        aantal_voortgangsgesprekken: TERMIJN_MAANDEN
            .checked_div(voortgang_interval_maanden)
            .filter(|n| *n > 0),
        doelen,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> impl FnMut() -> Uuid {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn the_leerbaarheidstoets_suggests_the_route() {
        let mut id = ids();
        let b = concept_uit_intake(
            &IntakeFeiten {
                lbt: Some(LbtUitslag::B1Haalbaar),
                ..Default::default()
            },
            3,
            &mut id,
        );
        assert_eq!(
            (b.leerroute, b.niveau),
            (Some(Leerroute::B1), Some(Niveau::B1))
        );
        assert_eq!(b.aantal_voortgangsgesprekken, Some(12));
        let z = concept_uit_intake(
            &IntakeFeiten {
                lbt: Some(LbtUitslag::B1NietHaalbaar),
                ..Default::default()
            },
            0,
            &mut id,
        );
        assert_eq!(
            (z.leerroute, z.niveau, z.aantal_voortgangsgesprekken),
            (Some(Leerroute::Z), None, None)
        );
        let onbekend = concept_uit_intake(&IntakeFeiten::default(), 3, &mut id);
        assert_eq!(onbekend.leerroute, None);
    }

    #[test]
    fn each_life_domain_with_barriers_gets_a_goal() {
        let intake = IntakeFeiten {
            lbt: None,
            leefdomeinen: vec![
                LeefdomeinBevinding {
                    leefdomein: "financien".into(),
                    belemmeringen: "Schulden".into(),
                    wensen: String::new(),
                },
                LeefdomeinBevinding {
                    leefdomein: "werk".into(),
                    belemmeringen: " ".into(),
                    wensen: "Kok worden".into(),
                },
            ],
        };
        let p = concept_uit_intake(&intake, 3, &mut ids());
        assert_eq!(p.doelen.len(), 1);
        assert_eq!(p.doelen[0].leefdomein, "financien");
        assert!(p.doelen[0].omschrijving.contains("Schulden"));
    }
}
