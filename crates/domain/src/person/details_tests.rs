//! Example-based tests of `PersonDetails::parse`: each test states one rule a case worker meets.

use chrono::NaiveDate;

use super::test_fixtures::{full_raw, today};
use super::*;
use crate::validation::ValidationErrors;

fn errors_of(raw: &RawPerson) -> ValidationErrors {
    PersonDetails::parse(raw, today()).expect_err("should be refused")
}

fn with(field: &str, value: &str) -> RawPerson {
    let mut raw = full_raw();
    if let Some(slot) = raw.field_mut(field) {
        *slot = Some(value.to_owned());
    }
    raw
}

fn code_for(raw: &RawPerson, field: &str) -> Option<&'static str> {
    errors_of(raw).for_field(field).map(|e| e.code)
}

#[test]
fn a_full_person_parses_and_is_normalised() {
    let p = PersonDetails::parse(&full_raw(), today()).expect("valid");
    assert_eq!(p.postcode.as_ref().map(|p| p.as_str()), Some("6001 AB"));
    assert_eq!(p.geboortedatum, NaiveDate::from_ymd_opt(1991, 3, 14));
    assert_eq!(p.tolk_nodig, Some(true));
    assert_eq!(p.doelgroep, Some(Doelgroep::Asielstatushouder));
    assert_eq!(p.display_name(), "Amal Noor el Haddad");
    assert!(p.completeness().is_complete());
    let raw = p.to_raw();
    assert_eq!(raw.geboortedatum.as_deref(), Some("1991-03-14"));
    assert_eq!(raw.postcode.as_deref(), Some("6001 AB"));
    assert_eq!(PersonDetails::parse(&raw, today()), Ok(p));
}

#[test]
fn only_the_names_are_required() {
    let raw = RawPerson {
        voornamen: Some(" Amal ".into()),
        geslachtsnaam: Some("Haddad".into()),
        bsn: Some("   ".into()),
        ..RawPerson::default()
    };
    let p = PersonDetails::parse(&raw, today()).expect("names suffice");
    assert_eq!(p.bsn, None, "blank means onbekend");
    assert_eq!(p.display_name(), "Amal Haddad");
    let e = errors_of(&RawPerson::default());
    assert_eq!(e.for_field("voornamen").map(|e| e.code), Some("required"));
    assert_eq!(
        e.for_field("geslachtsnaam").map(|e| e.code),
        Some("required")
    );
    assert_eq!(e.0.len(), 2);
}

#[test]
fn all_errors_are_reported_at_once() {
    let mut raw = with("bsn", "123456781");
    raw.postcode = Some("0123 AB".into());
    raw.email = Some("geen-adres".into());
    raw.voornamen = None;
    let e = errors_of(&raw);
    let fields: Vec<_> = e.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["bsn", "voornamen", "postcode", "email"]);
    assert_eq!(e.0[0].message, "Dit BSN voldoet niet aan de elfproef.");
}

#[test]
fn impossible_dates_are_refused_with_a_clear_message() {
    let e = errors_of(&with("datumKoppeling", "2026-02-30"));
    let err = e.for_field("datumKoppeling").expect("error");
    assert_eq!(
        (err.code, err.message.as_str()),
        ("invalid", "Deze datum bestaat niet.")
    );
    assert_eq!(
        code_for(&with("geboortedatum", "1 maart 1990"), "geboortedatum"),
        Some("invalid")
    );
}

#[test]
fn geboortedatum_not_in_the_future_nor_over_120_years_ago() {
    assert_eq!(
        code_for(&with("geboortedatum", "2026-05-02"), "geboortedatum"),
        Some("out_of_range")
    );
    assert_eq!(
        code_for(&with("geboortedatum", "1906-04-30"), "geboortedatum"),
        Some("out_of_range")
    );
    for ok in ["2026-05-01", "1906-05-01"] {
        assert!(
            PersonDetails::parse(&with("geboortedatum", ok), today()).is_ok(),
            "{ok}"
        );
    }
}

