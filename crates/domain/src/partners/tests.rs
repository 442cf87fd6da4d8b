//! The referral's state machine and the input parsers, as a regisseur and a partner meet them.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::verwijzing::{Kant, Overgang, Stand, StopReden, VerwijzingStatus, overgang};
use super::verwijzing_input::{NieuweVerwijzing, RawOvergang, RawVerwijzing, parse_overgang};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

fn stand(status: VerwijzingStatus) -> Stand {
    Stand {
        status,
        verstuurd_op: d(2026, 3, 1),
        gestart_op: (status == VerwijzingStatus::Gestart).then(|| d(2026, 3, 10)),
    }
}

const TODAY: fn() -> NaiveDate = || d(2026, 6, 1);

fn all_overgangen() -> Vec<Overgang> {
    vec![
        Overgang::Accepteren,
        Overgang::Afwijzen {
            reden: StopReden::GeenPlek,
            toelichting: String::new(),
        },
        Overgang::Starten {
            datum: d(2026, 4, 1),
        },
        Overgang::Afronden {
            datum: d(2026, 5, 1),
        },
        Overgang::Stoppen {
            datum: d(2026, 5, 1),
            reden: StopReden::Verhuisd,
            toelichting: String::new(),
        },
        Overgang::Intrekken {
            toelichting: "Persoon verhuisd naar Venlo".into(),
        },
    ]
}

#[test]
fn the_whole_table_of_states_and_transitions() {
    use VerwijzingStatus::*;
    // (from, transition code) -> to, for every allowed pair; everything else is refused.
    let allowed: &[(VerwijzingStatus, &str, VerwijzingStatus)] = &[
        (Verstuurd, "accepteren", Geaccepteerd),
        (Verstuurd, "afwijzen", Afgewezen),
        (Verstuurd, "intrekken", Ingetrokken),
        (Geaccepteerd, "starten", Gestart),
        (Geaccepteerd, "stoppen", Gestopt),
        (Geaccepteerd, "intrekken", Ingetrokken),
        (Gestart, "afronden", Afgerond),
        (Gestart, "stoppen", Gestopt),
        (Gestart, "intrekken", Ingetrokken),
    ];
    for from in VerwijzingStatus::ALL {
        for o in all_overgangen() {
            let got = overgang(stand(*from), &o, o.kant(), TODAY());
            let want = allowed
                .iter()
                .find(|(f, c, _)| f == from && *c == o.code())
                .map(|x| x.2);
            match want {
                Some(to) => assert_eq!(got, Ok(to), "{from:?} {}", o.code()),
                None => {
                    let e = got.expect_err("refused");
                    assert_eq!(e.code, "invalid_state", "{from:?} {}", o.code());
                }
            }
        }
    }
}

#[test]
fn only_the_partner_answers_and_only_the_gemeente_revokes() {
    let e = overgang(
        stand(VerwijzingStatus::Verstuurd),
        &Overgang::Accepteren,
        Kant::Gemeente,
        TODAY(),
    )
    .expect_err("gemeente cannot accept");
    assert!(e.message.contains("partner"));
    let e = overgang(
        stand(VerwijzingStatus::Gestart),
        &Overgang::Intrekken {
            toelichting: "x".into(),
        },
        Kant::Partner,
        TODAY(),
    )
    .expect_err("partner cannot revoke");
    assert!(e.message.contains("regisseur"));
}

#[test]
fn dates_must_be_past_and_after_the_start() {
    let future = Overgang::Starten {
        datum: d(2026, 6, 2),
    };
    let e = overgang(
        stand(VerwijzingStatus::Geaccepteerd),
        &future,
        Kant::Partner,
        TODAY(),
    )
    .expect_err("future");
    assert_eq!((e.field, e.code), ("datum", "out_of_range"));
    let before = Overgang::Afronden {
        datum: d(2026, 3, 9),
    };
    let e = overgang(
        stand(VerwijzingStatus::Gestart),
        &before,
        Kant::Partner,
        TODAY(),
    )
    .expect_err("before start");
    assert_eq!((e.field, e.code), ("datum", "inconsistent"));
}

#[test]
fn dropout_and_revocation_need_an_explanation() {
    let o = Overgang::Stoppen {
        datum: d(2026, 5, 1),
        reden: StopReden::Uitval,
        toelichting: " ".into(),
    };
    let e = overgang(stand(VerwijzingStatus::Gestart), &o, Kant::Partner, TODAY())
        .expect_err("no reason");
    assert_eq!(e.field, "toelichting");
    let o = Overgang::Intrekken {
        toelichting: String::new(),
    };
    assert!(
        overgang(
            stand(VerwijzingStatus::Gestart),
            &o,
            Kant::Gemeente,
            TODAY()
        )
        .is_err()
    );
    let o = Overgang::Stoppen {
        datum: d(2026, 5, 1),
        reden: StopReden::Verhuisd,
        toelichting: String::new(),
    };
    assert_eq!(
        overgang(stand(VerwijzingStatus::Gestart), &o, Kant::Partner, TODAY()),
        Ok(VerwijzingStatus::Gestopt)
    );
}

