//! Worked examples for the inburgeringstermijn (E-1..E-5, E-10, F-4).

use super::termijn::*;
use super::test_dates::d;

fn verlenging(eind: &str) -> Verlenging {
    Verlenging {
        grond: VerlengingGrond::GeenVerwijt,
        besluitdatum: d("2029-01-15"),
        nieuwe_einddatum: d(eind),
    }
}

#[test]
fn e2_e4_termijn_starts_the_day_after_the_first_dagtekening_and_ends_three_years_later() {
    let t = inburgeringstermijn(d("2026-05-11"), &[]);
    assert_eq!(t.start, d("2026-05-12"));
    assert_eq!(t.einddatum, d("2029-05-12"), "DUO einddatum, exclusive");
    assert_eq!(t.laatste_dag(), d("2029-05-11"));
    assert!(!t.verlengd);
}

#[test]
fn e4_a_start_on_29_february_clamps_to_28_february() {
    // Dagtekening 28 Feb 2028 (leap year): start 29 Feb 2028; 2031 has no 29 Feb.
    let t = inburgeringstermijn(d("2028-02-28"), &[]);
    assert_eq!(t.start, d("2028-02-29"));
    assert_eq!(t.einddatum, d("2031-02-28"));
    assert_eq!(t.laatste_dag(), d("2031-02-27"));
}

#[test]
fn e4_a_dagtekening_on_new_years_eve_starts_on_1_january() {
    let t = inburgeringstermijn(d("2026-12-31"), &[]);
    assert_eq!(t.start, d("2027-01-01"));
    assert_eq!(t.einddatum, d("2030-01-01"));
    assert_eq!(t.laatste_dag(), d("2029-12-31"));
}

#[test]
fn e5_the_latest_verlenging_counts_and_none_shortens() {
    let t = inburgeringstermijn(
        d("2026-05-11"),
        &[
            verlenging("2029-11-12"),
            verlenging("2030-05-12"),
            verlenging("2028-01-01"),
        ],
    );
    assert_eq!(t.oorspronkelijke_einddatum, d("2029-05-12"));
    assert_eq!(t.einddatum, d("2030-05-12"));
    assert!(t.verlengd);
    let korter = inburgeringstermijn(d("2026-05-11"), &[verlenging("2028-01-01")]);
    assert_eq!(korter.einddatum, d("2029-05-12"));
}

#[test]
fn f4_schakelen_is_allowed_until_eighteen_months_after_the_start() {
    let t = inburgeringstermijn(d("2026-05-11"), &[]);
    assert_eq!(t.schakelen_uiterlijk, d("2027-11-11"));
}

#[test]
fn e10_verlenging_may_be_requested_from_six_months_before_the_end() {
    let t = inburgeringstermijn(d("2026-05-11"), &[]);
    assert_eq!(t.verlenging_aanvragen_vanaf, d("2028-11-12"));
    let verlengd = inburgeringstermijn(d("2026-05-11"), &[verlenging("2029-11-12")]);
    assert_eq!(verlengd.verlenging_aanvragen_vanaf, d("2029-05-12"));
}

#[test]
fn verlenging_ground_codes_round_trip() {
    for g in VerlengingGrond::ALL {
        assert_eq!(VerlengingGrond::parse(g.code()), Some(*g));
    }
}
