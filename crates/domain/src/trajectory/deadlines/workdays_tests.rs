//! Worked examples for the Algemene termijnenwet (D-10).

use super::test_dates::d;
use super::workdays::*;

#[test]
fn easter_matches_the_published_dates() {
    for (jaar, pasen) in [
        (2024, "2024-03-31"),
        (2025, "2025-04-20"),
        (2026, "2026-04-05"),
        (2027, "2027-03-28"),
        (2038, "2038-04-25"),
        (2285, "2285-03-22"),
    ] {
        assert_eq!(paaszondag(jaar), d(pasen), "Pasen {jaar}");
    }
}

#[test]
fn holidays_of_2026_are_the_atw_list() {
    let verwacht = [
        "2026-01-01", // Nieuwjaarsdag
        "2026-04-03", // Goede Vrijdag
        "2026-04-06", // tweede paasdag
        "2026-04-27", // Koningsdag
        "2026-05-05", // Bevrijdingsdag (not a lustrum year: still a holiday under Atw art. 3)
        "2026-05-14", // Hemelvaartsdag
        "2026-05-25", // tweede pinksterdag
        "2026-12-25",
        "2026-12-26",
    ];
    let verwacht: Vec<_> = verwacht.iter().map(|s| d(s)).collect();
    assert_eq!(feestdagen(2026), verwacht);
}

#[test]
fn koningsdag_moves_to_the_26th_when_the_27th_is_a_sunday() {
    // 27 April 2025 was a Sunday.
    let feest = feestdagen(2025);
    assert!(feest.contains(&d("2025-04-26")));
    assert!(!feest.contains(&d("2025-04-27")));
    assert!(is_werkdag(d("2025-04-28")));
}

#[test]
fn a_term_ending_on_a_holiday_or_weekend_moves_to_the_next_working_day() {
    assert_eq!(
        verschuif_naar_werkdag(d("2026-04-27")),
        d("2026-04-28"),
        "Koningsdag (ma)"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-05-05")),
        d("2026-05-06"),
        "5 mei (di)"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-05-14")),
        d("2026-05-15"),
        "Hemelvaart (do)"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-04-03")),
        d("2026-04-07"),
        "Goede Vrijdag -> di"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-12-25")),
        d("2026-12-28"),
        "Kerst (vr) -> ma"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-03-07")),
        d("2026-03-09"),
        "zaterdag -> ma"
    );
    assert_eq!(
        verschuif_naar_werkdag(d("2026-03-10")),
        d("2026-03-10"),
        "werkdag blijft"
    );
}

#[test]
fn the_longest_shift_is_five_days_when_easter_monday_meets_koningsdag() {
    // 2038: Goede Vrijdag 23 April, Pasen 25, tweede paasdag 26, Koningsdag Tuesday 27 April.
    assert_eq!(verschuif_naar_werkdag(d("2038-04-23")), d("2038-04-28"));
}
