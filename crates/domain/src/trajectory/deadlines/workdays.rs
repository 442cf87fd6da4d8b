//! Working days under the Algemene termijnenwet (Atw, BWBR0002448, version in force from 2010-10-10).
//!
//! Atw art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or algemeen erkende feestdag is
//! extended to the next day that is none of those. Atw art. 3 lid 1 lists the feestdagen: Nieuwjaarsdag,
//! Goede Vrijdag, tweede paasdag, Hemelvaartsdag, tweede pinksterdag, eerste en tweede kerstdag, de dag
//! waarop de verjaardag van de Koning wordt gevierd, en de vijfde mei. The verified rules file (row D-10)
//! names Goede Vrijdag and 5 mei explicitly, so 5 mei counts in EVERY year here, not only in lustrum
//! years (the lustrum-only holiday is a collective-labour-agreement convention, not the Atw).
//! Easter Sunday and Pinksterzondag fall on Sundays and need no entry of their own.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
/// Computed by hand so the engine depends on no holiday table that could go stale.
pub fn paaszondag(jaar: i32) -> NaiveDate {
    let a = jaar.rem_euclid(19);
    let b = jaar.div_euclid(100);
    let c = jaar.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let maand = (h + l - 7 * m + 114) / 31;
    let dag = ((h + l - 7 * m + 114) % 31) + 1;
    // The algorithm yields March 22 .. April 25, always a valid date; the fallback is unreachable
    // but keeps this function total without unwrap.
    NaiveDate::from_ymd_opt(jaar, maand as u32, dag as u32).unwrap_or(NaiveDate::MIN)
}

/// Koningsdag (27 April; 26 April when the 27th is a Sunday, Besluit viering Koningsdag).
fn koningsdag(jaar: i32) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(jaar, 4, 27)?;
    if d.weekday() == Weekday::Sun {
        d.pred_opt()
    } else {
        Some(d)
    }
}

/// The algemeen erkende feestdagen of Atw art. 3 lid 1 in `jaar` (Sunday holidays left out).
pub fn feestdagen(jaar: i32) -> Vec<NaiveDate> {
    let pasen = paaszondag(jaar);
    let na_pasen = |dagen: i64| pasen.checked_add_signed(chrono::Duration::days(dagen));
    [
        NaiveDate::from_ymd_opt(jaar, 1, 1),
        na_pasen(-2), // Goede Vrijdag
        na_pasen(1),  // tweede paasdag
        koningsdag(jaar),
        NaiveDate::from_ymd_opt(jaar, 5, 5), // Bevrijdingsdag, every year (see module doc)
        na_pasen(39),                        // Hemelvaartsdag
        na_pasen(50),                        // tweede pinksterdag
        NaiveDate::from_ymd_opt(jaar, 12, 25),
        NaiveDate::from_ymd_opt(jaar, 12, 26),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Whether `d` is an algemeen erkende feestdag (Atw art. 3 lid 1).
pub fn is_feestdag(d: NaiveDate) -> bool {
    feestdagen(d.year()).contains(&d)
}

/// A day that is not a Saturday, Sunday or feestdag (Atw art. 1 lid 1).
pub fn is_werkdag(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_feestdag(d)
}

/// The date a term ending on `d` really ends under Atw art. 1 lid 1: `d` itself when it is a working
/// day, else the next working day. At most a few days later (Easter weekend: Friday to Tuesday).
pub fn verschuif_naar_werkdag(d: NaiveDate) -> NaiveDate {
    let mut dag = d;
    while !is_werkdag(dag) {
        match dag.checked_add_days(Days::new(1)) {
            Some(volgende) => dag = volgende,
            None => return dag,
        }
    }
    dag
}
