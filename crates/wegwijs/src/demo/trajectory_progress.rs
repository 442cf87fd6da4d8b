//! After the PIP: course and participation hours per half-year, and voortgangsgesprekken every three
//! months from the first dagtekening: held on time, planned ahead, or overdue, so the werkvoorraad has
//! reviews to chase.

use chrono::{Months, NaiveDate};
use rand::Rng;
use uuid::Uuid;
use wegwijs_domain::trajectory::codes::{Leerroute, UrenSoort};
use wegwijs_storage::bulk_trajectory::{BulkUren, BulkVoortgangsgesprek};

use super::pick::{chance, weighted};
use super::trajectory::{Fase, Maker};
use super::trajectory_json as js;
use super::trajectory_pip::Versie;
use super::trajectory_plan::{Plan, plus};

/// Reviews every three months: the default of `voortgang_interval_maanden`.
const REVIEW_MONTHS: u32 = 3;

impl Maker<'_> {
    pub fn pip_en_voortgang(&mut self, plan: &Plan) {
        let Some(d1) = plan.d1 else {
            let versies = self.versies(plan, None);
            self.write_pips(plan, &versies);
            return;
        };
        // The termijn starts the day after the first dagtekening (Wet art. 11 lid 2).
        let start = plus(d1, 1);
        let school = plan.route.leerroute == Leerroute::Onderwijs;
        let rate = self.rng.gen_range(220..=300);
        let cursus = if school {
            Vec::new()
        } else {
            self.blokken(start, plan.einde, rate)
        };
        let mut total = 0;
        let uren_600 = cursus.iter().find_map(|(_, tot, uren)| {
            total += uren;
            (total >= 600).then_some(*tot)
        });
        let versies = self.versies(plan, uren_600);
        let doelen = self.write_pips(plan, &versies);
        let route = versies.last().map_or(plan.route, |v| v.route);
        self.uren(UrenSoort::Nt2Cursus, &cursus, "Lessen bij Gilde Educatie");
        let mut participatie = Vec::new();
        if route.leerroute == Leerroute::Z || plan.route.leerroute == Leerroute::Z {
            let rate = self.rng.gen_range(200..=340);
            participatie = self.blokken(start, plan.einde, rate);
            self.uren(
                UrenSoort::Participatie,
                &participatie,
                "Taalcafé en vrijwilligerswerk",
            );
            if let (true, Some(af)) = (self.f.asiel, plan.intake_af) {
                // Hours during the brede intake count for the Z-route (Besluit 3.14).
                let uren = self.rng.gen_range(20..=60);
                self.uren_rij(
                    UrenSoort::Participatie,
                    (plan.intake_start, af, uren),
                    true,
                    "Activering tijdens de intake",
                );
            }
        }
        self.reviews(plan, d1, &versies, &doelen);
        let sum = |b: &[(NaiveDate, NaiveDate, i32)]| b.iter().map(|x| x.2).sum::<i32>();
        self.afronding(plan, start, route, (sum(&cursus), sum(&participatie)));
    }

    /// Hours per half-year from `start` to `end`, at `rate` hours per full half-year.
    fn blokken(
        &mut self,
        start: NaiveDate,
        end: NaiveDate,
        rate: i32,
    ) -> Vec<(NaiveDate, NaiveDate, i32)> {
        let mut out = Vec::new();
        let mut van = start;
        while van < end {
            let tot = plus(van, 181).min(end);
            let days = i32::try_from((tot - van).num_days() + 1).unwrap_or(0);
            let uren = rate * days / 182;
            if uren > 0 {
                out.push((van, tot, uren));
            }
            van = plus(tot, 1);
        }
        out
    }

    fn uren(
        &mut self,
        soort: UrenSoort,
        blokken: &[(NaiveDate, NaiveDate, i32)],
        omschrijving: &'static str,
    ) {
        for b in blokken {
            self.uren_rij(soort, *b, false, omschrijving);
        }
    }

    pub fn uren_rij(
        &mut self,
        soort: UrenSoort,
        (van, tot, uren): (NaiveDate, NaiveDate, i32),
        tijdens_intake: bool,
        omschrijving: &'static str,
    ) {
        let id = self.id();
        self.out.uren.push(BulkUren {
            id,
            persoon: self.f.persoon,
            soort: soort.code(),
            van,
            tot: tot.max(van),
            uren: uren.max(1),
            tijdens_intake,
            omschrijving,
            door: self.f.regisseur,
        });
    }

    fn reviews(&mut self, plan: &Plan, d1: NaiveDate, versies: &[Versie], doelen: &[Uuid]) {
        let end = plan.einde;
        // 0: on time with the next one planned; 1: the last one planned but not held; 2: none planned.
        let scenario = match plan.fase {
            Fase::Afronding | Fase::Voldaan => 0,
            _ => weighted(&mut self.rng, &[65, 22, 13]),
        };
        let mut dates = Vec::new();
        let mut i = 1;
        while let Some(d) = d1.checked_add_months(Months::new(REVIEW_MONTHS * i)) {
            if d > end {
                if scenario == 0 && plan.voldaan.is_none() {
                    dates.push((d, false));
                }
                break;
            }
            dates.push((d, true));
            i += 1;
        }
        let held_count = dates.iter().filter(|x| x.1).count();
        match scenario {
            1 if held_count > 0 => dates.truncate(held_count),
            2 => dates
                .truncate(held_count.saturating_sub(1 + usize::from(chance(&mut self.rng, 0.5)))),
            _ => {}
        }
        if scenario == 1
            && let Some(last) = dates.last_mut()
        {
            last.1 = false;
        }
        let later: Vec<NaiveDate> = versies
            .iter()
            .skip(1)
            .filter_map(|v| v.dagtekening)
            .collect();
        let goals = &doelen[..doelen.len().min(2)];
        let mut previous = d1;
        for (n, (gepland, held)) in dates.iter().enumerate() {
            let gehouden = held.then(|| {
                plus(*gepland, self.rng.gen_range(-5..=5))
                    .max(plus(previous, 1))
                    .min(end)
            });
            let next = dates.get(n + 1).map(|x| x.0);
            // The review just before a new version decided to adjust the PIP.
            let aanpassen = gehouden.is_some_and(|g| {
                later
                    .iter()
                    .any(|v| *v > g && next.is_none_or(|nx| nx >= *v))
            });
            let status = if chance(&mut self.rng, 0.75) {
                "op_schema"
            } else {
                "vertraagd"
            };
            let id = self.id();
            self.out.voortgangsgesprekken.push(BulkVoortgangsgesprek {
                id,
                persoon: self.f.persoon,
                gepland_op: *gepland,
                gehouden_op: gehouden,
                deelnemers: if gehouden.is_some() {
                    "Inburgeraar, regisseur, taalaanbieder"
                } else {
                    ""
                },
                verslag: if gehouden.is_some() {
                    "Voortgang besproken aan de hand van de doelen."
                } else {
                    ""
                },
                besluiten: if aanpassen { "PIP aanpassen." } else { "" },
                doelvoortgang: if gehouden.is_some() {
                    js::doelvoortgang(goals, status)
                } else {
                    "[]".to_owned()
                },
                pip_aanpassen: aanpassen,
                door: self.f.regisseur,
                aangemaakt_op: previous,
            });
            previous = gehouden.unwrap_or(previous);
        }
    }
}
