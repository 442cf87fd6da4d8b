use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::meting::{RawMeting, Scores};

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn zrm(moment: MeetMoment, datum: &str) -> Meting {
    Meting {
        moment,
        datum: d(datum),
        scores: Scores::Zrm(vec![(
            crate::meting::ZrmDomein::Financien,
            ZrmTrede::VoldoendeZelfredzaam,
        )]),
        toelichting: String::new(),
    }
}

#[test]
fn the_default_policy_is_the_local_one_of_issue_8() {
    let b = MbBeleid::default();
    assert_eq!((b.minimum_maanden, b.max_verlenging_maanden), (6, 6));
    assert!(b.afsluitend_driegesprek && b.zrm_eindmeting);
    assert_eq!(b.zrm_doel, ZrmTrede::VoldoendeZelfredzaam);
    assert_eq!(mb_vroegste_einde(d("2026-01-31"), &b), d("2026-07-31"));
    assert_eq!(
        mb_vroegste_einde(d("2026-08-31"), &b),
        d("2027-02-28"),
        "clamps to month end"
    );
    assert_eq!(mb_uiterste_einde(d("2026-01-15"), &b), d("2027-01-15"));
}

#[test]
fn extensions_go_forward_and_stay_within_the_maximum() {
    let b = MbBeleid::default();
    let start = d("2026-01-15");
    assert_eq!(
        mb_verlenging_toegestaan(start, d("2026-07-15"), d("2027-01-15"), &b),
        Ok(())
    );
    let e = mb_verlenging_toegestaan(start, d("2026-07-15"), d("2027-01-16"), &b)
        .expect_err("too long");
    assert_eq!((e.field, e.code), ("einde", "out_of_range"));
    assert_eq!(
        e.message,
        "Verleng tot uiterlijk 15-01-2027: volgens het gemeentelijk beleid duurt de begeleiding hoogstens 6 maanden langer dan de minimale 6 maanden."
    );
    let e = mb_verlenging_toegestaan(start, d("2026-07-15"), d("2026-07-15"), &b)
        .expect_err("not later");
    assert_eq!(e.code, "inconsistent");
}

#[test]
fn closing_needs_the_minimum_an_end_measurement_and_a_driegesprek() {
    let b = MbBeleid::default();
    let a = MbAfsluiting {
        start: d("2026-01-15"),
        afsluitdatum: d("2026-07-15"),
        driegesprek: Some(d("2026-07-10")),
    };
    let ms = vec![
        zrm(MeetMoment::Start, "2026-01-20"),
        zrm(MeetMoment::Eind, "2026-07-01"),
    ];
    assert_eq!(mb_afsluiten_toegestaan(&a, &ms, &b), Ok(()));
    let te_vroeg = MbAfsluiting {
        afsluitdatum: d("2026-07-14"),
        ..a
    };
    let e = mb_afsluiten_toegestaan(&te_vroeg, &ms, &b).expect_err("early");
    assert_eq!(
        e.for_field("afsluitdatum").map(|f| f.code),
        Some("out_of_range")
    );
    let zonder = MbAfsluiting {
        driegesprek: None,
        ..a
    };
    let e = mb_afsluiten_toegestaan(&zonder, &ms[..1], &b).expect_err("missing");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![("eindmeting", "required"), ("driegesprek", "required")]
    );
    let buiten = MbAfsluiting {
        driegesprek: Some(d("2026-08-01")),
        ..a
    };
    let e = mb_afsluiten_toegestaan(&buiten, &ms, &b).expect_err("after closing");
    assert_eq!(
        e.for_field("driegesprek").map(|f| f.code),
        Some("inconsistent")
    );
    // A language measurement marked "eind" is no ZRM eindmeting.
    let taal = Meting::parse(
        &RawMeting {
            instrument: "taal".into(),
            moment: "eind".into(),
            datum: "2026-07-01".into(),
            scores: vec![("spreken".into(), "a2".into())],
            toelichting: String::new(),
        },
        d("2026-07-15"),
    )
    .expect("valid");
    assert!(mb_afsluiten_toegestaan(&a, &[taal], &b).is_err());
    let los = MbBeleid {
        afsluitend_driegesprek: false,
        zrm_eindmeting: false,
        ..b
    };
    assert_eq!(mb_afsluiten_toegestaan(&zonder, &[], &los), Ok(()));
}

#[test]
fn zrm_moments_and_the_checklist() {
    let m = mb_zrm_momenten(d("2026-01-01"), d("2026-07-01"));
    assert_eq!(m[1], (MeetMoment::Tussentijds, d("2026-04-01")));
    let open = mb_openstaand(&[
        (MbOnderdeel::Wonen, OnderdeelStatus::Geregeld),
        (MbOnderdeel::Digid, OnderdeelStatus::Geregeld),
        (MbOnderdeel::Digid, OnderdeelStatus::Bezig),
        (MbOnderdeel::Huisarts, OnderdeelStatus::Bezig),
    ]);
    assert_eq!(open.len(), MbOnderdeel::ALL.len() - 1);
    assert!(open.contains(&MbOnderdeel::Digid) && !open.contains(&MbOnderdeel::Wonen));
}

proptest! {
    #[test]
    fn an_extension_is_allowed_exactly_within_the_window(
        start_off in 0i64..3000, huidig in 0i64..500, nieuw in 0i64..500, min in 0u32..13, max in 0u32..13,
    ) {
        let start = d("2020-01-01") + Duration::days(start_off);
        let b = MbBeleid { minimum_maanden: min, max_verlenging_maanden: max, ..MbBeleid::default() };
        let h = start + Duration::days(huidig);
        let n = start + Duration::days(nieuw);
        let ok = mb_verlenging_toegestaan(start, h, n, &b).is_ok();
        prop_assert_eq!(ok, n > h && n <= mb_uiterste_einde(start, &b));
        prop_assert!(mb_vroegste_einde(start, &b) <= mb_uiterste_einde(start, &b));
    }

    #[test]
    fn closing_before_the_minimum_is_never_allowed(start_off in 0i64..3000, dagen in 0i64..400) {
        let start = d("2020-01-01") + Duration::days(start_off);
        let afsluit = start + Duration::days(dagen);
        let b = MbBeleid::default();
        let ms = vec![zrm(MeetMoment::Eind, &afsluit.to_string())];
        let a = MbAfsluiting { start, afsluitdatum: afsluit, driegesprek: Some(afsluit) };
        prop_assert_eq!(mb_afsluiten_toegestaan(&a, &ms, &b).is_ok(), afsluit >= mb_vroegste_einde(start, &b));
    }

    #[test]
    fn the_midway_moment_lies_between_start_and_end(start_off in 0i64..3000, len in 0i64..800) {
        let start = d("2020-01-01") + Duration::days(start_off);
        let [s, m, e] = mb_zrm_momenten(start, start + Duration::days(len));
        prop_assert!(s.1 <= m.1 && m.1 <= e.1);
    }
}
