use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn today() -> NaiveDate {
    d("2026-06-30")
}

fn raw() -> RawOntzorgen {
    RawOntzorgen {
        bijstand_start: "2026-03-01".into(),
        posten: vec![
            "huur".into(),
            "energie".into(),
            "water".into(),
            "zorgverzekering".into(),
        ],
        ..Default::default()
    }
}

#[test]
fn only_bijstand_with_an_asiel_permit_and_inburgeringsplicht_qualifies() {
    assert_eq!(ontzorgen_toegestaan(true, true, true), Ok(()));
    assert_eq!(
        ontzorgen_toegestaan(true, true, false),
        Err(OntzorgenWeigering::GeenBijstand)
    );
    assert_eq!(
        ontzorgen_toegestaan(false, true, true),
        Err(OntzorgenWeigering::NietInburgeringsplichtig)
    );
    assert_eq!(
        ontzorgen_toegestaan(true, false, true),
        Err(OntzorgenWeigering::GeenAsielvergunning)
    );
    let p = ontzorgen_verplichte_periode(d("2026-08-31"));
    assert_eq!(
        (p.start, p.einde_exclusief, p.laatste_dag()),
        (d("2026-08-31"), d("2027-02-28"), d("2027-02-27"))
    );
}

#[test]
fn the_six_months_of_art_56a_parse() {
    let o = Ontzorgen::parse(&raw(), today()).expect("valid");
    assert_eq!(o.posten.len(), 4);
    assert!(o.posten.iter().all(|p| p.is_pw_56a()));
    assert_eq!(
        (o.einde, o.grondslag, o.reden_eerder_einde),
        (None, None, None)
    );
    let precies = RawOntzorgen {
        einde: "2026-08-31".into(),
        ..raw()
    };
    assert!(
        Ontzorgen::parse(&precies, today()).is_ok(),
        "last day of the six months"
    );
}

#[test]
fn ending_early_needs_a_reason_and_going_on_needs_a_basis() {
    let code = |r: RawOntzorgen, veld: &str| {
        Ontzorgen::parse(&r, today())
            .expect_err("refused")
            .for_field(veld)
            .map(|f| f.code)
    };
    let vroeg = RawOntzorgen {
        einde: "2026-08-30".into(),
        ..raw()
    };
    assert_eq!(code(vroeg.clone(), "redenEerderEinde"), Some("required"));
    let msg = Ontzorgen::parse(&vroeg, today()).expect_err("early");
    assert!(
        msg.for_field("redenEerderEinde")
            .is_some_and(|f| f.message.contains("tot en met 31-08-2026"))
    );
    assert!(
        Ontzorgen::parse(
            &RawOntzorgen {
                reden_eerder_einde: "Verhuisd".into(),
                ..vroeg
            },
            today()
        )
        .is_ok()
    );
    let langer = RawOntzorgen {
        einde: "2026-12-31".into(),
        ..raw()
    };
    assert_eq!(
        code(langer.clone(), "grondslagNa6Maanden"),
        Some("required")
    );
    let o = Ontzorgen::parse(
        &RawOntzorgen {
            grondslag_na_6_maanden: "pw_57".into(),
            ..langer
        },
        today(),
    )
    .expect("basis");
    assert_eq!(o.grondslag, Some(Grondslag::Pw57));
    let extra = RawOntzorgen {
        posten: vec!["huur".into(), "gemeentelijke_belastingen".into()],
        ..raw()
    };
    assert_eq!(code(extra.clone(), "grondslagNa6Maanden"), Some("required"));
    assert!(
        Ontzorgen::parse(
            &RawOntzorgen {
                grondslag_na_6_maanden: "vrijwillig".into(),
                ..extra
            },
            today()
        )
        .is_ok()
    );
    assert_eq!(
        code(
            RawOntzorgen {
                einde: "2026-02-01".into(),
                ..raw()
            },
            "einde"
        ),
        Some("inconsistent")
    );
}

#[test]
fn posts_are_known_unique_and_at_least_one() {
    let e = Ontzorgen::parse(
        &RawOntzorgen {
            posten: vec!["huur".into(), "huur".into(), "auto".into()],
            ..raw()
        },
        today(),
    )
    .expect_err("refused");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![("posten", "duplicate"), ("posten", "unknown_value")]
    );
    let e = Ontzorgen::parse(
        &RawOntzorgen {
            posten: vec![" ".into()],
            ..raw()
        },
        today(),
    )
    .expect_err("none");
    assert_eq!(e.for_field("posten").map(|f| f.code), Some("required"));
}

proptest! {
    #[test]
    fn parse_never_panics_and_accepted_input_respects_56a(
        start in prop_oneof![Just("2026-03-01".to_owned()), "\\PC{0,12}"],
        posten in proptest::collection::vec(prop_oneof![Just("huur".to_owned()), Just("overig".to_owned()), "\\PC{0,8}"], 0..4),
        einde_dagen in proptest::option::of(-30i64..400),
        reden in prop_oneof![Just(String::new()), Just("Bijstand beëindigd".to_owned())],
        grondslag in prop_oneof![Just(String::new()), Just("pw_57".to_owned()), "\\PC{0,6}"],
    ) {
        let base = d("2026-03-01");
        let r = RawOntzorgen {
            bijstand_start: start,
            posten,
            einde: einde_dagen.map(|x| (base + Duration::days(x)).to_string()).unwrap_or_default(),
            reden_eerder_einde: reden,
            grondslag_na_6_maanden: grondslag,
        };
        if let Ok(o) = Ontzorgen::parse(&r, today()) {
            prop_assert!(!o.posten.is_empty());
            let laatste = ontzorgen_verplichte_periode(o.bijstand_start).laatste_dag();
            if let Some(t) = o.einde {
                prop_assert!(t >= o.bijstand_start);
                prop_assert!(t >= laatste || o.reden_eerder_einde.is_some());
                prop_assert!(t <= laatste || o.grondslag.is_some());
            }
            prop_assert!(o.posten.iter().all(|p| p.is_pw_56a()) || o.grondslag.is_some());
        }
    }

    #[test]
    fn the_obligatory_period_is_six_months(days in 0i64..20_000) {
        let start = d("1990-01-01") + Duration::days(days);
        let p = ontzorgen_verplichte_periode(start);
        let dagen = (p.einde_exclusief - start).num_days();
        prop_assert!((181..=184).contains(&dagen), "{}", dagen);
        prop_assert!(p.bevat(start) && !p.bevat(p.einde_exclusief));
    }
}