#[test]
fn key_dates_lie_between_2000_and_one_year_ahead() {
    for field in [
        "datumKoppeling",
        "datumBrpInschrijving",
        "datumKennisgevingDuo",
        "datumHuisvesting",
        "uitkeringPwStartdatum",
    ] {
        assert_eq!(
            code_for(&with(field, "1999-12-31"), field),
            Some("out_of_range"),
            "{field}"
        );
        assert_eq!(
            code_for(&with(field, "2027-05-02"), field),
            Some("out_of_range"),
            "{field}"
        );
        assert!(
            PersonDetails::parse(&with(field, "2000-01-01"), today()).is_ok(),
            "{field}"
        );
        assert!(
            PersonDetails::parse(&with(field, "01-05-2027"), today()).is_ok(),
            "{field}"
        );
    }
    let e = errors_of(&with("datumKoppeling", "2030-01-01"));
    assert_eq!(
        e.0[0].message,
        "Kies een datum tussen 01-01-2000 en 01-05-2027."
    );
}

#[test]
fn tolk_taal_is_needed_exactly_when_a_tolk_is_needed() {
    let mut raw = full_raw();
    raw.tolk_taal = None;
    assert_eq!(code_for(&raw, "tolkTaal"), Some("inconsistent"));
    let raw = with("tolkNodig", "nee");
    assert_eq!(code_for(&raw, "tolkTaal"), Some("inconsistent"));
    let mut raw = with("tolkNodig", "false");
    raw.tolk_taal = None;
    assert_eq!(
        PersonDetails::parse(&raw, today()).map(|p| p.tolk_nodig),
        Ok(Some(false))
    );
}

#[test]
fn uitkering_startdatum_only_with_an_uitkering() {
    assert_eq!(
        code_for(&with("uitkeringPw", "nee"), "uitkeringPwStartdatum"),
        Some("inconsistent")
    );
    let mut raw = full_raw();
    raw.uitkering_pw = None;
    assert_eq!(
        code_for(&raw, "uitkeringPwStartdatum"),
        Some("inconsistent")
    );
    assert_eq!(
        code_for(&with("uitkeringPw", "misschien"), "uitkeringPw"),
        Some("invalid")
    );
    assert_eq!(
        errors_of(&with("uitkeringPw", "misschien")).0.len(),
        1,
        "one mistake, one message"
    );
}

#[test]
fn unknown_codes_list_the_allowed_codes() {
    let e = errors_of(&with("doelgroep", "expat"));
    let err = e.for_field("doelgroep").expect("error");
    assert_eq!(err.code, "unknown_value");
    assert_eq!(
        err.message,
        "Onbekende waarde. Kies uit: asielstatushouder, gezinsmigrant, overige_migrant."
    );
    let p = PersonDetails::parse(&with("regime", "WI2021"), today()).expect("case-insensitive");
    assert_eq!(p.regime, Some(Regime::Wi2021));
}

#[test]
fn free_text_limits_and_control_characters() {
    assert_eq!(
        code_for(&with("tussenvoegsel", &"v".repeat(21)), "tussenvoegsel"),
        Some("too_long")
    );
    assert!(PersonDetails::parse(&with("talen", &"a".repeat(200)), today()).is_ok());
    assert_eq!(
        code_for(&with("talen", &"a".repeat(201)), "talen"),
        Some("too_long")
    );
    assert_eq!(
        code_for(&with("straat", "Markt\n12"), "straat"),
        Some("invalid")
    );
    assert_eq!(
        code_for(&with("telefoon", "bel maar"), "telefoon"),
        Some("invalid")
    );
}

#[test]
fn debug_output_never_contains_personal_data() {
    let p = PersonDetails::parse(&full_raw(), today()).expect("valid");
    let shown = format!("{p:?}");
    for secret in [
        "111222333",
        "1234567890",
        "Amal",
        "Haddad",
        "1991",
        "6001",
        "amal@",
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("\"bsn\""), "{shown}");
}
