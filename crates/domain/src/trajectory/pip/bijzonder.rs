//! Goals in a special-category life domain (health: AVG art. 9; justice: art. 10) are what the
//! brede intake's matching sections are: visible only with a need (`authz::can_view_health`). A
//! reader without the need gets the version without those goals and their activities; a writer
//! without the need keeps them unchanged, since an edit replaces the whole content.

use std::collections::HashSet;

use uuid::Uuid;

use super::inhoud::PipInhoud;
use crate::trajectory::intake::leefdomeinen;

impl PipInhoud {
    /// The ids of the goals in a special-category life domain.
    fn bijzondere_doel_ids(&self) -> HashSet<Uuid> {
        self.doelen
            .iter()
            .filter(|d| leefdomeinen::is_bijzonder(&d.leefdomein))
            .map(|d| d.doel_id)
            .collect()
    }

    /// Whether any goal is in a special-category life domain.
    pub fn heeft_bijzondere_doelen(&self) -> bool {
        self.doelen
            .iter()
            .any(|d| leefdomeinen::is_bijzonder(&d.leefdomein))
    }

    /// The content without the special-category goals and the activities that serve them, and how
    /// many goals were left out.
    pub fn zonder_bijzondere_doelen(mut self) -> (PipInhoud, usize) {
        let weg = self.bijzondere_doel_ids();
        self.doelen.retain(|d| !weg.contains(&d.doel_id));
        self.activiteiten
            .retain(|a| a.doel_id.is_none_or(|id| !weg.contains(&id)));
        (self, weg.len())
    }

    /// `self` as typed by a writer who could not see the special-category goals of `opgeslagen`:
    /// those goals and their activities are kept as stored.
    pub fn met_verborgen_doelen_van(mut self, opgeslagen: &PipInhoud) -> PipInhoud {
        let verborgen = opgeslagen.bijzondere_doel_ids();
        if verborgen.is_empty() {
            return self;
        }
        self.doelen.retain(|d| !verborgen.contains(&d.doel_id));
        self.activiteiten
            .retain(|a| a.doel_id.is_none_or(|id| !verborgen.contains(&id)));
        self.doelen.extend(
            opgeslagen
                .doelen
                .iter()
                .filter(|d| verborgen.contains(&d.doel_id))
                .cloned(),
        );
        self.activiteiten.extend(
            opgeslagen
                .activiteiten
                .iter()
                .filter(|a| a.doel_id.is_some_and(|id| verborgen.contains(&id)))
                .cloned(),
        );
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trajectory::pip::inhoud::{Activiteit, Doel, DoelStatus};
    use proptest::prelude::*;

    fn doel(n: u128, domein: &str) -> Doel {
        Doel {
            doel_id: Uuid::from_u128(n),
            leefdomein: domein.into(),
            omschrijving: format!("doel {n}"),
            streefdatum: None,
            uitvoerder: String::new(),
            status: DoelStatus::Open,
        }
    }

    fn activiteit(n: u128, doel: Option<u128>) -> Activiteit {
        Activiteit {
            activiteit_id: Uuid::from_u128(1000 + n),
            doel_id: doel.map(Uuid::from_u128),
            omschrijving: format!("activiteit {n}"),
            aanbieder: String::new(),
            uren_per_week: None,
            startdatum: None,
            einddatum: None,
        }
    }

    fn inhoud() -> PipInhoud {
        PipInhoud {
            doelen: vec![
                doel(1, "werk"),
                doel(2, "geestelijke-gezondheid"),
                doel(3, "lichamelijke-gezondheid"),
            ],
            activiteiten: vec![
                activiteit(1, Some(1)),
                activiteit(2, Some(2)),
                activiteit(3, None),
            ],
            ..PipInhoud::default()
        }
    }

    #[test]
    fn a_reader_without_the_need_gets_no_health_goals_nor_their_activities() {
        let p = inhoud();
        assert!(p.heeft_bijzondere_doelen());
        let (zonder, weg) = p.zonder_bijzondere_doelen();
        assert_eq!(weg, 2);
        assert_eq!(zonder.doelen, vec![doel(1, "werk")]);
        assert_eq!(
            zonder.activiteiten,
            vec![activiteit(1, Some(1)), activiteit(3, None)]
        );
        assert!(!zonder.heeft_bijzondere_doelen());
    }

    #[test]
    fn a_writer_without_the_need_keeps_the_hidden_goals() {
        let opgeslagen = inhoud();
        let (mut getypt, _) = opgeslagen.clone().zonder_bijzondere_doelen();
        getypt.doelen[0].omschrijving = "Werk vinden".into();
        let bewaard = getypt.met_verborgen_doelen_van(&opgeslagen);
        assert_eq!(bewaard.doelen.len(), 3);
        assert_eq!(bewaard.doelen[0].omschrijving, "Werk vinden");
        assert_eq!(bewaard.activiteiten.len(), 3);
        // A hidden goal cannot be changed by sending its id with other content.
        let mut vervalst = getypt_met(&opgeslagen);
        vervalst.doelen.push(Doel {
            omschrijving: "overschreven".into(),
            ..doel(2, "werk")
        });
        let bewaard = vervalst.met_verborgen_doelen_van(&opgeslagen);
        assert!(bewaard.doelen.contains(&doel(2, "geestelijke-gezondheid")));
        assert!(
            !bewaard
                .doelen
                .iter()
                .any(|d| d.omschrijving == "overschreven")
        );
    }

    fn getypt_met(opgeslagen: &PipInhoud) -> PipInhoud {
        opgeslagen.clone().zonder_bijzondere_doelen().0
    }

    proptest! {
        /// Hiding then keeping gives back the stored goals: a save without changes by a colleague
        /// without the need loses nothing.
        #[test]
        fn hide_then_keep_loses_no_goal(domeinen in proptest::collection::vec(
            prop_oneof![Just("werk"), Just("geestelijke-gezondheid"), Just("justitie"), Just("financien")], 0..8)
        ) {
            let p = PipInhoud {
                doelen: domeinen.iter().enumerate().map(|(i, d)| doel(i as u128, d)).collect(),
                activiteiten: (0..domeinen.len()).map(|i| activiteit(i as u128, Some(i as u128))).collect(),
                ..PipInhoud::default()
            };
            let (zonder, weg) = p.clone().zonder_bijzondere_doelen();
            prop_assert_eq!(zonder.doelen.len() + weg, p.doelen.len());
            let terug = zonder.met_verborgen_doelen_van(&p);
            let mut a: Vec<_> = terug.doelen.iter().map(|d| d.doel_id).collect();
            let mut b: Vec<_> = p.doelen.iter().map(|d| d.doel_id).collect();
            a.sort();
            b.sort();
            prop_assert_eq!(a, b);
            prop_assert_eq!(terug.activiteiten.len(), p.activiteiten.len());
        }
    }
}
