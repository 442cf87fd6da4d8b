//! The koppeling (COA profile, pre-intake, warm handover) and the brede intake (conversations and
//! sections, some in two versions) of one person.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use wegwijs_domain::person::Werkervaring;
use wegwijs_domain::trajectory::codes::{GesprekPlaats, LbtUitslag, SectieStatus, TolkSoort};
use wegwijs_storage::bulk_trajectory::{
    BulkIntake, BulkIntakeGesprek, BulkIntakeSectie, BulkKoppeling,
};

use super::pick::{chance, one_of, weighted};
use super::trajectory::Maker;
use super::trajectory_json as js;
use super::trajectory_plan::{Plan, dag};
use super::trajectory_texts::{AZC, COA_CONTACTS, DOMEINEN, FUNCTIES, KLACHTEN};

impl Maker<'_> {
    pub fn koppeling(&mut self) {
        let Some(k) = self.f.koppeling else {
            return;
        };
        let today = self.f.today;
        let p = self.p;
        let d = &p.details;
        let rng = &mut self.rng;
        let asiel = self.f.asiel;
        let (mut profiel, mut voorintake, mut overdracht) =
            ("{}".to_owned(), "{}".to_owned(), "{}".to_owned());
        let mut overdracht_datum = None;
        if asiel {
            let beperking = chance(rng, 0.1).then_some("Loopt met een kruk.");
            profiel = js::coa_profiel(
                self.f.gezin,
                d.talen.as_deref(),
                d.opleidingsniveau.map(|o| o.label()),
                d.werkervaring.map(|w| w.label()),
                beperking,
            );
            if chance(rng, 0.4) {
                voorintake = js::voorintake(dag(rng, k, 0, 20).min(today), rng.gen_range(20..=90));
            }
            let datum = dag(rng, k, 7, 60);
            if let Some(naar) = self
                .f
                .regisseur
                .filter(|_| datum <= today && chance(rng, 0.85))
            {
                overdracht_datum = Some(datum);
                let van = *one_of(rng, COA_CONTACTS);
                overdracht = js::overdracht(
                    van,
                    naar,
                    datum,
                    "Gezinssituatie, gezondheid, taal en opleiding besproken.",
                );
            }
        }
        self.out.koppelingen.push(BulkKoppeling {
            persoon: self.f.persoon,
            gemeente: self.f.gemeente,
            taakstelling: asiel.then(|| (k.year(), if k.month() <= 6 { 1 } else { 2 })),
            azc_locatie: asiel.then(|| *one_of(rng, AZC)),
            coa_contact: asiel.then(|| (*one_of(rng, COA_CONTACTS)).to_owned()),
            profiel,
            voorintake,
            overdracht,
            overdracht_datum,
            door: self.f.regisseur,
            op: overdracht_datum.unwrap_or(k),
        });
    }

    pub fn intake(&mut self, plan: &Plan) {
        let f = &self.f;
        self.out.intakes.push(BulkIntake {
            persoon: f.persoon,
            gemeente: f.gemeente,
            gestart_op: plan.intake_start,
            afgerond_op: plan.intake_af,
        });
        let end = plan.intake_af.unwrap_or(f.today);
        let span = (end - plan.intake_start).num_days();
        let n = 1 + weighted(&mut self.rng, &[45, 35, 20]);
        let mut dates: Vec<NaiveDate> = (0..n)
            .map(|i| {
                if i == 0 {
                    plan.intake_start
                } else {
                    dag(&mut self.rng, plan.intake_start, 0, span)
                }
            })
            .collect();
        dates.sort();
        dates.dedup();
        let p = self.p;
        let d = &p.details;
        for datum in dates {
            let rng = &mut self.rng;
            let housed = self.f.huisvesting.is_some_and(|h| h <= datum);
            let plaats = if housed {
                [
                    GesprekPlaats::Thuis,
                    GesprekPlaats::Gemeentehuis,
                    GesprekPlaats::Online,
                ][weighted(rng, &[40, 45, 15])]
            } else {
                GesprekPlaats::Azc
            };
            let tolk = d.tolk_nodig == Some(true);
            let soort = [
                TolkSoort::Telefonisch,
                TolkSoort::Aanwezig,
                TolkSoort::Sleutelpersoon,
            ][weighted(rng, &[50, 35, 15])];
            let id = self.id();
            self.out.intake_gesprekken.push(BulkIntakeGesprek {
                id,
                persoon: self.f.persoon,
                datum,
                plaats: plaats.code(),
                deelnemers: if self.f.gezin {
                    "Inburgeraar, partner, regisseur"
                } else {
                    "Inburgeraar, regisseur"
                },
                tolk_taal: if tolk { d.tolk_taal.clone() } else { None },
                tolk_soort: tolk.then(|| soort.code()),
                notities: "Kennismaking en afspraken voor de volgende stap.",
                door: self.f.regisseur,
            });
        }
        self.secties(plan, end);
    }

    fn secties(&mut self, plan: &Plan, end: NaiveDate) {
        let p = self.p;
        let d = &p.details;
        let compleet = plan.intake_af.is_some();
        let start = plan.intake_start;
        let span = (end - start).num_days();
        let rng = &mut self.rng;
        let lbt_dag = dag(rng, start, 0, span);
        let lbt = match plan.lbt {
            Some(u) => {
                let hoog = u == LbtUitslag::B1Haalbaar;
                let score = |rng: &mut rand::rngs::StdRng| {
                    if hoog {
                        rng.gen_range(60..=100)
                    } else {
                        rng.gen_range(10..=59)
                    }
                };
                let scores = (score(rng), score(rng));
                js::lbt_afgenomen(u, lbt_dag, scores)
            }
            None => js::lbt_overgeslagen(),
        };
        let land = d.geboorteland.as_deref().unwrap_or("onbekend");
        let niveau = d.opleidingsniveau.map_or("onbekend", |o| o.label());
        let jaren = rng.gen_range(0..=14);
        let werk = match d.werkervaring {
            Some(Werkervaring::Geen) | None => None,
            Some(_) => Some((*one_of(rng, FUNCTIES), rng.gen_range(1..=12))),
        };
        let klacht = chance(rng, 0.3).then(|| *one_of(rng, KLACHTEN));
        let mut secties: Vec<(String, String, bool)> = vec![
            ("leerbaarheidstoets".into(), lbt, false),
            (
                "opleiding-werk".into(),
                js::opleiding_werk(land, niveau, jaren, werk),
                false,
            ),
            ("gezondheid".into(), js::gezondheid(klacht), true),
            (
                "gezin-kinderopvang".into(),
                js::gezin_kinderopvang(self.f.gezin, lbt_dag),
                false,
            ),
        ];
        let domeinen = 1 + weighted(rng, &[20, 40, 30, 10]);
        let first = rng.gen_range(0..DOMEINEN.len());
        for i in 0..domeinen {
            let dm = &DOMEINEN[(first + i * 3) % DOMEINEN.len()];
            let belemmering = chance(rng, 0.7).then_some(dm.belemmering);
            let inhoud = js::leefdomein(dm.situatie, belemmering, dm.wens);
            secties.push((format!("leefdomein-{}", dm.code), inhoud, dm.bijzonder));
        }
        for (i, (sectie, inhoud, bijzonder)) in secties.into_iter().enumerate() {
            let rng = &mut self.rng;
            // An intake under way has done some sections, partly or wholly; a closed one all of them.
            if !compleet && i > 0 && chance(rng, 0.35) {
                continue;
            }
            let klaar = compleet || chance(rng, 0.5);
            let op = if i == 0 {
                lbt_dag
            } else {
                dag(rng, start, 0, span)
            };
            let twee = klaar && chance(rng, 0.25) && op > start;
            let mut push = |versie, status: SectieStatus, op| {
                self.out.intake_secties.push(BulkIntakeSectie {
                    persoon: self.f.persoon,
                    sectie: sectie.clone(),
                    versie,
                    status: status.code(),
                    inhoud: inhoud.clone(),
                    bijzonder,
                    door: self.f.regisseur,
                    op,
                });
            };
            if twee {
                let eerder = dag(rng, start, 0, (op - start).num_days() - 1);
                push(1, SectieStatus::Deels, eerder);
                push(2, SectieStatus::Compleet, op);
            } else {
                push(
                    1,
                    if klaar {
                        SectieStatus::Compleet
                    } else {
                        SectieStatus::Deels
                    },
                    op,
                );
            }
        }
    }
}
