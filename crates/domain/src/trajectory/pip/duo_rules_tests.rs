//! The decision rules, one test per rule and property tests over all route/level combinations and
//! dates.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::duo_rules::*;
use super::inhoud::{Onderdeel, PipBlokken, PipInhoud};
use crate::trajectory::codes::{AlfaIndicator, Leerroute, Niveau, PipWijzigingsreden};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A complete first PIP on the B1-route.
fn compleet() -> PipInhoud {
    PipInhoud {
        leerroute: Some(Leerroute::B1),
        niveau: Some(Niveau::B1),
        alfabetisering: Some(AlfaIndicator::Nvt),
        aantal_voortgangsgesprekken: Some(12),
        blokken: PipBlokken {
            pvt: Onderdeel {
                inhoud: "Kernwaarden".into(),
                uren: Some(12),
            },
            map: Some(Onderdeel {
                inhoud: "Werk oriëntatie".into(),
                uren: Some(64),
            }),
            begeleiding: "Maatschappelijke begeleiding".into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

fn feiten() -> DuoFeiten {
    DuoFeiten {
        vandaag: date(2027, 6, 1),
        start_plicht: Some(date(2027, 1, 10)),
        vestiging: Some(date(2027, 2, 1)),
        asielstatushouder: Some(true),
        ..Default::default()
    }
}

fn regels(p: &PipInhoud, d: NaiveDate, f: &DuoFeiten) -> Vec<&'static str> {
    check_vaststelling(p, d, f)
        .into_iter()
        .map(|w| w.regel)
        .collect()
}

#[test]
fn a_complete_first_pip_after_vestiging_is_allowed() {
    assert!(regels(&compleet(), date(2027, 3, 1), &feiten()).is_empty());
}

#[test]
fn m1_dagtekening_not_before_the_obligation_and_the_start_must_be_known() {
    assert_eq!(
        regels(
            &compleet(),
            date(2027, 1, 9),
            &DuoFeiten {
                vestiging: Some(date(2027, 1, 1)),
                ..feiten()
            }
        ),
        vec!["M-1"]
    );
    let onbekend = DuoFeiten {
        start_plicht: None,
        ..feiten()
    };
    let w = check_vaststelling(&compleet(), date(2027, 3, 1), &onbekend);
    assert_eq!(w[0].regel, "M-1");
    assert!(
        w[0].bericht.contains("datum kennisgeving DUO"),
        "{}",
        w[0].bericht
    );
}

#[test]
fn m3_dagtekening_not_before_vestiging() {
    assert_eq!(
        regels(&compleet(), date(2027, 1, 20), &feiten()),
        vec!["M-3"]
    );
    assert_eq!(
        regels(
            &compleet(),
            date(2027, 3, 1),
            &DuoFeiten {
                vestiging: None,
                ..feiten()
            }
        ),
        vec!["M-3"]
    );
}

#[test]
fn m2_not_before_the_current_nor_the_initial_pip() {
    let f = DuoFeiten {
        huidige: Some(HuidigePip {
            dagtekening: date(2027, 4, 1),
            leerroute: Some(Leerroute::B1),
            niveau: Some(Niveau::B1),
        }),
        initiele_dagtekening: Some(date(2027, 3, 1)),
        eerder_vastgesteld: true,
        ..feiten()
    };
    assert_eq!(regels(&compleet(), date(2027, 3, 15), &f), vec!["M-2"]);
    assert!(regels(&compleet(), date(2027, 4, 1), &f).is_empty());
    // After a withdrawal there is no current PIP, but the initial one still bounds the date.
    let ingetrokken = DuoFeiten { huidige: None, ..f };
    assert_eq!(
        regels(&compleet(), date(2027, 2, 15), &ingetrokken),
        vec!["M-2"]
    );
}

#[test]
fn m4_route_and_level_combinations() {
    let d = date(2027, 3, 1);
    let o_a2 = PipInhoud {
        leerroute: Some(Leerroute::Onderwijs),
        niveau: Some(Niveau::A2),
        blokken: PipBlokken {
            map: None,
            ..compleet().blokken
        },
        ..compleet()
    };
    let w = check_vaststelling(&o_a2, d, &feiten());
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].bericht,
        "Regel M-4 (DUO): niveau A2 mag niet met de onderwijsroute."
    );
    let z_b1 = PipInhoud {
        leerroute: Some(Leerroute::Z),
        niveau: Some(Niveau::B1),
        ..compleet()
    };
    assert_eq!(regels(&z_b1, d, &feiten()), vec!["M-4"]);
    let b_a2 = PipInhoud {
        niveau: Some(Niveau::A2),
        ..compleet()
    };
    assert_eq!(regels(&b_a2, d, &feiten()), vec!["M-4"]);
    let verhuisd = PipInhoud {
        reden: Some(PipWijzigingsreden::Verhuizing),
        ..b_a2.clone()
    };
    assert!(
        regels(&verhuisd, d, &feiten()).is_empty(),
        "a PIP from the previous gemeente was the first"
    );
}

