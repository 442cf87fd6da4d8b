use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn today() -> NaiveDate {
    d("2026-06-30")
}

fn raw() -> RawPlaatsing {
    RawPlaatsing {
        soort: "werkervaringsplek".into(),
        organisatie: "Kringloop De Cirkel".into(),
        start: "2026-08-03".into(),
        eind: "".into(),
        uren_per_week: "16".into(),
    }
}

fn eval(stap: &str, uitstroom: &str) -> RawEvaluatie {
    RawEvaluatie {
        datum: "2026-06-30".into(),
        volgende_stap: stap.into(),
        uitstroom: uitstroom.into(),
        toelichting: String::new(),
    }
}

#[test]
fn a_placement_may_be_planned_ahead() {
    let p = Plaatsing::parse(&raw(), today()).expect("valid");
    assert_eq!(p.start, d("2026-08-03"));
    assert_eq!(p.uren_per_week_honderdsten, 1600);
    assert!(p.soort.heeft_cycli() && !PlaatsingSoort::Stage.heeft_cycli());
}

#[test]
fn wrong_placements_are_refused_per_field() {
    let r = RawPlaatsing {
        soort: "".into(),
        organisatie: " ".into(),
        eind: "2026-08-02".into(),
        uren_per_week: "0,5".into(),
        ..raw()
    };
    let e = Plaatsing::parse(&r, today()).expect_err("refused");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![
            ("soort", "required"),
            ("organisatie", "required"),
            ("eind", "inconsistent"),
            ("urenPerWeek", "out_of_range")
        ]
    );
    assert!(
        Plaatsing::parse(
            &RawPlaatsing {
                uren_per_week: "40".into(),
                eind: "2026-08-03".into(),
                ..raw()
            },
            today()
        )
        .is_ok()
    );
    assert!(
        Plaatsing::parse(
            &RawPlaatsing {
                uren_per_week: "40,25".into(),
                ..raw()
            },
            today()
        )
        .is_err()
    );
}

#[test]
fn a_cycle_is_fifteen_weeks() {
    assert_eq!(cyclus_einde(d("2026-01-05")), d("2026-04-20"));
    assert!(!evaluatie_due(d("2026-01-05"), d("2026-04-19")));
    assert!(evaluatie_due(d("2026-01-05"), d("2026-04-20")));
}

#[test]
fn the_uitstroom_belongs_to_uitstroom_and_stoppen_only() {
    let ok =
        |r: RawEvaluatie| Evaluatie::parse(&r, today()).map(|e| (e.volgende_stap, e.uitstroom));
    assert_eq!(
        ok(eval("verlengen", "")),
        Ok((VolgendeStap::Verlengen, None))
    );
    assert_eq!(
        ok(eval("stoppen", "")),
        Ok((VolgendeStap::Stoppen, Some(Uitstroom::Geen)))
    );
    assert_eq!(
        ok(eval("stoppen", "verhuisd")),
        Ok((VolgendeStap::Stoppen, Some(Uitstroom::Verhuisd)))
    );
    assert_eq!(
        ok(eval("uitstroom", "beschut_werk")),
        Ok((VolgendeStap::Uitstroom, Some(Uitstroom::BeschutWerk)))
    );
    let code = |r: RawEvaluatie| {
        Evaluatie::parse(&r, today())
            .expect_err("refused")
            .for_field("uitstroom")
            .map(|f| f.code)
    };
    assert_eq!(code(eval("uitstroom", "")), Some("required"));
    assert_eq!(code(eval("uitstroom", "geen")), Some("inconsistent"));
    assert_eq!(code(eval("andere_plek", "opleiding")), Some("inconsistent"));
    assert_eq!(code(eval("uitstroom", "buitenland")), Some("unknown_value"));
    let e = Evaluatie::parse(
        &RawEvaluatie {
            datum: "2026-07-01".into(),
            ..eval("verlengen", "")
        },
        today(),
    )
    .expect_err("future");
    assert_eq!(e.for_field("datum").map(|f| f.code), Some("out_of_range"));
}

proptest! {
    #[test]
    fn placement_parse_never_panics_and_accepted_values_are_sound(
        soort in "\\PC{0,20}", org in "\\PC{0,30}", start in "\\PC{0,12}", eind in "\\PC{0,12}", uren in "\\PC{0,6}",
    ) {
        let r = RawPlaatsing { soort, organisatie: org, start, eind, uren_per_week: uren };
        if let Ok(p) = Plaatsing::parse(&r, today()) {
            prop_assert!(p.eind.is_none_or(|e| e >= p.start));
            prop_assert!((100..=4000).contains(&p.uren_per_week_honderdsten));
            prop_assert!(!p.organisatie.is_empty());
        }
    }

    #[test]
    fn the_end_is_accepted_exactly_when_not_before_the_start(a in 0i64..300, b in 0i64..300) {
        let base = d("2026-01-01");
        let r = RawPlaatsing {
            start: (base + Duration::days(a)).to_string(),
            eind: (base + Duration::days(b)).to_string(),
            ..raw()
        };
        let res = Plaatsing::parse(&r, today());
        prop_assert_eq!(res.is_ok(), b >= a);
        if let Err(e) = res {
            prop_assert_eq!(e.for_field("eind").map(|f| f.code), Some("inconsistent"));
        }
    }

    #[test]
    fn evaluation_parse_never_panics_and_uitstroom_fits_the_step(
        stap in prop_oneof![Just("uitstroom".to_owned()), Just("stoppen".to_owned()), Just("verlengen".to_owned()), "\\PC{0,12}"],
        uit in prop_oneof![Just("geen".to_owned()), Just("opleiding".to_owned()), Just(String::new()), "\\PC{0,12}"],
        days in 0i64..10,
    ) {
        let datum = (today() - Duration::days(days)).to_string();
        if let Ok(ev) = Evaluatie::parse(&RawEvaluatie { datum, volgende_stap: stap, uitstroom: uit, toelichting: String::new() }, today()) {
            match ev.volgende_stap {
                VolgendeStap::Uitstroom => prop_assert!(ev.uitstroom.is_some_and(|u| u != Uitstroom::Geen)),
                VolgendeStap::Stoppen => prop_assert!(ev.uitstroom.is_some()),
                _ => prop_assert!(ev.uitstroom.is_none()),
            }
        }
    }

    #[test]
    fn every_cycle_ends_105_days_later(days in 0i64..20_000) {
        let start = d("1990-01-01") + Duration::days(days);
        prop_assert_eq!((cyclus_einde(start) - start).num_days(), 105);
        prop_assert!(evaluatie_due(start, start + Duration::days(105)));
        prop_assert!(!evaluatie_due(start, start + Duration::days(104)));
    }
}
