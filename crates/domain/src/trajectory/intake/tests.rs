//! Status and value rules of the sections.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::inhoud::*;
use super::lbt::{LbtOverslagReden, Leerbaarheidstoets};
use super::*;
use crate::trajectory::codes::{LbtUitslag, SectieStatus};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
}

fn antwoord(k: u8) -> Antwoord<String> {
    match k % 3 {
        0 => Antwoord::NietGevraagd,
        1 => Antwoord::GeenProbleem,
        _ => Antwoord::Antwoord("Rugklachten".into()),
    }
}

#[test]
fn no_problem_is_an_answer_not_asked_is_not() {
    let g = Gezondheid {
        lichamelijk: Antwoord::GeenProbleem,
        psychisch: Antwoord::GeenProbleem,
        overige_omstandigheden: Antwoord::NietGevraagd,
    };
    assert_eq!(
        SectieInhoud::Gezondheid(g.clone()).status(),
        SectieStatus::Deels
    );
    let all = Gezondheid {
        overige_omstandigheden: Antwoord::GeenProbleem,
        ..g
    };
    assert_eq!(
        SectieInhoud::Gezondheid(all).status(),
        SectieStatus::Compleet
    );
}

#[test]
fn a_skipped_lbt_is_complete_but_other_needs_a_reason() {
    let skipped = Leerbaarheidstoets::Overgeslagen {
        reden: LbtOverslagReden::OntheffingVisueel,
        toelichting: String::new(),
    };
    let s = SectieInhoud::Leerbaarheidstoets(skipped);
    assert_eq!(s.status(), SectieStatus::Compleet);
    assert!(s.check(today()).is_ok());
    let other = SectieInhoud::Leerbaarheidstoets(Leerbaarheidstoets::Overgeslagen {
        reden: LbtOverslagReden::Anders,
        toelichting: "  ".into(),
    });
    assert_eq!(
        other.check(today()).expect_err("reason").0[0].field,
        "toelichting"
    );
}

#[test]
fn an_lbt_in_the_future_is_refused() {
    let s = SectieInhoud::Leerbaarheidstoets(Leerbaarheidstoets::Afgenomen {
        uitslag: LbtUitslag::B1Haalbaar,
        datum: today().succ_opt().expect("date"),
        scores: vec![],
    });
    assert_eq!(s.check(today()).expect_err("future").0[0].field, "datum");
}

#[test]
fn an_empty_answer_must_say_no_problem_instead() {
    let s = SectieInhoud::Financien(Financien {
        inkomen: Antwoord::Antwoord(" ".into()),
        schulden: Antwoord::GeenProbleem,
    });
    assert_eq!(s.check(today()).expect_err("empty").0[0].field, "inkomen");
}

#[test]
fn every_empty_section_is_not_started() {
    for set in crate::trajectory::codes::LeefdomeinenSet::ALL {
        for s in Sectie::alle(*set) {
            assert_eq!(SectieInhoud::leeg(s).status(), SectieStatus::NietGestart);
        }
    }
}

proptest! {
    /// The status says exactly how many questions were asked: none, some, or all.
    #[test]
    fn status_follows_the_questions_asked(a in 0u8..3, b in 0u8..3, c in 0u8..3) {
        let s = SectieInhoud::Leefdomein(LeefdomeinInhoud {
            situatie: antwoord(a),
            belemmeringen: antwoord(b),
            wensen: antwoord(c),
        });
        let asked = [a, b, c].iter().filter(|k| **k % 3 != 0).count();
        let want = match asked {
            0 => SectieStatus::NietGestart,
            3 => SectieStatus::Compleet,
            _ => SectieStatus::Deels,
        };
        prop_assert_eq!(s.status(), want);
        prop_assert!(s.check(today()).is_ok());
    }
}
