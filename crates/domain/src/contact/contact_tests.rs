use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn today() -> NaiveDate {
    d("2026-06-30")
}

fn raw() -> RawContactmoment {
    RawContactmoment {
        soort: "driegesprek".into(),
        datum: "2026-06-29".into(),
        duur_minuten: "45".into(),
        deelnemers: "Klantregisseur\n\n  Taalcoach VluchtelingenWerk \n".into(),
        tolk: true,
        tolk_taal: "Tigrinya".into(),
        vertrouwelijkheid: "gevoelig".into(),
        samenvatting: "Besproken: huisvesting.\nVolgende stap: taalcursus.".into(),
        vervolgafspraak: " ".into(),
    }
}

#[test]
fn a_complete_contact_moment_parses() {
    let c = Contactmoment::parse(&raw(), today()).expect("valid");
    assert_eq!(c.soort, ContactSoort::Driegesprek);
    assert_eq!(c.duur_minuten, Some(45));
    assert_eq!(
        c.deelnemers,
        vec!["Klantregisseur", "Taalcoach VluchtelingenWerk"]
    );
    assert_eq!(c.tolk_taal.as_deref(), Some("Tigrinya"));
    assert_eq!(c.vertrouwelijkheid, Vertrouwelijkheid::Gevoelig);
    assert_eq!(c.vervolgafspraak, None);
    assert_eq!(ContactSoort::WhatsappVideo.label(), "WhatsApp/video");
}

#[test]
fn every_missing_or_wrong_field_is_reported_at_once() {
    let r = RawContactmoment {
        soort: "brief".into(),
        datum: "2026-07-01".into(),
        duur_minuten: "0".into(),
        tolk: true,
        tolk_taal: "".into(),
        vertrouwelijkheid: "".into(),
        samenvatting: "  ".into(),
        vervolgafspraak: "x".repeat(VERVOLGAFSPRAAK_MAX + 1),
        ..raw()
    };
    let e = Contactmoment::parse(&r, today()).expect_err("refused");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![
            ("soort", "unknown_value"),
            ("datum", "out_of_range"),
            ("duurMinuten", "out_of_range"),
            ("tolkTaal", "required"),
            ("vertrouwelijkheid", "required"),
            ("samenvatting", "required"),
            ("vervolgafspraak", "too_long"),
        ]
    );
    assert_eq!(
        e.for_field("duurMinuten").map(|f| f.message.as_str()),
        Some("Vul een duur in hele minuten in, van 1 tot en met 480.")
    );
}

#[test]
fn the_interpreter_language_is_dropped_without_interpreter_and_participants_are_checked() {
    let c = Contactmoment::parse(
        &RawContactmoment {
            tolk: false,
            tolk_taal: "oud".into(),
            ..raw()
        },
        today(),
    )
    .expect("valid");
    assert_eq!(c.tolk_taal, None);
    let te_veel = RawContactmoment {
        deelnemers: "a\n".repeat(DEELNEMERS_MAX + 1),
        ..raw()
    };
    let e = Contactmoment::parse(&te_veel, today()).expect_err("too many");
    assert_eq!(e.for_field("deelnemers").map(|f| f.code), Some("too_long"));
    let lang = RawContactmoment {
        deelnemers: "x".repeat(DEELNEMER_MAX + 1),
        ..raw()
    };
    let e = Contactmoment::parse(&lang, today()).expect_err("too long");
    assert_eq!(
        e.for_field("deelnemers").map(|f| f.message.as_str()),
        Some("Gebruik hoogstens 100 tekens per deelnemer.")
    );
}

#[test]
fn days_without_contact_count_from_the_latest_of_contact_and_start() {
    let start = d("2026-01-01");
    assert_eq!(dagen_zonder_contact(None, start, d("2026-01-31")), 30);
    assert_eq!(
        dagen_zonder_contact(Some(d("2026-01-20")), start, d("2026-01-31")),
        11
    );
    assert_eq!(
        dagen_zonder_contact(Some(d("2025-12-01")), start, d("2026-01-31")),
        30
    );
    assert_eq!(
        dagen_zonder_contact(Some(d("2026-02-05")), start, d("2026-01-31")),
        0
    );
    assert!(!geen_contact_signaal(None, start, d("2026-01-31"), 30));
    assert!(geen_contact_signaal(None, start, d("2026-02-01"), 30));
    let alle = [d("2026-01-05"), d("2026-01-20"), d("2026-01-10")];
    assert_eq!(
        laatste_contact(alle),
        Some(d("2026-01-20")),
        "any party counts"
    );
    assert_eq!(laatste_contact([]), None);
}

