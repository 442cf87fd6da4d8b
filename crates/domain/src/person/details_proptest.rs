//! Property tests of the person parser: valid input survives a round trip through the edit form, and
//! an oversized value is blamed on exactly the field that holds it.

use chrono::{Days, NaiveDate};
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

use super::test_fixtures::{full_raw, today};
use super::*;

fn days_after(start: NaiveDate, days: u64) -> NaiveDate {
    start.checked_add_days(Days::new(days)).unwrap_or(start)
}

/// A date written in either accepted notation.
fn typed(date: NaiveDate, dutch: bool) -> String {
    let format = if dutch { "%d-%m-%Y" } else { "%Y-%m-%d" };
    date.format(format).to_string()
}

fn key_date() -> impl Strategy<Value = Option<String>> {
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).expect("start");
    of((0u64..9_980, any::<bool>()).prop_map(move |(d, dutch)| typed(days_after(start, d), dutch)))
}

fn birth_date() -> impl Strategy<Value = Option<String>> {
    let start = NaiveDate::from_ymd_opt(1906, 5, 1).expect("120 years before today()");
    of(
        (0u64..43_830, any::<bool>())
            .prop_map(move |(d, dutch)| typed(days_after(start, d), dutch)),
    )
}

fn text(max: usize) -> impl Strategy<Value = Option<String>> {
    of(proptest::string::string_regex(&format!("[A-Za-zëéöçİ' .,-]{{0,{max}}}")).expect("regex"))
}

fn name() -> impl Strategy<Value = Option<String>> {
    "[A-Za-zëé][A-Za-zëé' -]{0,60}".prop_map(Some)
}

fn code(codes: &'static [&'static str]) -> impl Strategy<Value = Option<String>> {
    of(select(codes).prop_map(str::to_owned))
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    of(any::<bool>())
}

fn yes_no(b: Option<bool>, spelling: bool) -> Option<String> {
    b.map(|b| match (b, spelling) {
        (true, true) => "ja",
        (true, false) => "true",
        (false, true) => "Nee",
        (false, false) => "false",
    })
    .map(str::to_owned)
}

fn identity() -> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    let bsn = (1u32..1_000_000_000).prop_filter("elfproef", |n| is_valid_bsn_digits(*n));
    let postcode = (1000u32..10_000, "[A-RT-Za-rt-z][A-Za-z]", " ?")
        .prop_map(|(n, l, s)| format!("{n}{s}{l}"));
    (
        of(bsn.prop_map(|n| format!("{n:09}"))),
        of("[0-9]{10}"),
        of(postcode),
    )
}

/// Any valid RawPerson, including the cross-field rules (tolk, uitkering).
fn valid_raw() -> impl Strategy<Value = RawPerson> {
    let names = (
        name(),
        text(20),
        name(),
        birth_date(),
        code(Geslacht::CODES),
        text(100),
        text(100),
        text(200),
    );
    let tolk = (
        flag(),
        name(),
        any::<bool>(),
        code(Alfabetisering::CODES),
        code(Opleidingsniveau::CODES),
    );
    let codes = (
        code(Werkervaring::CODES),
        code(Doelgroep::CODES),
        code(Regime::CODES),
    );
    let uitkering = (flag(), key_date(), any::<bool>());
    let dates = (key_date(), key_date(), key_date(), key_date());
    let address = (
        text(100),
        of("[1-9][0-9]{0,3}[a-z]?"),
        text(100),
        of("0[1-9][0-9]{8}"),
        of("[a-z]{1,12}@[a-z]{1,12}\\.nl"),
    );
    (identity(), names, tolk, codes, uitkering, dates, address).prop_map(
        |((bsn, v_nummer, postcode), n, t, c, u, d, a)| RawPerson {
            bsn,
            v_nummer,
            voornamen: n.0,
            tussenvoegsel: n.1,
            geslachtsnaam: n.2,
            geboortedatum: n.3,
            geslacht: n.4,
            geboorteland: n.5,
            nationaliteit: n.6,
            talen: n.7,
            tolk_nodig: yes_no(t.0, t.2),
            tolk_taal: if t.0 == Some(true) { t.1 } else { None },
            alfabetisering: t.3,
            opleidingsniveau: t.4,
            werkervaring: c.0,
            doelgroep: c.1,
            regime: c.2,
            uitkering_pw: yes_no(u.0, u.2),
            uitkering_pw_startdatum: if u.0 == Some(true) { u.1 } else { None },
            datum_koppeling: d.0,
            datum_brp_inschrijving: d.1,
            datum_kennisgeving_duo: d.2,
            datum_huisvesting: d.3,
            straat: a.0,
            huisnummer: a.1,
            postcode,
            woonplaats: a.2,
            telefoon: a.3,
            email: a.4,
        },
    )
}

proptest! {
    #[test]
    fn valid_person_round_trips_through_the_edit_form(raw in valid_raw()) {
        let parsed = PersonDetails::parse(&raw, today());
        prop_assert!(parsed.is_ok(), "refused: {:?}", parsed.as_ref().err().map(|e| e.to_string()));
        let details = parsed.expect("checked above");
        let again = PersonDetails::parse(&details.to_raw(), today());
        prop_assert!(again.as_ref() == Ok(&details), "round trip changed {:?}", details.to_raw().filled_fields());
        let c = details.completeness();
        prop_assert_eq!(c.known + c.missing.len(), c.total);
    }

    #[test]
    fn an_oversized_field_is_refused_for_exactly_that_field(
        index in 0usize..29,
        filler in "[a-z0-9é]",
        len in 255usize..400,
    ) {
        let field = RawPerson::FIELD_NAMES[index];
        let mut raw = full_raw();
        *raw.field_mut(field).expect("known field") = Some(filler.repeat(len));
        let errors = PersonDetails::parse(&raw, today()).expect_err("oversized");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        prop_assert_eq!(fields, vec![field]);
    }

    #[test]
    fn free_text_up_to_its_limit_is_kept_and_beyond_it_refused(
        (field, max) in select(&[("voornamen", 200usize), ("geslachtsnaam", 200), ("tussenvoegsel", 20),
            ("geboorteland", 100), ("talen", 200), ("straat", 100), ("woonplaats", 100)][..]),
        len in 1usize..260,
    ) {
        let mut raw = full_raw();
        *raw.field_mut(field).expect("known field") = Some("ö".repeat(len));
        let result = PersonDetails::parse(&raw, today());
        if len <= max {
            prop_assert!(result.is_ok());
        } else {
            let errors = result.expect_err("too long");
            prop_assert_eq!(errors.for_field(field).map(|e| e.code), Some("too_long"));
        }
    }
}
