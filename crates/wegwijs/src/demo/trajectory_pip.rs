//! PIP versions of one person, with goals per life domain and activities. Version 1 is drafted from the
//! intake; later versions (schakelen, afschalen, anders) replace it with a later dagtekening (M-2),
//! copy the goals and activities with their ids, and leave the old version `vervangen`.
//! Every version keeps DUO's rules: A2 never with the onderwijsroute, B1 never with the Z-route, A2 with
//! the B1-route never on the first PIP (M-4); intensity only with the B1-route for asielstatushouders
//! (M-5); afschalen only after 600 course hours.

use chrono::{Months, NaiveDate};
use rand::Rng;
use uuid::Uuid;
use wegwijs_domain::person::Alfabetisering;
use wegwijs_domain::trajectory::codes::{
    AlfaIndicator, Leerroute, Niveau, PipStatus, PipWijzigingsreden,
};
use wegwijs_storage::bulk_trajectory::{BulkPip, BulkPipActiviteit, BulkPipDoel};

use super::pick::{chance, weighted};
use super::trajectory::{Fase, Maker};
use super::trajectory_json as js;
use super::trajectory_plan::{Plan, Route, dag, plus};
use super::trajectory_texts::{DOMEINEN, MAP, PVT, TAALCURSUS, toelichting};

pub struct Versie {
    pub id: Uuid,
    pub dagtekening: Option<NaiveDate>,
    pub route: Route,
    pub reden: Option<PipWijzigingsreden>,
}

