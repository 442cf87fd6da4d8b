//! Composing one unit of newcomers: a single adult or a household.
//!
//! About 40% of the adults live alone (no huishouden row). The others live in households of 2 to 7:
//! a referentiepersoon, usually a partner, children, sometimes an adult child or another relative.
//! In about 30% of the status holders' families the partner and children came later through
//! gezinshereniging (nareizigers). Members share the gemeente and the address.

use chrono::{Days, Months, NaiveDate};
use rand::Rng;
use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::person::Doelgroep;
use wegwijs_storage::bulk::BulkHousehold;

use super::facts::{Address, Arrival, Household, pick_doelgroep};
use super::fill::{GemeenteRun, Output};
use super::origins::pick_country;
use super::persons::{AdultSpec, Gen};
use super::pick::{chance, weighted};

const LARGEST_HOUSEHOLD: usize = 7;

/// Adult ages, weighted towards young adults as among newcomers: 18-24, 25-34, 35-44, 45-54, 55-67.
fn adult_age(rng: &mut rand::rngs::StdRng) -> u32 {
    let bands = [(18, 24), (25, 34), (35, 44), (45, 54), (55, 67)];
    let (lo, hi) = bands[weighted(rng, &[25, 35, 22, 11, 7])];
    rng.gen_range(lo..=hi)
}

/// Birth dates of `n` siblings, youngest first, none older than `oldest_age` years: siblings are born
/// 15 months to 4 years apart, or on the same day (twins, about 2%), as real siblings are; fewer than
/// `n` when the parents' ages leave no room for more.
pub(super) fn sibling_births(
    rng: &mut rand::rngs::StdRng,
    today: NaiveDate,
    oldest_age: u32,
    n: usize,
) -> Vec<NaiveDate> {
    // The day after the oldest allowed child would turn `oldest_age + 1`.
    let earliest = today
        .checked_sub_months(Months::new((oldest_age + 1) * 12))
        .map_or(today, |d| d + Days::new(1));
    let mut births: Vec<NaiveDate> = Vec::with_capacity(n);
    let mut next = today - Days::new(rng.gen_range(0..=(3 * 365).min(days(earliest, today))));
    while births.len() < n && next >= earliest {
        births.push(next);
        let gap = if chance(rng, 0.02) {
            0
        } else {
            rng.gen_range(SIBLING_GAP_DAYS)
        };
        next = next - Days::new(gap);
    }
    births
}

/// 15 months to 4 years between two siblings' births.
const SIBLING_GAP_DAYS: std::ops::RangeInclusive<u64> = 457..=1461;

fn days(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from((to - from).num_days()).unwrap_or(0)
}

