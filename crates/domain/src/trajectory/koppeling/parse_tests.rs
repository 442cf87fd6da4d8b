use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::trajectory::koppeling::{ProfielStatus, ToetsInstrument};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 10).expect("valid")
}

const NAAR: &str = "0190a2b3-0000-7000-8000-000000000001";

fn full() -> RawKoppeling {
    RawKoppeling {
        datum_koppeling: "02-02-2026".into(),
        taakstelling_jaar: "2026".into(),
        taakstelling_halfjaar: "1".into(),
        azc_locatie: "AZC Budel-Cranendonck".into(),
        coa_contact: "J. de Vries".into(),
        huishouden: "gezin_met_kinderen".into(),
        talen: RawProfielAntwoord {
            status: "bekend".into(),
            toelichting: "Arabisch, Engels".into(),
        },
        opleiding: RawProfielAntwoord {
            status: "geen".into(),
            toelichting: "".into(),
        },
        kansenverkenner_datum: "15-01-2026".into(),
        kansenverkenner_samenvatting: "Wil verder in de zorg.".into(),
        toetsen: vec![RawToets {
            instrument: "noa".into(),
            datum: "2026-01-20".into(),
            scores: vec![("Taal".into(), "62".into()), ("".into(), "".into())],
            ..Default::default()
        }],
        overdracht: RawOverdracht {
            van_naam: "P. Jansen".into(),
            van_organisatie: "COA".into(),
            naar: NAAR.into(),
            datum: "2026-02-20".into(),
            besproken: "Gezondheid en school van de kinderen.".into(),
        },
        ..Default::default()
    }
}

fn fields(raw: &RawKoppeling) -> Vec<(&'static str, &'static str)> {
    parse(raw, today())
        .expect_err("refused")
        .iter()
        .map(|f| (f.field, f.code))
        .collect()
}

#[test]
fn a_full_koppeling_parses() {
    let k = parse(&full(), today()).expect("valid");
    assert_eq!(k.taakstelling, Halfjaar::new(2026, 1));
    assert_eq!(k.profiel.talen.status, ProfielStatus::Bekend);
    assert_eq!(k.profiel.opleiding.status, ProfielStatus::Geen);
    // Not filled in is "onbekend", never "geen".
    assert_eq!(k.profiel.werk.status, ProfielStatus::Onbekend);
    assert_eq!(k.voorintake.toetsen[0].instrument, ToetsInstrument::Noa);
    assert_eq!(k.voorintake.toetsen[0].scores.len(), 1);
    assert_eq!(
        k.overdracht.expect("valid").datum,
        NaiveDate::from_ymd_opt(2026, 2, 20).expect("valid")
    );
}

#[test]
fn an_empty_form_is_a_valid_unknown_koppeling() {
    let k = parse(&RawKoppeling::default(), today()).expect("valid");
    assert_eq!(k.datum_koppeling, None);
    assert_eq!(k.overdracht, None);
    assert_eq!(k.voorintake, Voorintake::default());
}

#[test]
fn half_year_3_and_a_missing_half_are_refused() {
    let raw = RawKoppeling {
        taakstelling_halfjaar: "3".into(),
        ..full()
    };
    assert_eq!(fields(&raw), vec![("taakstellingHalfjaar", "out_of_range")]);
    let raw = RawKoppeling {
        taakstelling_halfjaar: "".into(),
        ..full()
    };
    assert_eq!(fields(&raw), vec![("taakstellingHalfjaar", "required")]);
}

#[test]
fn a_bad_year_and_a_missing_half_are_reported_together() {
    let raw = RawKoppeling {
        taakstelling_jaar: "1850".into(),
        taakstelling_halfjaar: "".into(),
        ..full()
    };
    assert_eq!(
        fields(&raw),
        vec![
            ("taakstellingJaar", "out_of_range"),
            ("taakstellingHalfjaar", "required")
        ]
    );
    let raw = RawKoppeling {
        taakstelling_jaar: "".into(),
        taakstelling_halfjaar: "3".into(),
        ..full()
    };
    assert_eq!(
        fields(&raw),
        vec![
            ("taakstellingJaar", "required"),
            ("taakstellingHalfjaar", "out_of_range")
        ]
    );
}

