//! The key dates and the leerroute of one person's trajectory, fixed before any row is written, so
//! every row can respect them: the intake ends before the first dagtekening, which lies on or after
//! the kennisgeving and the settlement in the gemeente (DUO rules M-1, M-3), and leaves room for the
//! stage's later events before the reference date.

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::rngs::StdRng;
use wegwijs_domain::person::{Alfabetisering, Opleidingsniveau};
use wegwijs_domain::trajectory::codes::{LbtUitslag, Leerroute, Niveau};

use super::pick::{chance, weighted};
use super::trajectory::{Fase, Maker};

/// A day `min..=max` days after `from` (`min` when the range is empty).
pub fn dag(rng: &mut StdRng, from: NaiveDate, min: i64, max: i64) -> NaiveDate {
    let n = if max > min {
        rng.gen_range(min..=max)
    } else {
        min
    };
    plus(from, n)
}

/// `from` moved by `days` (negative: back).
pub fn plus(from: NaiveDate, days: i64) -> NaiveDate {
    let d = Days::new(days.unsigned_abs());
    if days >= 0 { from + d } else { from - d }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    pub leerroute: Leerroute,
    /// `None` on the Z-route (DUO sets no level there; B1 with Z is refused, M-4).
    pub niveau: Option<Niveau>,
}

pub struct Plan {
    pub fase: Fase,
    pub intake_start: NaiveDate,
    pub intake_af: Option<NaiveDate>,
    /// The day the first PIP was drafted.
    pub concept_op: NaiveDate,
    /// Dagtekening of PIP version 1 (from PIP vastgesteld on).
    pub d1: Option<NaiveDate>,
    /// The obligation was met on this day (stage voldaan).
    pub voldaan: Option<NaiveDate>,
    /// The last day anything happens: the voldaan date or the reference date.
    pub einde: NaiveDate,
    pub route: Route,
    /// DUO's result of the leerbaarheidstoets; `None` when skipped (onderwijsroute).
    pub lbt: Option<LbtUitslag>,
}

impl Maker<'_> {
    /// Writes the rows of `fase` for this person.
    pub fn trajectory(&mut self, fase: Fase) {
        if fase >= Fase::Gekoppeld {
            self.koppeling();
        }
        if fase < Fase::Intake {
            return;
        }
        let plan = self.plan(fase);
        self.intake(&plan);
        if fase >= Fase::PipConcept {
            self.pip_en_voortgang(&plan);
        }
    }

    fn route(&mut self) -> (Route, Option<LbtUitslag>) {
        let d = &self.p.details;
        let today = self.f.today;
        let age = d
            .geboortedatum
            .and_then(|g| today.years_since(g))
            .unwrap_or(30);
        let opleiding = d.opleidingsniveau;
        let rng = &mut self.rng;
        let schooled = matches!(
            opleiding,
            Some(
                Opleidingsniveau::VoortgezetOnderwijs
                    | Opleidingsniveau::Beroepsonderwijs
                    | Opleidingsniveau::HogerOnderwijs
            )
        );
        let b1 = |leerroute| Route {
            leerroute,
            niveau: Some(Niveau::B1),
        };
        if age <= 27 && schooled && chance(rng, 0.35) {
            return (b1(Leerroute::Onderwijs), None);
        }
        let mut haalbaar = match opleiding {
            Some(Opleidingsniveau::Geen) => 0.25,
            Some(Opleidingsniveau::Basisonderwijs) => 0.5,
            None => 0.6,
            Some(_) => 0.85,
        };
        if d.alfabetisering == Some(Alfabetisering::A) {
            haalbaar /= 2.0;
        }
        if chance(rng, 0.04) {
            return (b1(Leerroute::B1), Some(LbtUitslag::Onbekend));
        }
        if chance(rng, haalbaar) {
            (b1(Leerroute::B1), Some(LbtUitslag::B1Haalbaar))
        } else {
            let z = Route {
                leerroute: Leerroute::Z,
                niveau: None,
            };
            (z, Some(LbtUitslag::B1NietHaalbaar))
        }
    }

    fn plan(&mut self, fase: Fase) -> Plan {
        let (route, lbt) = self.route();
        let f = &self.f;
        let today = f.today;
        let base = match (f.brp, f.koppeling) {
            (Some(b), Some(k)) => b.max(k),
            (Some(b), None) => b,
            _ => today,
        };
        let rng = &mut self.rng;
        // Room the stage needs after the first dagtekening (versions, PVT/MAP, the exams).
        let room = match fase {
            Fase::PipVersies => 127,
            Fase::Afronding => 400,
            Fase::Voldaan => 500,
            _ => 7,
        };
        let d1 = match (fase >= Fase::PipVastgesteld, f.pip_vanaf()) {
            (true, Some(vanaf)) => {
                let latest = (f.since(vanaf) - room).min(90);
                Some(dag(rng, vanaf, 14, latest))
            }
            _ => None,
        };
        let latest_start = match (fase, d1) {
            (_, Some(d1)) => plus(d1, -14),
            (Fase::PipConcept, None) => plus(today, -14),
            _ => today,
        };
        let intake_start = dag(rng, base, 3, 30).min(latest_start).max(base);
        let intake_af = match (fase, d1) {
            (_, Some(d1)) => Some(dag(rng, intake_start, 7, 40).min(plus(d1, -1))),
            (Fase::PipConcept, None) if chance(rng, 0.5) => {
                Some(dag(rng, intake_start, 7, 40).min(plus(today, -1)))
            }
            _ => None,
        };
        let after_intake = intake_af.unwrap_or(intake_start);
        let concept_op = match d1 {
            Some(d1) => plus(d1, -(7 + weighted(rng, &[3, 3, 2]) as i64 * 7)).max(after_intake),
            None => dag(rng, after_intake, 1, 12).min(today),
        };
        let voldaan = match (fase, d1) {
            (Fase::Voldaan, Some(d1)) => Some(dag(rng, d1, 480, f.since(d1))),
            _ => None,
        };
        Plan {
            fase,
            intake_start,
            intake_af,
            concept_op,
            d1,
            voldaan,
            einde: voldaan.unwrap_or(today),
            route,
            lbt,
        }
    }
}
