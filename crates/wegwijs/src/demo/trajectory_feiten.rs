//! The facts of one person that decide which trajectory stages fit: a stage is only picked when the
//! person's own dates allow it (no PIP before the kennisgeving, no intake before the BRP registration),
//! weighted by the time since the kennisgeving.

use chrono::NaiveDate;
use rand::rngs::StdRng;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::{Doelgroep, Regime};
use wegwijs_storage::bulk::BulkPerson;

use super::facts::WI2021_START;
use super::pick::weighted;
use super::trajectory::Fase;

/// The facts of one person that the trajectory follows from.
#[derive(Debug, Clone)]
pub struct Feiten {
    pub persoon: PersonId,
    pub gemeente: OrganisatieId,
    pub koppeling: Option<NaiveDate>,
    pub brp: Option<NaiveDate>,
    pub duo: Option<NaiveDate>,
    pub huisvesting: Option<NaiveDate>,
    pub regisseur: Option<GebruikerId>,
    pub asiel: bool,
    /// Lives in a household of several persons (COA profile, intake participants).
    pub gezin: bool,
    pub today: NaiveDate,
}

impl Feiten {
    /// `None` for a child, a Wi2013 inburgeraar or someone whose regime follows from a pre-2022 koppeling.
    pub fn of(p: &BulkPerson, gezin: bool, today: NaiveDate) -> Option<Feiten> {
        let d = &p.details;
        match d.regime {
            Some(Regime::Wi2013 | Regime::NietInburgeringsplichtig) => return None,
            None if d.datum_koppeling.is_some_and(|k| k < WI2021_START) => return None,
            _ => {}
        }
        Some(Feiten {
            persoon: p.id,
            gemeente: p.gemeente,
            koppeling: d.datum_koppeling,
            brp: d.datum_brp_inschrijving,
            duo: d.datum_kennisgeving_duo,
            huisvesting: d.datum_huisvesting,
            regisseur: p.regisseur,
            asiel: d.doelgroep == Some(Doelgroep::Asielstatushouder),
            gezin,
            today,
        })
    }

    pub fn since(&self, d: NaiveDate) -> i64 {
        (self.today - d).num_days()
    }

    /// The earliest dagtekening DUO registers: not before the start of the obligation (the
    /// kennisgeving, M-1) nor before settlement in the gemeente (BRP and housing, M-3).
    pub fn pip_vanaf(&self) -> Option<NaiveDate> {
        let (duo, brp) = (self.duo?, self.brp?);
        Some(duo.max(brp).max(self.huisvesting.unwrap_or(brp)))
    }

    /// Days since [`Self::pip_vanaf`], or -1 without one.
    fn pip_dagen(&self) -> i64 {
        self.pip_vanaf().map_or(-1, |d| self.since(d))
    }

    /// Whether the person's dates allow this stage.
    pub fn mogelijk(&self, fase: Fase) -> bool {
        let begeleid = self.regisseur.is_some();
        match fase {
            Fase::Aangemeld => self.koppeling.is_none() || !begeleid,
            Fase::Gekoppeld => {
                self.koppeling.is_some() && self.brp.is_none_or(|b| self.since(b) < 90)
            }
            Fase::Gehuisvest => self.brp.is_some() && self.duo.is_none_or(|d| self.since(d) < 150),
            Fase::Intake => begeleid && self.brp.is_some_and(|b| self.since(b) >= 7),
            Fase::PipConcept => begeleid && self.pip_dagen() >= 21,
            Fase::PipVastgesteld => begeleid && self.pip_dagen() >= 35,
            Fase::PipVersies => begeleid && self.pip_dagen() >= 240,
            Fase::Afronding => begeleid && self.pip_dagen() >= 450,
            Fase::Voldaan => begeleid && self.pip_dagen() >= 540,
        }
    }

    /// Weights of the stages by the time since the kennisgeving: the longer ago, the further along.
    fn gewichten(&self) -> [u32; 9] {
        let w = match self.duo.map(|d| self.since(d)) {
            None => [10, 30, 40, 20, 0, 0, 0, 0, 0],
            Some(..30) => [5, 10, 35, 50, 10, 0, 0, 0, 0],
            Some(30..70) => [2, 3, 10, 45, 30, 10, 0, 0, 0],
            Some(70..150) => [1, 1, 5, 17, 17, 59, 0, 0, 0],
            Some(150..400) => [1, 1, 2, 4, 5, 55, 25, 7, 0],
            Some(_) => [1, 1, 1, 2, 2, 33, 30, 18, 12],
        };
        let mut out = [0; 9];
        for (i, f) in Fase::ALL.iter().enumerate() {
            if self.mogelijk(*f) {
                out[i] = w[i];
            }
        }
        out
    }

    pub(super) fn kies(&self, rng: &mut StdRng) -> Fase {
        let w = self.gewichten();
        if w.iter().all(|x| *x == 0) {
            // Dates that fit no weighted stage: the furthest stage they allow.
            return Fase::ALL
                .iter()
                .rev()
                .copied()
                .find(|f| self.mogelijk(*f))
                .unwrap_or(Fase::Aangemeld);
        }
        Fase::ALL[weighted(rng, &w)]
    }
}