#[test]
fn m5_intensity_only_on_the_b1_route_for_asielstatushouders() {
    let d = date(2027, 3, 1);
    let p = PipInhoud {
        intensiteit_uren: Some(600),
        ..compleet()
    };
    assert!(regels(&p, d, &feiten()).is_empty());
    assert_eq!(
        regels(
            &p,
            d,
            &DuoFeiten {
                asielstatushouder: Some(false),
                ..feiten()
            }
        ),
        vec!["M-5"]
    );
    assert_eq!(
        regels(
            &p,
            d,
            &DuoFeiten {
                asielstatushouder: None,
                ..feiten()
            }
        ),
        vec!["M-5"]
    );
    let z = PipInhoud {
        leerroute: Some(Leerroute::Z),
        niveau: None,
        ..p
    };
    assert_eq!(regels(&z, d, &feiten()), vec!["M-5"]);
}

#[test]
fn f9_afschalen_only_after_600_nt2_hours() {
    let f = DuoFeiten {
        huidige: Some(HuidigePip {
            dagtekening: date(2027, 2, 1),
            leerroute: Some(Leerroute::B1),
            niveau: Some(Niveau::B1),
        }),
        initiele_dagtekening: Some(date(2027, 2, 1)),
        eerder_vastgesteld: true,
        nt2_uren: 599,
        ..feiten()
    };
    let a2 = PipInhoud {
        niveau: Some(Niveau::A2),
        reden: Some(PipWijzigingsreden::Schakelen),
        ..compleet()
    };
    assert_eq!(regels(&a2, date(2027, 5, 1), &f), vec!["F-9"]);
    assert!(
        regels(
            &a2,
            date(2027, 5, 1),
            &DuoFeiten {
                nt2_uren: 600,
                ..f.clone()
            }
        )
        .is_empty()
    );
    let reden = PipInhoud {
        reden: Some(PipWijzigingsreden::Afschalen),
        ..compleet()
    };
    assert_eq!(regels(&reden, date(2027, 5, 1), &f), vec!["F-9"]);
}

#[test]
fn required_parts_and_the_future() {
    let leeg = PipInhoud::default();
    let r = regels(&leeg, date(2027, 3, 1), &feiten());
    assert!(r.contains(&"F-1") && r.contains(&"F-3"), "{r:?}");
    let weinig = PipInhoud {
        blokken: PipBlokken {
            pvt: Onderdeel {
                inhoud: "x".into(),
                uren: Some(8),
            },
            ..compleet().blokken
        },
        ..compleet()
    };
    assert_eq!(regels(&weinig, date(2027, 3, 1), &feiten()), vec!["G-8"]);
    assert_eq!(
        regels(&compleet(), date(2027, 6, 2), &feiten()),
        vec!["A-2"]
    );
    // The onderwijsroute needs no MAP.
    let o = PipInhoud {
        leerroute: Some(Leerroute::Onderwijs),
        blokken: PipBlokken {
            map: None,
            ..compleet().blokken
        },
        ..compleet()
    };
    assert!(regels(&o, date(2027, 3, 1), &feiten()).is_empty());
}

fn route() -> impl Strategy<Value = Option<Leerroute>> {
    proptest::option::of(proptest::sample::select(Leerroute::ALL.to_vec()))
}
fn niveau() -> impl Strategy<Value = Option<Niveau>> {
    proptest::option::of(proptest::sample::select(Niveau::ALL.to_vec()))
}

proptest! {
    /// M-4 as a table: the decision is refused for M-4 exactly on DUO's three forbidden combinations.
    #[test]
    fn m4_refuses_exactly_the_forbidden_combinations(r in route(), n in niveau(), eerder in any::<bool>()) {
        let p = PipInhoud { leerroute: r, niveau: n, ..compleet() };
        let f = DuoFeiten { eerder_vastgesteld: eerder, ..feiten() };
        let refused = regels(&p, date(2027, 3, 1), &f).contains(&"M-4");
        let forbidden = matches!((r, n), (Some(Leerroute::Onderwijs), Some(Niveau::A2)) | (Some(Leerroute::Z), Some(Niveau::B1)))
            || (r == Some(Leerroute::B1) && n == Some(Niveau::A2) && !eerder);
        prop_assert_eq!(refused, forbidden);
    }

    /// The date rules: a dagtekening is refused for a date rule exactly when it lies before one of its
    /// bounds or after today; every refusal names its rule in the message.
    #[test]
    fn date_rules_hold_for_any_dates(start in 0i64..400, vest in 0i64..400, huidig in proptest::option::of(0i64..400), dag in 0i64..500) {
        let base = date(2026, 1, 1);
        let at = |n: i64| base + chrono::Duration::days(n);
        let f = DuoFeiten {
            vandaag: at(450),
            start_plicht: Some(at(start)),
            vestiging: Some(at(vest)),
            huidige: huidig.map(|h| HuidigePip { dagtekening: at(h), leerroute: Some(Leerroute::B1), niveau: Some(Niveau::B1) }),
            initiele_dagtekening: huidig.map(at),
            eerder_vastgesteld: huidig.is_some(),
            ..feiten()
        };
        let w = check_vaststelling(&compleet(), at(dag), &f);
        let ok = dag >= start && dag >= vest && huidig.is_none_or(|h| dag >= h) && dag <= 450;
        prop_assert_eq!(w.is_empty(), ok);
        for x in &w {
            let prefix = format!("Regel {} (", x.regel);
            prop_assert!(x.bericht.starts_with(&prefix));
        }
    }
}
