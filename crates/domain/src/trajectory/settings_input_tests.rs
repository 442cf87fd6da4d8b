use proptest::prelude::*;

use super::*;

fn defaults() -> RawTrajectInstellingen {
    RawTrajectInstellingen::from_settings(&TrajectInstellingen::default())
}

#[test]
fn the_defaults_parse_back_to_themselves() {
    assert_eq!(parse(&defaults()), Ok(TrajectInstellingen::default()));
}

#[test]
fn out_of_range_and_unknown_values_are_refused_all_at_once() {
    let raw = RawTrajectInstellingen {
        voortgang_interval_maanden: "13".into(),
        geen_contact_dagen: "6".into(),
        begeleiding_maanden: "".into(),
        map_urennorm: "veel".into(),
        leefdomeinen_set: "utrecht".into(),
        gezondheid_rollen: vec!["beleid".into()],
        ..defaults()
    };
    let e = parse(&raw).expect_err("refused");
    let fields: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        fields,
        vec![
            ("voortgangIntervalMaanden", "out_of_range"),
            ("geenContactDagen", "out_of_range"),
            ("begeleidingMaanden", "required"),
            ("mapUrennorm", "invalid"),
            ("leefdomeinenSet", "unknown_value"),
            ("gezondheidRollen", "unknown_value"),
        ]
    );
}

#[test]
fn health_roles_need_a_recorded_reason() {
    let raw = RawTrajectInstellingen {
        gezondheid_rollen: vec!["teamleider".into()],
        ..defaults()
    };
    let e = parse(&raw).expect_err("refused");
    assert_eq!(e.0[0].field, "gezondheidNoodzaak");
    let ok = RawTrajectInstellingen {
        gezondheid_noodzaak: "Teamleider beoordeelt medische ontheffingen.".into(),
        ..raw
    };
    let s = parse(&ok).expect("valid");
    assert_eq!(s.gezondheid_rollen, vec![Role::Teamleider]);
}

#[test]
fn roles_without_dossier_access_cannot_get_health_data() {
    for code in ["beleid", "beheerder", "privacy"] {
        let raw = RawTrajectInstellingen {
            gezondheid_rollen: vec![code.into()],
            gezondheid_noodzaak: "reden".into(),
            ..defaults()
        };
        assert!(parse(&raw).is_err(), "{code}");
    }
}

proptest! {
    #[test]
    fn an_interval_parses_exactly_when_it_is_1_to_12(n in 0u32..100) {
        let raw = RawTrajectInstellingen { voortgang_interval_maanden: n.to_string(), ..defaults() };
        let r = parse(&raw);
        prop_assert_eq!(r.is_ok(), (1..=12).contains(&n));
        if let Ok(s) = r {
            prop_assert_eq!(s.voortgang_interval_maanden, n);
        }
    }

    #[test]
    fn any_text_in_a_number_field_is_a_field_error_never_a_panic(s in ".{0,20}") {
        let raw = RawTrajectInstellingen { geen_contact_dagen: s, map_urennorm: "x".into(), ..defaults() };
        prop_assert!(parse(&raw).is_err());
    }
}