#[test]
fn a_handover_before_the_koppeling_is_refused() {
    let mut raw = full();
    raw.overdracht.datum = "01-02-2026".into();
    assert_eq!(fields(&raw), vec![("overdracht.datum", "inconsistent")]);
}

#[test]
fn future_dates_are_refused() {
    let mut raw = full();
    raw.datum_koppeling = "11-03-2026".into();
    raw.kansenverkenner_datum = "2027-01-01".into();
    raw.overdracht.datum = "2026-03-11".into();
    assert_eq!(
        fields(&raw),
        vec![
            ("datumKoppeling", "out_of_range"),
            ("voorintake.kansenverkenner.datum", "out_of_range"),
            ("overdracht.datum", "out_of_range"),
        ]
    );
}

#[test]
fn unknown_codes_and_contradicting_texts_are_refused() {
    let mut raw = full();
    raw.huishouden = "groot".into();
    raw.werk = RawProfielAntwoord {
        status: "misschien".into(),
        toelichting: "".into(),
    };
    raw.beperkingen = RawProfielAntwoord {
        status: "geen".into(),
        toelichting: "rolstoel".into(),
    };
    raw.toetsen[0].instrument = "iq".into();
    assert_eq!(
        fields(&raw),
        vec![
            ("profiel.huishouden", "unknown_value"),
            ("profiel.werk.status", "unknown_value"),
            ("profiel.beperkingen.toelichting", "inconsistent"),
            ("voorintake.toetsen.0.instrument", "unknown_value"),
        ]
    );
}

#[test]
fn too_long_text_is_refused() {
    let raw = RawKoppeling {
        azc_locatie: "x".repeat(201),
        ..full()
    };
    assert_eq!(fields(&raw), vec![("azcLocatie", "too_long")]);
}

#[test]
fn a_handover_needs_its_receiver() {
    let mut raw = full();
    raw.overdracht.naar = "".into();
    assert_eq!(fields(&raw), vec![("overdracht.naar", "required")]);
}

proptest! {
    #[test]
    fn any_input_gives_a_koppeling_or_field_errors_never_a_panic(
        datum in ".{0,12}", jaar in ".{0,6}", half in ".{0,3}", score in ".{0,6}", status in ".{0,10}"
    ) {
        let mut raw = full();
        raw.datum_koppeling = datum;
        raw.taakstelling_jaar = jaar;
        raw.taakstelling_halfjaar = half;
        raw.toetsen[0].scores[0].1 = score;
        raw.talen.status = status;
        let _ = parse(&raw, today());
    }

    #[test]
    fn a_half_year_parses_exactly_when_it_is_1_or_2(h in 0u8..10, jaar in 1990i32..2110) {
        let raw = RawKoppeling { taakstelling_jaar: jaar.to_string(), taakstelling_halfjaar: h.to_string(), ..full() };
        let ok = matches!(h, 1 | 2) && (JAAR_MIN..=JAAR_MAX).contains(&jaar);
        prop_assert_eq!(parse(&raw, today()).is_ok(), ok);
    }

    #[test]
    fn a_handover_parses_exactly_when_it_lies_between_koppeling_and_today(offset in -60i64..60) {
        let koppeling = NaiveDate::from_ymd_opt(2026, 2, 2).expect("valid");
        let d = koppeling + chrono::Duration::days(offset);
        let mut raw = full();
        raw.overdracht.datum = d.to_string();
        prop_assert_eq!(parse(&raw, today()).is_ok(), d >= koppeling && d <= today());
    }
}

#[test]
fn control_characters_in_a_toets_are_refused_but_line_breaks_around_text_are_not() {
    let mut raw = full();
    raw.toetsen[0].scores[0].0 = "Ta\u{9b}al".into();
    assert_eq!(
        fields(&raw),
        vec![("voorintake.toetsen.0.scores", "invalid")]
    );
    let mut raw = full();
    raw.toetsen[0].instrument_naam = "\u{84}".into();
    assert_eq!(
        fields(&raw),
        vec![("voorintake.toetsen.0.instrument", "invalid")]
    );
    let mut raw = full();
    raw.toetsen[0].scores[0].0 = "\tLezen\nen schrijven\n".into();
    assert!(parse(&raw, today()).is_ok());
}
