use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn today() -> NaiveDate {
    d("2026-06-30")
}

fn raw(aanwezigheid: &str, reden: &str, uren: &str) -> RawBijeenkomst {
    RawBijeenkomst {
        datum: "2026-06-29".into(),
        aanwezigheid: aanwezigheid.into(),
        reden: reden.into(),
        uren: uren.into(),
    }
}

fn b(dagen_terug: i64, a: Aanwezigheid) -> Bijeenkomst {
    Bijeenkomst {
        datum: today() - Duration::days(dagen_terug),
        aanwezigheid: a,
        reden: None,
        uren_honderdsten: None,
    }
}

use Aanwezigheid::{Aanwezig as Ja, AfwezigMetReden as Met, AfwezigZonderBericht as Zonder};

#[test]
fn sessions_parse_with_reason_and_hours_only_where_they_belong() {
    let s = Bijeenkomst::parse(&raw("aanwezig", "oud", "2,5"), today()).expect("valid");
    assert_eq!((s.reden, s.uren_honderdsten), (None, Some(250)));
    let s = Bijeenkomst::parse(&raw("afwezig_met_reden", " ziek ", ""), today()).expect("valid");
    assert_eq!(s.reden.as_deref(), Some("ziek"));
    let e = Bijeenkomst::parse(&raw("afwezig_met_reden", "", "2"), today()).expect_err("refused");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(got, vec![("reden", "required"), ("uren", "inconsistent")]);
    let e = Bijeenkomst::parse(&raw("aanwezig", "", "12,01"), today()).expect_err("too many");
    assert_eq!(
        e.for_field("uren").map(|f| f.message.as_str()),
        Some("Vul een aantal uren in groter dan 0 en hoogstens 12, bijvoorbeeld 2,5.")
    );
    assert!(Bijeenkomst::parse(&raw("aanwezig", "", "0"), today()).is_err());
    assert!(Bijeenkomst::parse(&raw("aanwezig", "", "12"), today()).is_ok());
    let toekomst = RawBijeenkomst {
        datum: "2026-07-01".into(),
        ..raw("aanwezig", "", "")
    };
    let e = Bijeenkomst::parse(&toekomst, today()).expect_err("future");
    assert_eq!(e.for_field("datum").map(|f| f.code), Some("out_of_range"));
}

#[test]
fn absences_without_notice_count_in_a_28_day_window() {
    let s = vec![
        b(0, Zonder),
        b(27, Zonder),
        b(28, Zonder),
        b(3, Ja),
        b(5, Ja),
        b(7, Ja),
    ];
    assert_eq!(
        signalen(&s, 2, today()),
        vec![Signaal::VerzuimZonderBericht]
    );
    assert_eq!(
        signalen(&s, 3, today()),
        vec![],
        "day 28 back is outside the window"
    );
    assert_eq!(
        signalen(&s, 0, today()),
        vec![],
        "threshold 0 switches it off"
    );
    let toekomst = vec![b(-1, Zonder), b(-2, Zonder)];
    assert_eq!(signalen(&toekomst, 1, today()), vec![]);
}

#[test]
fn dropout_needs_four_sessions_and_looks_at_the_last_eight() {
    assert_eq!(
        signalen(&[b(1, Met), b(2, Met), b(3, Ja)], 5, today()),
        vec![],
        "only three"
    );
    assert_eq!(
        signalen(&[b(1, Met), b(2, Met), b(3, Ja), b(4, Met)], 5, today()),
        vec![Signaal::DreigendeUitval]
    );
    assert_eq!(
        signalen(&[b(1, Met), b(2, Met), b(3, Ja), b(4, Ja)], 5, today()),
        vec![],
        "half is not below half"
    );
    // Eight recent sessions all attended; older absences no longer count.
    let mut s: Vec<_> = (1..=8).map(|i| b(i, Ja)).collect();
    s.extend((40..50).map(|i| b(i, Zonder)));
    assert_eq!(signalen(&s, 1, today()), vec![]);
    assert_eq!(Signaal::Crisis.code(), "crisis");
}

