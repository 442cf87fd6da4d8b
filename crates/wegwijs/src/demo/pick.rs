//! Small sampling helpers on the one seeded generator (rand 0.8's `StdRng`).

use chrono::{Days, NaiveDate};
use rand::Rng;
use rand::rngs::StdRng;

/// An index into `weights`, chosen in proportion to the weights (0 when they are all zero).
pub fn weighted(rng: &mut StdRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return 0;
    }
    let mut ticket = rng.gen_range(0..total);
    for (i, w) in weights.iter().enumerate() {
        if ticket < *w {
            return i;
        }
        ticket -= w;
    }
    weights.len().saturating_sub(1)
}

/// An item of a non-empty constant table, chosen in proportion to `weight`.
pub fn weighted_by<'a, T>(rng: &mut StdRng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut ticket = if total == 0 {
        0
    } else {
        rng.gen_range(0..total)
    };
    for item in items {
        let w = weight(item);
        if ticket < w {
            return item;
        }
        ticket -= w;
    }
    &items[0]
}

/// A uniformly chosen item of a non-empty constant table.
pub fn one_of<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// True with probability `p` (0.0 ..= 1.0).
pub fn chance(rng: &mut StdRng, p: f64) -> bool {
    rng.gen_bool(p.clamp(0.0, 1.0))
}

/// A day `0..=max_days` after `date`.
pub fn days_after(rng: &mut StdRng, date: NaiveDate, max_days: u64) -> NaiveDate {
    date + Days::new(rng.gen_range(0..=max_days))
}

/// A birth date of someone who is exactly `age` years old on `today`.
pub fn birth_date(rng: &mut StdRng, today: NaiveDate, age: u32) -> NaiveDate {
    let latest = today
        .checked_sub_months(chrono::Months::new(age * 12))
        .unwrap_or(today);
    let earliest = today
        .checked_sub_months(chrono::Months::new((age + 1) * 12))
        .unwrap_or(today)
        + Days::new(1);
    let span = u64::try_from((latest - earliest).num_days()).unwrap_or(0);
    earliest + Days::new(rng.gen_range(0..=span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use rand::SeedableRng;

    #[test]
    fn birth_dates_give_the_exact_age() {
        let mut rng = StdRng::seed_from_u64(1);
        let today = NaiveDate::from_ymd_opt(2026, 2, 28).expect("date");
        for age in [0, 1, 17, 18, 67] {
            for _ in 0..200 {
                let b = birth_date(&mut rng, today, age);
                assert_eq!(today.years_since(b), Some(age), "{b} {age}");
                assert!(b.year() > 1900);
            }
        }
    }

    #[test]
    fn weighted_never_picks_a_zero_weight() {
        let mut rng = StdRng::seed_from_u64(2);
        for _ in 0..1000 {
            assert_ne!(weighted(&mut rng, &[3, 0, 5]), 1);
        }
        assert_eq!(weighted(&mut rng, &[0, 0]), 0);
    }
}
