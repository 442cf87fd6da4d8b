//! Worked examples for voortgang (F-3, F-3a), ontzorgen and begeleiding (H-1..H-4) and the hour norms
//! (G-8, G-9a, G-10..G-13, F-9, F-10).

use super::hours::*;
use super::review::*;
use super::support::*;
use super::test_dates::d;
use crate::trajectory::codes::{Leerroute, UrenSoort};

#[test]
fn f3a_next_review_is_the_last_held_one_plus_the_interval() {
    assert_eq!(
        volgende_voortgangsgesprek(None, None, 3),
        None,
        "no PIP, no review"
    );
    assert_eq!(
        volgende_voortgangsgesprek(Some(d("2026-05-11")), None, 3),
        Some(d("2026-08-11"))
    );
    assert_eq!(
        volgende_voortgangsgesprek(Some(d("2026-05-11")), Some(d("2026-11-30")), 3),
        Some(d("2027-02-28")),
        "30 Nov + 3 months clamps to the end of February"
    );
    assert_eq!(
        volgende_voortgangsgesprek(Some(d("2026-05-11")), None, 6),
        Some(d("2026-11-11"))
    );
}

#[test]
fn f3_a_three_year_termijn_at_three_months_holds_twelve_reviews() {
    assert_eq!(
        aantal_voortgangsgesprekken(d("2026-05-11"), d("2029-05-12"), 3),
        12
    );
    assert_eq!(
        aantal_voortgangsgesprekken(d("2026-05-11"), d("2029-05-12"), 4),
        9
    );
}

#[test]
fn h4_ontzorgen_is_exactly_six_months_from_the_right_to_bijstand() {
    let p = ontzorgen(true, Some(d("2026-08-31"))).expect("applies");
    assert_eq!(p.einde_exclusief, d("2027-02-28"));
    assert_eq!(p.laatste_dag(), d("2027-02-27"));
    let p = ontzorgen(true, Some(d("2026-03-01"))).expect("applies");
    assert_eq!(
        (p.start, p.laatste_dag()),
        (d("2026-03-01"), d("2026-08-31"))
    );
}

#[test]
fn h3_ontzorgen_applies_only_to_asiel_permit_holders_with_bijstand() {
    assert_eq!(ontzorgen(false, Some(d("2026-03-01"))), None);
    assert_eq!(ontzorgen(true, None), None);
}

#[test]
fn h1_h2_begeleiding_runs_from_brp_inschrijving_for_the_local_number_of_months() {
    let p = begeleiding(true, Some(d("2026-01-15")), 12).expect("asielstatushouder");
    assert_eq!(p.laatste_dag(), d("2027-01-14"));
    assert!(p.bevat(d("2026-06-01")));
    assert_eq!(begeleiding(false, Some(d("2026-01-15")), 12), None);
}

fn regel(soort: UrenSoort, tot: &str, uren: u32, tijdens_intake: bool) -> UrenRegel {
    UrenRegel {
        soort,
        van: d(tot),
        tot: d(tot),
        uren,
        tijdens_intake,
    }
}

#[test]
fn f10_g13_hours_before_the_pip_count_only_when_followed_during_the_intake() {
    let regels = [
        regel(UrenSoort::Nt2Cursus, "2026-01-10", 40, false), // before the PIP, not intake
        regel(UrenSoort::Nt2Cursus, "2026-02-10", 20, true),  // intake
        regel(UrenSoort::Nt2Cursus, "2026-06-10", 100, false),
        regel(UrenSoort::Pvt, "2026-06-12", 12, false),
    ];
    let t = UrenTotalen::tel(&regels, Some(d("2026-05-11")));
    assert_eq!(t.nt2_cursus, 120);
    assert!(pvt_uren_voldaan(&t));
    assert_eq!(UrenTotalen::tel(&regels, None).nt2_cursus, 20);
}

#[test]
fn g8_g9a_pvt_needs_twelve_hours_and_map_the_local_norm() {
    let t = UrenTotalen {
        pvt: 11,
        map: 64,
        ..Default::default()
    };
    assert!(!pvt_uren_voldaan(&t));
    assert!(map_uren_voldaan(&t, 64));
    assert!(!map_uren_voldaan(&t, 80));
}

#[test]
fn g10_g12_z_route_participation_norm_is_800_minus_map_and_pvt_hours() {
    let t = UrenTotalen {
        nt2_cursus: 800,
        participatie: 700,
        pvt: 12,
        map: 64,
    };
    let z = z_route_uren(true, &t, None);
    assert_eq!(z.participatie_norm, 724);
    assert!(z.cursus_voldaan());
    assert!(!z.participatie_voldaan());
    assert_eq!(
        z_route_uren(true, &t, Some(500)).participatie_norm,
        500,
        "DUO's cap"
    );
}

#[test]
fn g11_other_groups_have_no_participation_hours_in_the_z_route() {
    let t = UrenTotalen {
        nt2_cursus: 799,
        ..Default::default()
    };
    let z = z_route_uren(false, &t, None);
    assert_eq!(z.participatie_norm, 0);
    assert!(!z.cursus_voldaan());
}

#[test]
fn f8_f9_afschalen_needs_the_b1_route_and_600_course_hours() {
    let t = UrenTotalen {
        nt2_cursus: 599,
        ..Default::default()
    };
    assert_eq!(
        afschalen_toegestaan(Leerroute::B1, &t),
        Err(AfschalenWeigering::TeWeinigUren { gevolgd: 599 })
    );
    assert_eq!(
        afschalen_toegestaan(Leerroute::Z, &t),
        Err(AfschalenWeigering::NietB1Route)
    );
    let t = UrenTotalen {
        nt2_cursus: 600,
        ..Default::default()
    };
    assert_eq!(afschalen_toegestaan(Leerroute::B1, &t), Ok(()));
}