#[test]
fn hour_registrations_are_in_quarters_and_not_in_the_future() {
    let r = RawUrenregistratie {
        activiteit_id: "67e55044-10b1-426f-9247-bb680e5fe0c8".into(),
        datum: "2026-06-30".into(),
        uren: "1,25".into(),
        omschrijving: "Begeleiding bij huurcontract".into(),
    };
    let u = Urenregistratie::parse(&r, today()).expect("valid");
    assert_eq!(u.uren_honderdsten, 125);
    assert!(u.activiteit_id.is_some());
    let leeg = RawUrenregistratie {
        activiteit_id: " ".into(),
        ..r.clone()
    };
    assert_eq!(
        Urenregistratie::parse(&leeg, today()).map(|u| u.activiteit_id),
        Ok(None)
    );
    let fout = RawUrenregistratie {
        activiteit_id: "niet-een-id".into(),
        datum: "2026-07-01".into(),
        uren: "1,1".into(),
        ..r
    };
    let e = Urenregistratie::parse(&fout, today()).expect_err("refused");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![
            ("activiteitId", "invalid"),
            ("datum", "out_of_range"),
            ("uren", "out_of_range")
        ]
    );
    assert_eq!(
        e.for_field("datum").map(|f| f.message.as_str()),
        Some("Uren kunnen niet in de toekomst worden geschreven.")
    );
}

fn aanwezigheid() -> impl Strategy<Value = Aanwezigheid> {
    prop_oneof![Just(Ja), Just(Met), Just(Zonder)]
}

proptest! {
    #[test]
    fn session_parse_never_panics_and_accepts_only_sound_values(
        datum in "\\PC{0,12}", a in "\\PC{0,24}", reden in "\\PC{0,20}", uren in "\\PC{0,6}",
    ) {
        let r = RawBijeenkomst { datum, aanwezigheid: a, reden, uren };
        if let Ok(s) = Bijeenkomst::parse(&r, today()) {
            prop_assert!(s.datum <= today());
            prop_assert!(s.uren_honderdsten.is_none_or(|h| (1..=1200).contains(&h)));
            prop_assert!(s.uren_honderdsten.is_none() || s.aanwezigheid == Ja);
            prop_assert_eq!(s.reden.is_some(), s.aanwezigheid == Met);
        }
    }

    #[test]
    fn hours_are_accepted_exactly_in_quarters_up_to_24(h in 0u32..3000) {
        let r = RawUrenregistratie {
            datum: "2026-06-01".into(),
            uren: crate::invoer::uren_tekst(h),
            ..Default::default()
        };
        let res = Urenregistratie::parse(&r, today());
        prop_assert_eq!(res.is_ok(), h > 0 && h <= 2400 && h % 25 == 0);
        if let Err(e) = res {
            prop_assert_eq!(e.for_field("uren").map(|f| f.code), Some("out_of_range"));
        }
    }

    #[test]
    fn signals_match_a_direct_count(
        sessies in proptest::collection::vec((0i64..60, aanwezigheid()), 0..20), drempel in 0u32..5,
    ) {
        let s: Vec<Bijeenkomst> = sessies.iter().map(|(t, a)| b(*t, *a)).collect();
        let got = signalen(&s, drempel, today());
        let zonder = sessies.iter().filter(|(t, a)| *t < 28 && *a == Zonder).count();
        prop_assert_eq!(got.contains(&Signaal::VerzuimZonderBericht), drempel > 0 && zonder >= drempel as usize);
        let mut op_datum = sessies.clone();
        op_datum.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
        let laatste: Vec<_> = op_datum.iter().rev().take(8).collect();
        let aanwezig = laatste.iter().filter(|(_, a)| *a == Ja).count();
        // Only decidable without ties in the 8th place; then the count is exact.
        let ties = op_datum.len() > 8 && op_datum[op_datum.len() - 8].0 == op_datum[op_datum.len() - 9].0;
        if !ties {
            prop_assert_eq!(
                got.contains(&Signaal::DreigendeUitval),
                laatste.len() >= 4 && aanwezig * 2 < laatste.len()
            );
        }
        prop_assert!(!got.contains(&Signaal::Crisis) && !got.contains(&Signaal::NiveauBehaald));
    }
}
