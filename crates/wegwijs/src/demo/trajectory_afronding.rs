//! The end of a trajectory: exams, PVT and MAP, the voldaan ground, DUO's decisions and extensions of
//! the termijn. Dates keep DUO's rules: PVT and MAP dates not before the termijn's start, not after the
//! Z-route's completion and not in the future (M-7).

use chrono::{Months, NaiveDate};
use rand::Rng;
use wegwijs_domain::trajectory::codes::{
    DuoBesluitSoort, ExamenOnderdeel, ExamenUitslag, Leerroute, UrenSoort, VoldaanGrond,
};
use wegwijs_storage::bulk_trajectory::{BulkAfronding, BulkDuoBesluit, BulkExamen, BulkVerlenging};

use super::pick::{chance, weighted};
use super::trajectory::{Fase, Maker};
use super::trajectory_plan::{Plan, Route, dag, plus};

impl Maker<'_> {
    /// Exams, PVT, MAP, the completion row, DUO decisions and extensions. `uren` are the course and
    /// participation hours, which decide whether a Z-route can be completed (800 + 800).
    pub fn afronding(&mut self, plan: &Plan, start: NaiveDate, route: Route, uren: (i32, i32)) {
        let grond = plan.voldaan.map(|_| self.grond(route, uren));
        if let (Some(g @ (VoldaanGrond::Vrijstelling | VoldaanGrond::Ontheffing)), Some(v)) =
            (grond, plan.voldaan)
        {
            let (soort, type_) = match g {
                VoldaanGrond::Vrijstelling => (DuoBesluitSoort::Vrijstelling, "DIP"),
                _ => (DuoBesluitSoort::Ontheffing, "MED"),
            };
            self.besluit(soort, type_, true, "", v);
        } else if route.leerroute == Leerroute::B1
            && plan.voldaan.is_none()
            && chance(&mut self.rng, 0.03)
        {
            // A partial vrijstelling of the language parts (DUO's GED).
            let datum = dag(&mut self.rng, start, 30, self.f.since(start)).min(self.f.today);
            self.besluit(DuoBesluitSoort::Vrijstelling, "GED", false, "LE,LU", datum);
        }
        if route.leerroute == Leerroute::B1 && grond.is_none_or(|g| g == VoldaanGrond::Examen) {
            self.examens(plan, start, route);
        }
        let since = (plan.einde - start).num_days();
        let rng = &mut self.rng;
        let map_route = route.leerroute != Leerroute::Onderwijs;
        let (mut pvt, mut map) = match plan.fase {
            Fase::Voldaan => (true, map_route),
            Fase::Afronding => (chance(rng, 0.85), map_route && chance(rng, 0.7)),
            _ => (
                since > 200 && chance(rng, 0.2),
                map_route && since > 300 && chance(rng, 0.1),
            ),
        };
        if plan.fase == Fase::Afronding && !pvt && !map {
            pvt = true;
        }
        if matches!(
            grond,
            Some(VoldaanGrond::Vrijstelling | VoldaanGrond::Ontheffing)
        ) {
            (pvt, map) = (chance(rng, 0.5), false);
        }
        let pvt_op = self.onderdeel(UrenSoort::Pvt, start, plan.einde, pvt, (12, 16));
        let map_op = if map_route {
            self.onderdeel(UrenSoort::Map, start, plan.einde, map, (64, 80))
        } else {
            None
        };
        let (z, o) = match grond {
            Some(VoldaanGrond::ZRoute) => (plan.voldaan, None),
            Some(VoldaanGrond::Onderwijsroute) => (
                None,
                plan.voldaan
                    .map(|v| plus(v, -self.rng.gen_range(0..=30)).max(start)),
            ),
            _ => (None, None),
        };
        if pvt_op.is_some() || map_op.is_some() || plan.voldaan.is_some() {
            self.out.afrondingen.push(BulkAfronding {
                persoon: self.f.persoon,
                pvt_ondertekend_op: pvt_op,
                map_eindgesprek_op: map_op,
                z_eindgesprek_op: z,
                onderwijsroute_afgerond: o,
                voldaan_op: plan.voldaan,
                voldaan_grond: grond.map(|g| g.code()),
                door: self.f.regisseur,
                op: plan.voldaan.or(pvt_op.max(map_op)).unwrap_or(start),
            });
        }
        if plan.voldaan.is_none() {
            self.verlenging(start);
        }
    }

    fn grond(&mut self, route: Route, (cursus, participatie): (i32, i32)) -> VoldaanGrond {
        if chance(&mut self.rng, 0.06) {
            return VoldaanGrond::Vrijstelling;
        }
        match route.leerroute {
            Leerroute::B1 => VoldaanGrond::Examen,
            Leerroute::Onderwijs => VoldaanGrond::Onderwijsroute,
            Leerroute::Z if cursus >= 800 && participatie >= 800 => VoldaanGrond::ZRoute,
            Leerroute::Z => VoldaanGrond::Ontheffing,
        }
    }

    fn besluit(
        &mut self,
        soort: DuoBesluitSoort,
        type_: &'static str,
        volledig: bool,
        onderdelen: &'static str,
        besluitdatum: NaiveDate,
    ) {
        let id = self.id();
        self.out.duo_besluiten.push(BulkDuoBesluit {
            id,
            persoon: self.f.persoon,
            soort: soort.code(),
            type_,
            volledig,
            onderdelen,
            besluitdatum,
            door: self.f.regisseur,
        });
    }

    /// PVT or MAP hours, `done` with a total in `range` and the date it was signed or the eindgesprek
    /// held; otherwise some hours so far (once the termijn has run a few months).
    fn onderdeel(
        &mut self,
        soort: UrenSoort,
        start: NaiveDate,
        end: NaiveDate,
        done: bool,
        range: (i32, i32),
    ) -> Option<NaiveDate> {
        let since = (end - start).num_days();
        if since < 120 {
            return None;
        }
        let rng = &mut self.rng;
        let van = dag(rng, start, 30, (since / 3).min(300));
        let tot = dag(rng, van, 30, (end - van).num_days().min(120)).min(end);
        let uren = if done {
            rng.gen_range(range.0..=range.1)
        } else {
            rng.gen_range(2..=range.0 / 2)
        };
        let datum = done.then(|| dag(rng, tot, 0, (end - tot).num_days().min(30)).min(end));
        let omschrijving = if soort == UrenSoort::Pvt {
            "Bijeenkomsten participatieverklaring"
        } else {
            "Workshops en stage MAP"
        };
        self.uren_rij(soort, (van, tot, uren), false, omschrijving);
        datum
    }

    fn examens(&mut self, plan: &Plan, start: NaiveDate, route: Route) {
        let niveau = route.niveau.map(|n| n.code());
        let (from, all_pass) = match plan.voldaan {
            Some(v) => (plus(v, -self.rng.gen_range(40..=150)), true),
            None => (dag(&mut self.rng, start, 270, 540), false),
        };
        for onderdeel in ExamenOnderdeel::ALL {
            let rng = &mut self.rng;
            if !all_pass && !chance(rng, 0.6) {
                continue;
            }
            let datum = dag(rng, from, 0, 30);
            if datum > plan.einde {
                continue;
            }
            let uitslag = [
                ExamenUitslag::Geslaagd,
                ExamenUitslag::Gezakt,
                ExamenUitslag::Geen,
            ][weighted(rng, &[70, 28, 2])];
            let rows = if all_pass {
                // Voldaan by exam: every component passed, perhaps after a failed first attempt.
                match uitslag {
                    ExamenUitslag::Geslaagd => vec![(datum, uitslag)],
                    _ => vec![
                        (plus(datum, -90), uitslag),
                        (datum, ExamenUitslag::Geslaagd),
                    ],
                }
            } else {
                let mut rows = vec![(datum, uitslag)];
                let retake = dag(rng, datum, 60, 120);
                if uitslag != ExamenUitslag::Geslaagd && retake <= plan.einde && chance(rng, 0.6) {
                    let again = if chance(rng, 0.75) {
                        ExamenUitslag::Geslaagd
                    } else {
                        ExamenUitslag::Gezakt
                    };
                    rows.push((retake, again));
                }
                rows
            };
            for (datum, uitslag) in rows {
                let id = self.id();
                self.out.examens.push(BulkExamen {
                    id,
                    persoon: self.f.persoon,
                    onderdeel: onderdeel.code(),
                    niveau,
                    datum,
                    uitslag: uitslag.code(),
                    door: self.f.regisseur,
                });
            }
        }
    }

    /// A few extensions: mostly for persons whose termijn ends within nine months.
    fn verlenging(&mut self, start: NaiveDate) {
        let today = self.f.today;
        let Some(eind) = start.checked_add_months(Months::new(36)) else {
            return;
        };
        let left = (eind - today).num_days();
        let rng = &mut self.rng;
        if !(((0..=270).contains(&left) && chance(rng, 0.3)) || chance(rng, 0.01)) {
            return;
        }
        let besluit = dag(rng, today, -60, -5).max(start);
        let maanden = if chance(rng, 0.5) { 6 } else { 12 };
        let grond = ["geen_verwijt", "aanzienlijke_inspanning", "onderbreking"]
            [weighted(rng, &[50, 30, 20])];
        let id = self.id();
        self.out.verlengingen.push(BulkVerlenging {
            id,
            persoon: self.f.persoon,
            grond,
            besluitdatum: besluit,
            nieuwe_einddatum: eind
                .checked_add_months(Months::new(maanden))
                .unwrap_or(eind),
            toelichting: "Verlengd door DUO.",
            door: self.f.regisseur,
        });
    }
}
