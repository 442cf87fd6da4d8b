//! The shared facts of a household and the key dates of an arrival, with the rules that keep them
//! consistent: koppeling within the 3 years before today, BRP 0-90 days after koppeling, DUO's
//! kennisgeving 0-30 days after BRP, housing around BRP. A date that would lie after today has not
//! happened yet and stays empty (the person is, say, still in the AZC).
//!
//! A few newcomers arrived before 2022 and still follow the Wet inburgering 2013: the regime follows
//! the koppeling date, never a coin flip (Wi2021 applies to whoever became inburgeringsplichtig from
//! 1 January 2022 on).

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::rngs::StdRng;
use wegwijs_domain::person::{Doelgroep, Postcode, Regime};

use super::names::STREETS;
use super::origins::{Country, Speech};
use super::pick::{chance, days_after, one_of};
use super::region::Area;

/// Koppeling lies within this many days before today.
const KOPPELING_WINDOW_DAYS: u64 = 3 * 365;

/// Share of arrivals from before the Wet inburgering 2021 (koppeling in 2019-2021).
const WI2013_SHARE: f64 = 0.06;

/// The first day of the Wet inburgering 2021.
pub const WI2021_START: NaiveDate = match NaiveDate::from_ymd_opt(2022, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A koppeling this recent means the household is still waiting for its regisseur.
pub const AWAITING_ASSIGNMENT_DAYS: i64 = 42;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrival {
    pub koppeling: NaiveDate,
    pub brp: Option<NaiveDate>,
    pub duo: Option<NaiveDate>,
    pub huisvesting: Option<NaiveDate>,
}

fn not_after(date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    (date <= today).then_some(date)
}

impl Arrival {
    /// The referentiepersoon's arrival: koppeling in the last 3 years, the rest following it.
    pub fn first(rng: &mut StdRng, today: NaiveDate, doelgroep: Doelgroep) -> Arrival {
        let earliest_wi2013 = WI2021_START - Days::new(3 * 365);
        let koppeling = if today > WI2021_START && chance(rng, WI2013_SHARE) {
            let span = u64::try_from((WI2021_START - earliest_wi2013).num_days()).unwrap_or(0);
            earliest_wi2013 + Days::new(rng.gen_range(0..span))
        } else {
            today - Days::new(rng.gen_range(0..=KOPPELING_WINDOW_DAYS))
        };
        Self::from_koppeling(rng, today, koppeling, doelgroep)
    }

    /// The law that applies: the one in force when the person became inburgeringsplichtig.
    pub fn regime(&self) -> Regime {
        if self.koppeling < WI2021_START {
            Regime::Wi2013
        } else {
            Regime::Wi2021
        }
    }

    /// Koppeled so recently that no regisseur has been assigned yet.
    pub fn awaiting_assignment(&self, today: NaiveDate) -> bool {
        (today - self.koppeling).num_days() <= AWAITING_ASSIGNMENT_DAYS
    }

    /// A nareiziger arrives 3-18 months after the referentiepersoon and moves into the same home on
    /// arrival (so has one only when the referentiepersoon has). `None` when 3 months have not
    /// passed yet.
    pub fn nareiziger(rng: &mut StdRng, today: NaiveDate, first: &Arrival) -> Option<Arrival> {
        let since = u64::try_from((today - first.koppeling).num_days()).unwrap_or(0);
        if since < 90 {
            return None;
        }
        let koppeling = first.koppeling + Days::new(rng.gen_range(90..=since.min(540)));
        let mut a = Self::from_koppeling(rng, today, koppeling, Doelgroep::Asielstatushouder);
        a.huisvesting = first.huisvesting.map(|home| home.max(koppeling));
        Some(a)
    }

    fn from_koppeling(
        rng: &mut StdRng,
        today: NaiveDate,
        koppeling: NaiveDate,
        doelgroep: Doelgroep,
    ) -> Arrival {
        let brp = not_after(days_after(rng, koppeling, 90), today);
        let duo = brp.and_then(|b| not_after(days_after(rng, b, 30), today));
        let huisvesting = match (doelgroep, brp) {
            (_, None) => None,
            // Status holders get a home from the taakstelling, around the BRP registration.
            (Doelgroep::Asielstatushouder, Some(b)) => {
                let d = days_after(rng, b, 50) - Days::new(20);
                not_after(d.max(koppeling), today)
            }
            // Family and other migrants register at the address where they come to live.
            (_, Some(b)) => Some(b),
        };
        Arrival {
            koppeling,
            brp,
            duo,
            huisvesting,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub straat: String,
    pub huisnummer: String,
    pub postcode: Option<Postcode>,
    pub woonplaats: String,
}

impl Address {
    pub fn random(rng: &mut StdRng, areas: &[Area]) -> Address {
        let area = one_of(rng, areas);
        let digits = rng.gen_range(area.first..=area.last);
        let letters = loop {
            let a = char::from(b'A' + rng.gen_range(0..26u8));
            let b = char::from(b'A' + rng.gen_range(0..26u8));
            if !matches!((a, b), ('S', 'A' | 'D' | 'S')) {
                break format!("{a}{b}");
            }
        };
        let mut huisnummer = rng.gen_range(1..=180u32).to_string();
        if chance(rng, 0.1) {
            huisnummer.push(*one_of(rng, &['a', 'b', 'c']));
        }
        Address {
            straat: (*one_of(rng, STREETS)).to_owned(),
            huisnummer,
            postcode: Postcode::parse(&format!("{digits} {letters}")).ok(),
            woonplaats: area.woonplaats.clone(),
        }
    }
}

/// What every member of one household shares.
pub struct Household<'a> {
    pub country: &'a Country,
    pub speech: Speech,
    pub doelgroep: Doelgroep,
    pub arrival: Arrival,
    /// `None` while the household has no home in the gemeente yet.
    pub address: Option<Address>,
}

/// Doelgroep of a newcomer: about 70% asielstatushouder, 20% gezinsmigrant, 10% overige migrant.
pub fn pick_doelgroep(rng: &mut StdRng) -> Doelgroep {
    match rng.gen_range(0..100) {
        0..=69 => Doelgroep::Asielstatushouder,
        70..=89 => Doelgroep::Gezinsmigrant,
        _ => Doelgroep::OverigeMigrant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn arrival_dates_follow_each_other_and_never_pass_today() {
        let mut rng = StdRng::seed_from_u64(3);
        let today = NaiveDate::from_ymd_opt(2026, 5, 1).expect("date");
        for _ in 0..2000 {
            let doelgroep = pick_doelgroep(&mut rng);
            let a = Arrival::first(&mut rng, today, doelgroep);
            assert!(a.koppeling <= today);
            assert!(
                (today - a.koppeling).num_days() <= 3 * 365 || a.regime() == Regime::Wi2013,
                "{a:?}"
            );
            assert_eq!(a.regime() == Regime::Wi2013, a.koppeling < WI2021_START);
            if let Some(b) = a.brp {
                assert!(b >= a.koppeling && (b - a.koppeling).num_days() <= 90 && b <= today);
            }
            if let Some(d) = a.duo {
                let b = a.brp.expect("duo follows brp");
                assert!(d >= b && (d - b).num_days() <= 30 && d <= today);
            }
            if let Some(n) = Arrival::nareiziger(&mut rng, today, &a) {
                assert!(n.koppeling >= a.koppeling + Days::new(90) && n.koppeling <= today);
                assert!(n.huisvesting.is_none() || a.huisvesting.is_some());
            }
        }
    }
}
