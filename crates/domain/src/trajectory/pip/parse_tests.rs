use uuid::Uuid;

use super::parse::{PipConcept, RawActiviteit, RawDoel, RawPip, parse_uren_per_week};
use crate::trajectory::codes::Leerroute;
use proptest::prelude::*;

fn ids() -> impl FnMut() -> Uuid {
    let mut n = 0u128;
    move || {
        n += 1;
        Uuid::from_u128(n)
    }
}

#[test]
fn an_empty_concept_is_well_formed() {
    let c = PipConcept::parse(&RawPip::default(), &mut ids()).expect("empty concept");
    assert_eq!(c.0.leerroute, None);
}

#[test]
fn no_map_in_the_onderwijsroute() {
    let raw = RawPip {
        leerroute: "O".into(),
        map_inhoud: "Werkstage".into(),
        ..Default::default()
    };
    let e = PipConcept::parse(&raw, &mut ids()).expect_err("refused");
    assert_eq!(e.0[0].field, "mapInhoud");
    assert!(e.0[0].message.contains("art. 8 lid 3"));
}

#[test]
fn codes_numbers_and_activity_dates_are_checked() {
    let raw = RawPip {
        leerroute: "X".into(),
        intensiteit_uren: "10000".into(),
        activiteiten: vec![RawActiviteit {
            omschrijving: "Taalcursus".into(),
            uren_per_week: "7,5".into(),
            startdatum: "01-05-2027".into(),
            einddatum: "01-04-2027".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let e = PipConcept::parse(&raw, &mut ids()).expect_err("refused");
    let fields: Vec<_> = e.0.iter().map(|f| (f.field, f.code)).collect();
    assert!(
        fields.contains(&("leerroute", "unknown_value")),
        "{fields:?}"
    );
    assert!(fields.contains(&("intensiteitUren", "out_of_range")));
    assert!(fields.contains(&("activiteiten", "inconsistent")));
}

#[test]
fn goals_keep_their_id_and_new_ones_get_one() {
    let keep = Uuid::from_u128(99);
    let raw = RawPip {
        leerroute: "B".into(),
        doelen: vec![
            RawDoel {
                doel_id: keep.to_string(),
                leefdomein: "werk".into(),
                omschrijving: "Baan".into(),
                ..Default::default()
            },
            RawDoel {
                leefdomein: "taal".into(),
                omschrijving: "Lezen".into(),
                ..Default::default()
            },
        ],
        activiteiten: vec![RawActiviteit {
            doel_id: keep.to_string(),
            omschrijving: "Sollicitatietraining".into(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let c = PipConcept::parse(&raw, &mut ids()).expect("ok").0;
    assert_eq!(c.leerroute, Some(Leerroute::B1));
    assert_eq!(c.doelen[0].doel_id, keep);
    assert_eq!(c.doelen[1].doel_id, Uuid::from_u128(1));
    assert_eq!(c.activiteiten[0].doel_id, Some(keep));
    // Round trip through the form's text.
    let again = PipConcept::parse(&c.to_raw(), &mut ids())
        .expect("round trip")
        .0;
    assert_eq!(again, c);
}

proptest! {
    #[test]
    fn hours_per_week_parse_in_range_or_refuse(n in -10.0f64..100.0) {
        let s = format!("{n:.1}").replace('.', ",");
        match parse_uren_per_week(&s) {
            Ok(Some(v)) => prop_assert!((0.0..=80.0).contains(&v)),
            Ok(None) => prop_assert!(false, "not empty"),
            Err(_) => prop_assert!(!(0.0..=80.0).contains(&s.replace(',', ".").parse::<f64>().unwrap_or(-1.0))),
        }
    }
}