impl Maker<'_> {
    /// The versions, oldest first. `uren_600` is the day the course hours reached 600 (afschalen).
    pub fn versies(&mut self, plan: &Plan, uren_600: Option<NaiveDate>) -> Vec<Versie> {
        let first = Versie {
            id: self.id(),
            dagtekening: plan.d1,
            route: plan.route,
            reden: None,
        };
        let Some(d1) = plan.d1 else {
            return vec![first];
        };
        let rng = &mut self.rng;
        let extra = match plan.fase {
            Fase::PipVersies => 1 + usize::from(chance(rng, 0.3)),
            Fase::Afronding | Fase::Voldaan => usize::from(chance(rng, 0.3)),
            _ => 0,
        };
        let limit = plus(plan.einde, if plan.voldaan.is_some() { -60 } else { -7 });
        let schakelen_tot = d1.checked_add_months(Months::new(18)).unwrap_or(d1);
        let mut out = vec![first];
        for _ in 0..extra {
            let Some(prev) = out.last().and_then(|v| v.dagtekening) else {
                break;
            };
            let from = plus(prev, 90);
            if from > limit {
                break;
            }
            let rng = &mut self.rng;
            let datum = dag(rng, from, 0, (limit - from).num_days().min(400));
            let route = out.last().map_or(plan.route, |v| v.route);
            let afschalen = route.leerroute == Leerroute::B1
                && route.niveau == Some(Niveau::B1)
                && uren_600.is_some_and(|u| u < datum);
            let schakelen = route.leerroute != Leerroute::Onderwijs && datum <= schakelen_tot;
            let weights = [
                40,
                if schakelen { 30 } else { 0 },
                if afschalen { 40 } else { 0 },
            ];
            let (reden, route) = match weighted(rng, &weights) {
                1 if route.leerroute == Leerroute::B1 => (
                    PipWijzigingsreden::Schakelen,
                    Route {
                        leerroute: Leerroute::Z,
                        niveau: None,
                    },
                ),
                1 => (
                    PipWijzigingsreden::Schakelen,
                    Route {
                        leerroute: Leerroute::B1,
                        niveau: Some(Niveau::B1),
                    },
                ),
                2 => (
                    PipWijzigingsreden::Afschalen,
                    Route {
                        leerroute: Leerroute::B1,
                        niveau: Some(Niveau::A2),
                    },
                ),
                _ => (PipWijzigingsreden::Anders, route),
            };
            out.push(Versie {
                id: self.id(),
                dagtekening: Some(datum),
                route,
                reden: Some(reden),
            });
        }
        out
    }

    /// Writes the versions with their goals and activities; returns the goal ids of the last version.
    pub fn write_pips(&mut self, plan: &Plan, versies: &[Versie]) -> Vec<Uuid> {
        let p = self.p;
        let d = &p.details;
        let alfa = match d.alfabetisering {
            Some(Alfabetisering::A) => AlfaIndicator::A,
            Some(Alfabetisering::Aa) => AlfaIndicator::Aa,
            _ => AlfaIndicator::Nvt,
        };
        let rng = &mut self.rng;
        let intensiteit = rng.gen_range(6..=12) * 100;
        let n_doelen = 2 + weighted(rng, &[40, 40, 20]);
        let first = rng.gen_range(0..DOMEINEN.len());
        let mut doelen: Vec<(Uuid, usize)> = Vec::with_capacity(n_doelen + 1);
        for i in 0..n_doelen {
            doelen.push((self.id(), (first + i * 2) % DOMEINEN.len()));
        }
        // Ids of the course, PVT and MAP, then one per goal (and one for a goal a later version adds).
        let activiteiten: Vec<Uuid> = (0..n_doelen + 4).map(|_| self.id()).collect();
        let last = versies.len() - 1;
        for (i, v) in versies.iter().enumerate() {
            if i > 0 && i == last && chance(&mut self.rng, 0.5) {
                // The new version adds a goal (with its own id from then on).
                doelen.push((self.id(), (first + n_doelen * 2) % DOMEINEN.len()));
            }
            let status = match (v.dagtekening, i == last) {
                (None, _) => PipStatus::Concept,
                (Some(_), true) => PipStatus::Vastgesteld,
                (Some(_), false) => PipStatus::Vervangen,
            };
            let opgesteld = match v.dagtekening {
                Some(dt) if i > 0 => plus(dt, -14),
                _ => plan.concept_op,
            };
            let gewijzigd = versies
                .get(i + 1)
                .and_then(|n| n.dagtekening)
                .or(v.dagtekening)
                .unwrap_or(plan.concept_op);
            let asiel_b1 = v.route.leerroute == Leerroute::B1 && self.f.asiel;
            let zienswijze = v.dagtekening.map(|dt| plus(dt, -3));
            self.out.pips.push(BulkPip {
                id: v.id,
                persoon: self.f.persoon,
                gemeente: self.f.gemeente,
                nummer: i32::try_from(i + 1).unwrap_or(1),
                status: status.code(),
                reden: v.reden.map(|r| r.code()),
                reden_toelichting: v.reden.map(|r| toelichting(r.code())),
                leerroute: Some(v.route.leerroute.code()),
                niveau: v.route.niveau.map(|n| n.code()),
                alfabetisering: Some(alfa.code()),
                intensiteit_uren: asiel_b1.then_some(intensiteit),
                aantal_voortgangsgesprekken: Some(12),
                inhoud: js::pip_inhoud(
                    v.route.leerroute != Leerroute::Onderwijs,
                    d.uitkering_pw == Some(true),
                    zienswijze,
                ),
                dagtekening: v.dagtekening,
                door: self.f.regisseur,
                aangemaakt_op: opgesteld,
                gewijzigd_op: gewijzigd,
            });
            let start = v.dagtekening.unwrap_or(plan.concept_op);
            for (j, (doel_id, dm)) in doelen.iter().enumerate() {
                let dm = &DOMEINEN[*dm];
                let status = match (plan.fase, i == last) {
                    (Fase::Voldaan, true) => "behaald",
                    (_, true) if j == 0 && i > 0 => "behaald",
                    _ => "lopend",
                };
                self.out.pip_doelen.push(BulkPipDoel {
                    pip_id: v.id,
                    doel_id: *doel_id,
                    volgorde: i32::try_from(j + 1).unwrap_or(1),
                    leefdomein: dm.code,
                    omschrijving: dm.doel,
                    streefdatum: start.checked_add_months(Months::new(12)),
                    uitvoerder: dm.uitvoerder,
                    status,
                });
            }
            // The onderwijsroute has no MAP (Wet art. 15) and its course is the school itself.
            let mut acts = vec![(1, &PVT)];
            if v.route.leerroute != Leerroute::Onderwijs {
                acts.insert(0, (0, &TAALCURSUS));
                acts.push((2, &MAP));
            }
            let eind = start.checked_add_months(Months::new(24));
            for (j, (k, a)) in acts.iter().enumerate() {
                self.out.pip_activiteiten.push(BulkPipActiviteit {
                    pip_id: v.id,
                    activiteit_id: activiteiten[*k],
                    volgorde: i32::try_from(j + 1).unwrap_or(1),
                    doel_id: None,
                    omschrijving: a.omschrijving,
                    aanbieder: a.aanbieder,
                    uren_per_week: Some(a.uren),
                    startdatum: Some(start),
                    einddatum: eind,
                });
            }
            // One activity per goal, linked to it.
            for (j, (doel_id, dm)) in doelen.iter().enumerate().take(activiteiten.len() - 3) {
                let dm = &DOMEINEN[*dm];
                self.out.pip_activiteiten.push(BulkPipActiviteit {
                    pip_id: v.id,
                    activiteit_id: activiteiten[3 + j],
                    volgorde: i32::try_from(acts.len() + j + 1).unwrap_or(1),
                    doel_id: Some(*doel_id),
                    omschrijving: dm.doel,
                    aanbieder: dm.uitvoerder,
                    uren_per_week: Some(2.0),
                    startdatum: Some(start),
                    einddatum: start.checked_add_months(Months::new(6)),
                });
            }
        }
        doelen.into_iter().map(|(id, _)| id).collect()
    }
}