#[test]
fn only_accepted_and_started_grant_access() {
    let open: Vec<_> = VerwijzingStatus::ALL
        .iter()
        .filter(|s| s.geeft_toegang())
        .map(|s| s.code())
        .collect();
    assert_eq!(open, VerwijzingStatus::MET_TOEGANG);
}

fn raw_ok() -> RawVerwijzing {
    RawVerwijzing {
        aanbod_id: "5f0c7c1e-0000-4000-8000-000000000001".into(),
        vraag: "Taalcoaching op de werkvloer, twee dagdelen per week".into(),
        doel_ids: vec!["5f0c7c1e-0000-4000-8000-000000000002".into()],
        grondslag: "wettelijke_taak".into(),
        geldig_tot: "2027-01-01".into(),
        ..Default::default()
    }
}

#[test]
fn a_referral_with_task_basis_parses() {
    let v = NieuweVerwijzing::parse(&raw_ok(), TODAY()).expect("valid");
    assert_eq!(v.doel_ids.len(), 1);
    assert!(!v.gezondheid_delen);
}

#[test]
fn health_data_needs_consent_or_a_recorded_justification() {
    let mut r = raw_ok();
    r.gezondheid_delen = true;
    let e = NieuweVerwijzing::parse(&r, TODAY()).expect_err("no basis for health");
    assert!(e.for_field("gezondheidRechtvaardiging").is_some());
    r.gezondheid_rechtvaardiging = "Jobcoach begeleidt bij belastbaarheid (art. 17)".into();
    assert!(NieuweVerwijzing::parse(&r, TODAY()).is_ok());
    let mut r = raw_ok();
    r.gezondheid_delen = true;
    r.grondslag = "toestemming".into();
    let e = NieuweVerwijzing::parse(&r, TODAY()).expect_err("consent needs a date");
    assert!(e.for_field("toestemmingDatum").is_some());
    r.toestemming_datum = "2026-05-20".into();
    assert!(NieuweVerwijzing::parse(&r, TODAY()).is_ok());
}

#[test]
fn sharing_is_limited_in_time() {
    let mut r = raw_ok();
    r.geldig_tot = "2026-05-31".into();
    assert!(
        NieuweVerwijzing::parse(&r, TODAY())
            .expect_err("past")
            .for_field("geldigTot")
            .is_some()
    );
    r.geldig_tot = "2029-01-01".into();
    assert!(
        NieuweVerwijzing::parse(&r, TODAY())
            .expect_err("too long")
            .for_field("geldigTot")
            .is_some()
    );
}

#[test]
fn transitions_parse_from_form_fields() {
    let raw = |o: &str, datum: &str, reden: &str| RawOvergang {
        overgang: o.into(),
        datum: datum.into(),
        reden: reden.into(),
        toelichting: String::new(),
    };
    assert_eq!(
        parse_overgang(&raw("accepteren", "", ""), TODAY()),
        Ok(Overgang::Accepteren)
    );
    assert!(
        parse_overgang(&raw("starten", "", ""), TODAY())
            .expect_err("date")
            .for_field("datum")
            .is_some()
    );
    assert!(
        parse_overgang(&raw("stoppen", "2026-05-01", ""), TODAY())
            .expect_err("reason")
            .for_field("reden")
            .is_some()
    );
    assert!(
        parse_overgang(&raw("verwijderen", "", ""), TODAY())
            .expect_err("unknown")
            .for_field("overgang")
            .is_some()
    );
}

proptest! {
    #[test]
    fn parsing_never_panics_and_errors_name_known_fields(
        aanbod in ".{0,40}", vraag in ".{0,60}", grond in "[a-z_]{0,20}", tot in ".{0,12}", health: bool,
    ) {
        let r = RawVerwijzing { aanbod_id: aanbod, vraag, grondslag: grond, geldig_tot: tot, gezondheid_delen: health, ..Default::default() };
        if let Err(e) = NieuweVerwijzing::parse(&r, TODAY()) {
            let known = ["aanbodId", "vraag", "doelIds", "grondslag", "toestemmingDatum", "geldigTot", "gezondheidRechtvaardiging", "medewerkerId"];
            prop_assert!(e.iter().all(|f| known.contains(&f.field)));
            prop_assert!(!e.is_empty());
        }
    }

    #[test]
    fn no_transition_leaves_an_end_state(i in 0usize..6, s in 0usize..7) {
        let from = VerwijzingStatus::ALL[s];
        let o = &all_overgangen()[i];
        if from.is_eind() {
            prop_assert!(overgang(stand(from), o, o.kant(), TODAY()).is_err());
        }
    }
}