impl Gen {
    /// One single adult or one household of at most `room` persons; returns how many were made.
    pub(super) fn unit(&mut self, g: &mut GemeenteRun<'_>, room: usize, out: &mut Output) -> usize {
        let rng = &mut self.rng;
        let doelgroep = pick_doelgroep(rng);
        let country = pick_country(rng);
        let speech = country.speech(rng);
        let arrival = Arrival::first(rng, self.today, doelgroep);
        // One contact point per household: every member gets the same regisseur, or none while the
        // household has just been koppeled and waits for one.
        g.unit_regisseur = if arrival.awaiting_assignment(self.today) {
            None
        } else {
            g.next_regisseur()
        };
        let address = arrival
            .huisvesting
            .map(|_| Address::random(rng, &g.spec.areas));
        let h = Household {
            country,
            speech,
            doelgroep,
            arrival,
            address,
        };
        let cap = room.min(LARGEST_HOUSEHOLD);
        let single = cap == 1 || chance(rng, 0.56);
        // Single newcomers are mostly young men; a family's referentiepersoon is usually the man
        // who came first, a single parent usually a woman.
        let has_partner = !single && chance(rng, 0.75);
        let head_man = match (single, has_partner) {
            (true, _) => chance(rng, 0.84),
            (false, true) => chance(rng, 0.9),
            (false, false) => chance(rng, 0.25),
        };
        let head_age = adult_age(rng);
        let head_surname = country.style.achternaam(rng);
        let head = self.adult(
            &h,
            AdultSpec {
                man: head_man,
                age: head_age,
                arrival: &h.arrival,
                speech: h.speech.clone(),
                shared_uitkering: None,
                surname: head_surname.clone(),
            },
        );
        let head_uitkering = (head.uitkering_pw, head.uitkering_pw_startdatum);
        let head_id = self.push(g, head, out);
        if single {
            return 1;
        }

        let rng = &mut self.rng;
        let later = if doelgroep == Doelgroep::Asielstatushouder && chance(rng, 0.3) {
            Arrival::nareiziger(rng, self.today, &h.arrival)
        } else {
            None
        };
        let nareiziger = later.is_some();
        let family_arrival = later.unwrap_or_else(|| h.arrival.clone());
        let mut leden = vec![LidInput {
            persoon_id: head_id,
            relatie: Relatie::Referentiepersoon,
            nareiziger: false,
        }];
        let mut youngest_parent = head_age;
        let mut father_surname = head_man.then(|| head_surname.clone());

        if has_partner {
            let rng = &mut self.rng;
            let shift: i64 = if head_man {
                rng.gen_range(-8..=3)
            } else {
                rng.gen_range(-3..=8)
            };
            let age = u32::try_from((i64::from(head_age) + shift).clamp(18, 67)).unwrap_or(18);
            youngest_parent = youngest_parent.min(age);
            let surname = country.style.achternaam(rng);
            if !head_man {
                father_surname = Some(surname.clone());
            }
            let speech = if chance(rng, 0.85) {
                h.speech.clone()
            } else {
                country.speech(rng)
            };
            let spec = AdultSpec {
                man: !head_man,
                age,
                arrival: &family_arrival,
                speech,
                shared_uitkering: Some(head_uitkering),
                surname,
            };
            let lid = self.adult_member(g, &h, spec, (Relatie::Partner, nareiziger), out);
            leden.push(lid);
        }

        // An adult child (18-22) is an inburgeraar of its own, within the family.
        // Both parents at least 18 years older than the child (the household form's check asks 12).
        if leden.len() < cap && youngest_parent >= 36 && chance(&mut self.rng, 0.1) {
            let rng = &mut self.rng;
            let age = rng.gen_range(18..=22.min(youngest_parent - 18));
            let man = chance(rng, 0.5);
            let surname = father_surname
                .clone()
                .unwrap_or_else(|| country.style.achternaam(rng));
            let spec = AdultSpec {
                man,
                age,
                arrival: &family_arrival,
                speech: h.speech.clone(),
                shared_uitkering: None,
                surname,
            };
            let lid = self.adult_member(g, &h, spec, (Relatie::Kind, nareiziger), out);
            leden.push(lid);
        }

        // Another relative now and then: mostly a grandmother who came with the referentiepersoon.
        if leden.len() < cap && chance(&mut self.rng, 0.03) {
            let rng = &mut self.rng;
            let (man, age) = (chance(rng, 0.3), rng.gen_range(50..=67));
            let surname = country.style.achternaam(rng);
            let spec = AdultSpec {
                man,
                age,
                arrival: &h.arrival,
                speech: h.speech.clone(),
                shared_uitkering: None,
                surname,
            };
            let lid = self.adult_member(g, &h, spec, (Relatie::Overig, false), out);
            leden.push(lid);
        }

        let rng = &mut self.rng;
        let wanted = if has_partner {
            weighted(rng, &[18, 20, 25, 18, 11, 8])
        } else {
            1 + weighted(rng, &[40, 30, 20, 10])
        };
        let children = wanted.min(cap - leden.len());
        let child_surname = father_surname.unwrap_or_else(|| country.style.achternaam(rng));
        let oldest_child = youngest_parent.saturating_sub(17).min(17);
        let births = sibling_births(&mut self.rng, self.today, oldest_child, children);
        for born in births {
            let (child, born_here) = self.child(&h, &family_arrival, born, &child_surname);
            let id = self.push(g, child, out);
            leden.push(LidInput {
                persoon_id: id,
                relatie: Relatie::Kind,
                nareiziger: nareiziger && !born_here,
            });
        }

        let made = leden.len();
        if made >= 2 {
            let naam = match &head_surname.0 {
                Some(t) => format!("Gezin {t} {}", head_surname.1),
                None => format!("Gezin {}", head_surname.1),
            };
            out.households.push(BulkHousehold {
                id: self.seq.huishouden(),
                gemeente: g.id,
                omschrijving: naam,
                leden,
            });
        }
        made
    }
}
