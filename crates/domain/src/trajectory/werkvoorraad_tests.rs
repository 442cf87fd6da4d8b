//! Worked examples and properties of the werkvoorraad actions.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::codes::Leerroute;
use super::settings::TrajectInstellingen;
use super::werkvoorraad::*;
use crate::person::codes::{Doelgroep, Regime};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("valid test date")
}

fn soorten(f: &TrajectFeiten, today: &str) -> Vec<ActieSoort> {
    acties(f, &TrajectInstellingen::default(), d(today))
        .iter()
        .map(|a| a.soort)
        .collect()
}

fn gezinsmigrant_zonder_pip() -> TrajectFeiten {
    TrajectFeiten {
        doelgroep: Some(Doelgroep::Gezinsmigrant),
        kennisgeving: Some(d("2026-03-02")),
        intake_gestart: Some(d("2026-03-20")),
        intake_afgerond: Some(d("2026-04-10")),
        laatste_contact: Some(d("2026-04-28")),
        ..Default::default()
    }
}

#[test]
fn pip_due_within_two_weeks_then_overdue() {
    let f = gezinsmigrant_zonder_pip();
    assert_eq!(soorten(&f, "2026-04-20"), vec![]);
    assert_eq!(
        soorten(&f, "2026-04-27"),
        vec![ActieSoort::PipBinnenTweeWeken]
    );
    assert_eq!(
        soorten(&f, "2026-05-11"),
        vec![ActieSoort::PipBinnenTweeWeken],
        "due today"
    );
    let laat = acties(&f, &TrajectInstellingen::default(), d("2026-05-12"));
    assert_eq!(
        laat[0],
        Actie {
            soort: ActieSoort::PipTeLaat,
            datum: Some(d("2026-05-11")),
            te_laat: true
        }
    );
}

#[test]
fn only_wi2021_persons_get_trajectory_actions_but_contact_is_watched_for_all() {
    let mut f = gezinsmigrant_zonder_pip();
    f.intake_afgerond = None;
    f.regime = Some(Regime::Wi2021);
    let wi2021 = soorten(&f, "2026-06-15");
    assert!(wi2021.contains(&ActieSoort::PipTeLaat), "{wi2021:?}");
    assert!(wi2021.contains(&ActieSoort::GeenContact), "{wi2021:?}");
    for regime in [Regime::Wi2013, Regime::NietInburgeringsplichtig] {
        f.regime = Some(regime);
        assert_eq!(
            soorten(&f, "2026-06-15"),
            vec![ActieSoort::GeenContact],
            "{regime:?}: no PIP, intake, review or termijn under another law"
        );
    }
    f.regime = None;
    assert_eq!(
        soorten(&f, "2026-06-15"),
        wi2021,
        "unknown counts as Wi2021"
    );
}

#[test]
fn an_open_intake_is_an_action_with_the_pip_deadline() {
    let mut f = gezinsmigrant_zonder_pip();
    f.intake_afgerond = None;
    let a = acties(&f, &TrajectInstellingen::default(), d("2026-04-01"));
    assert_eq!(
        a,
        vec![Actie {
            soort: ActieSoort::IntakeOnvolledig,
            datum: Some(d("2026-05-11")),
            te_laat: false
        }]
    );
}

#[test]
fn review_due_three_months_after_the_pip_unless_one_is_planned() {
    let mut f = gezinsmigrant_zonder_pip();
    f.first_pip_dagtekening = Some(d("2026-05-04"));
    f.leerroute = Some(Leerroute::B1);
    f.laatste_contact = Some(d("2026-07-30"));
    assert_eq!(soorten(&f, "2026-07-21"), vec![ActieSoort::VoortgangNodig]);
    f.next_review_planned = Some(d("2026-08-01"));
    assert_eq!(soorten(&f, "2026-07-21"), vec![]);
    f.last_review_held = Some(d("2026-08-01"));
    f.next_review_planned = None;
    assert_eq!(soorten(&f, "2026-08-02"), vec![]);
}

#[test]
fn termijn_ending_within_six_months_with_the_route_incomplete() {
    let mut f = gezinsmigrant_zonder_pip();
    f.first_pip_dagtekening = Some(d("2026-05-11"));
    f.last_review_held = Some(d("2028-12-01"));
    f.laatste_contact = Some(d("2028-12-01"));
    let a = acties(&f, &TrajectInstellingen::default(), d("2028-12-15"));
    assert_eq!(a[0].soort, ActieSoort::TermijnEindigtRouteOnvolledig);
    assert_eq!(a[0].datum, Some(d("2029-05-11")));
    f.route_compleet = true;
    assert_eq!(soorten(&f, "2028-12-15"), vec![]);
    f.route_compleet = false;
    f.laatste_verlenging_eind = Some(d("2029-11-12"));
    assert_eq!(
        soorten(&f, "2028-12-15"),
        vec![],
        "verlengd: no longer within six months"
    );
}