/// The whole table: 3 levels × every combination of the three reader facts.
#[test]
fn visibility_table() {
    use Vertrouwelijkheid::*;
    for regie in [false, true] {
        for auteur in [false, true] {
            for org in [false, true] {
                let l = Lezer {
                    gemeente_regisseur_of_teamleider: regie,
                    is_auteur: auteur,
                    zelfde_organisatie_als_auteur: org,
                };
                assert!(zichtbaar(Normaal, &l), "{l:?}");
                assert_eq!(zichtbaar(Gevoelig, &l), auteur || regie, "{l:?}");
                assert_eq!(zichtbaar(EigenOrganisatie, &l), auteur || org, "{l:?}");
            }
        }
    }
}

#[test]
fn visibility_by_role() {
    let partner_collega = Lezer {
        zelfde_organisatie_als_auteur: true,
        ..Lezer::default()
    };
    let andere_partner = Lezer::default();
    let gemeente_regisseur = Lezer {
        gemeente_regisseur_of_teamleider: true,
        ..Lezer::default()
    };
    // A partner's sensitive note: the regisseur yes, the author's colleague and other partners no.
    assert!(zichtbaar(Vertrouwelijkheid::Gevoelig, &gemeente_regisseur));
    assert!(!zichtbaar(Vertrouwelijkheid::Gevoelig, &partner_collega));
    assert!(!zichtbaar(Vertrouwelijkheid::Gevoelig, &andere_partner));
    // A partner's own-organisation note: the gemeente's regisseur does not see it.
    assert!(!zichtbaar(
        Vertrouwelijkheid::EigenOrganisatie,
        &gemeente_regisseur
    ));
    assert!(zichtbaar(
        Vertrouwelijkheid::EigenOrganisatie,
        &partner_collega
    ));
}

proptest! {
    #[test]
    fn parse_never_panics_and_accepted_values_are_in_range(
        soort in "\\PC{0,20}", datum in "\\PC{0,12}", duur in "\\PC{0,6}",
        deelnemers in "\\PC{0,200}", tolk in any::<bool>(), taal in "\\PC{0,80}",
        vertr in "\\PC{0,20}", samenvatting in "\\PC{0,50}",
    ) {
        let r = RawContactmoment {
            soort, datum, duur_minuten: duur, deelnemers, tolk, tolk_taal: taal,
            vertrouwelijkheid: vertr, samenvatting, vervolgafspraak: String::new(),
        };
        if let Ok(c) = Contactmoment::parse(&r, today()) {
            prop_assert!(c.datum <= today());
            prop_assert!(c.duur_minuten.is_none_or(|m| (1..=DUUR_MAX_MINUTEN).contains(&m)));
            prop_assert!(!c.samenvatting.is_empty());
            prop_assert_eq!(c.tolk_taal.is_some(), tolk);
            prop_assert!(c.deelnemers.len() <= DEELNEMERS_MAX);
        }
    }

    #[test]
    fn a_date_is_accepted_exactly_when_not_after_today(days in -400i64..400) {
        let datum = today() + chrono::Duration::days(days);
        let r = RawContactmoment { datum: datum.to_string(), ..raw() };
        let res = Contactmoment::parse(&r, today());
        prop_assert_eq!(res.is_ok(), days <= 0);
        if let Err(e) = res {
            prop_assert_eq!(e.for_field("datum").map(|f| f.code), Some("out_of_range"));
        }
    }

    #[test]
    fn the_signal_fires_exactly_after_the_threshold(
        start_off in 0i64..500, contact_off in proptest::option::of(0i64..500), drempel in 0u32..200,
    ) {
        let base = d("2025-01-01");
        let start = base + chrono::Duration::days(start_off);
        let laatste = contact_off.map(|o| base + chrono::Duration::days(o));
        let vanaf = laatste.map_or(start, |l| l.max(start));
        let today = base + chrono::Duration::days(600);
        let dagen = dagen_zonder_contact(laatste, start, today);
        prop_assert!(dagen >= 0);
        prop_assert_eq!(dagen, (today - vanaf).num_days());
        prop_assert_eq!(geen_contact_signaal(laatste, start, today, drempel), dagen > i64::from(drempel));
    }
}