#[test]
fn ontzorgen_and_begeleiding_ending_are_signalled_four_weeks_ahead() {
    let f = TrajectFeiten {
        doelgroep: Some(Doelgroep::Asielstatushouder),
        brp_inschrijving: Some(d("2026-03-01")),
        uitkering_pw_start: Some(d("2026-03-01")),
        laatste_contact: Some(d("2026-08-20")),
        first_pip_dagtekening: Some(d("2026-05-01")),
        next_review_planned: Some(d("2026-09-15")),
        ..Default::default()
    };
    assert_eq!(soorten(&f, "2026-08-01"), vec![]);
    assert_eq!(
        soorten(&f, "2026-08-20"),
        vec![ActieSoort::OntzorgenEindigt, ActieSoort::BegeleidingEindigt]
    );
    assert_eq!(soorten(&f, "2026-09-01"), vec![]);
}

#[test]
fn no_contact_for_the_set_number_of_days() {
    let mut f = gezinsmigrant_zonder_pip();
    f.first_pip_dagtekening = Some(d("2026-05-04"));
    f.next_review_planned = Some(d("2026-12-01"));
    let a = acties(&f, &TrajectInstellingen::default(), d("2026-06-01"));
    assert_eq!(
        a,
        vec![Actie {
            soort: ActieSoort::GeenContact,
            datum: Some(d("2026-05-28")),
            te_laat: true
        }]
    );
    let ruim = TrajectInstellingen {
        geen_contact_dagen: 60,
        ..Default::default()
    };
    assert_eq!(acties(&f, &ruim, d("2026-06-01")), vec![]);
}

#[test]
fn voldaan_persons_get_no_actions() {
    let mut f = gezinsmigrant_zonder_pip();
    f.voldaan_op = Some(d("2026-04-01"));
    assert_eq!(soorten(&f, "2027-01-01"), vec![]);
}

#[test]
fn actie_soort_codes_and_labels_are_complete() {
    for s in ActieSoort::ALL {
        assert_eq!(ActieSoort::parse(s.code()), Some(*s));
        assert!(!s.label().is_empty());
    }
}

fn datum() -> impl Strategy<Value = Option<NaiveDate>> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("start");
    proptest::option::of(
        (0u64..2500).prop_map(move |n| start.checked_add_days(Days::new(n)).expect("range")),
    )
}

proptest! {
    #[test]
    fn actions_are_sorted_most_urgent_first(
        (kennisgeving, brp, uitkering, pip, review, contact) in (datum(), datum(), datum(), datum(), datum(), datum()),
        asiel in any::<bool>(),
        today in datum(),
    ) {
        let f = TrajectFeiten {
            doelgroep: Some(if asiel { Doelgroep::Asielstatushouder } else { Doelgroep::OverigeMigrant }),
            kennisgeving, brp_inschrijving: brp, uitkering_pw_start: uitkering,
            first_pip_dagtekening: pip, last_review_held: review, laatste_contact: contact,
            ..Default::default()
        };
        let today = today.unwrap_or_else(|| d("2026-06-01"));
        let a = acties(&f, &TrajectInstellingen::default(), today);
        for paar in a.windows(2) {
            prop_assert!(paar[0].urgentie() <= paar[1].urgentie());
            // Overdue first, and among the overdue the oldest first.
            prop_assert!(paar[0].te_laat || !paar[1].te_laat);
        }
        for x in &a {
            prop_assert_eq!(x.te_laat, x.datum.is_some_and(|dd| dd < today));
        }
    }
}

#[test]
fn an_absence_without_notice_at_a_partner_stays_on_the_list_for_four_weeks() {
    let mut f = gezinsmigrant_zonder_pip();
    f.laatste_verzuim = Some(d("2026-04-15"));
    assert!(soorten(&f, "2026-04-15").contains(&ActieSoort::Verzuim));
    assert!(soorten(&f, "2026-05-13").contains(&ActieSoort::Verzuim));
    assert!(!soorten(&f, "2026-05-14").contains(&ActieSoort::Verzuim));
    // A date after today (a typo the parser refuses anyway) raises nothing.
    f.laatste_verzuim = Some(d("2026-06-01"));
    assert!(!soorten(&f, "2026-04-20").contains(&ActieSoort::Verzuim));
}

#[test]
fn a_partners_contact_moment_counts_as_contact() {
    let mut f = gezinsmigrant_zonder_pip();
    f.laatste_contact = Some(d("2026-01-02"));
    assert!(soorten(&f, "2026-03-01").contains(&ActieSoort::GeenContact));
    // The loader puts a partner's contact moment into `laatste_contact` like any other contact.
    f.laatste_contact = Some(d("2026-02-25"));
    assert!(!soorten(&f, "2026-03-01").contains(&ActieSoort::GeenContact));
}
