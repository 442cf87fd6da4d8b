use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn today() -> NaiveDate {
    d("2026-06-30")
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn zrm(datum: &str, p: &[(&str, &str)]) -> RawMeting {
    RawMeting {
        instrument: "zrm_2017".into(),
        moment: "start".into(),
        datum: datum.into(),
        scores: pairs(p),
        toelichting: String::new(),
    }
}

fn taal(datum: &str, p: &[(&str, &str)]) -> RawMeting {
    RawMeting {
        instrument: "taal".into(),
        ..zrm(datum, p)
    }
}

fn ok(r: RawMeting) -> Meting {
    Meting::parse(&r, today()).expect("valid")
}

#[test]
fn the_code_lists_follow_the_zrm_2017_and_the_language_scale() {
    assert_eq!(ZrmDomein::ALL.len(), 13);
    let bijzonder: Vec<_> = ZrmDomein::ALL
        .iter()
        .filter(|d| d.is_bijzonder())
        .map(|d| d.code())
        .collect();
    assert_eq!(
        bijzonder,
        [
            "geestelijke_gezondheid",
            "lichamelijke_gezondheid",
            "middelengebruik",
            "justitie"
        ]
    );
    // Same domains, same special-category flags as the intake's ZRM set.
    for (d, l) in ZrmDomein::ALL
        .iter()
        .zip(crate::trajectory::intake::leefdomeinen::ZRM_2017)
    {
        assert_eq!(
            (d.leefdomein_code().as_str(), d.label(), d.is_bijzonder()),
            (l.code, l.naam, l.bijzonder)
        );
    }
    assert!(Taalniveau::A0 < Taalniveau::A2 && Taalniveau::B1 < Taalniveau::B2);
    assert!(ZrmTrede::BeperktZelfredzaam < ZrmTrede::VoldoendeZelfredzaam);
    assert_eq!(
        ZrmTrede::AcuteProblematiek.label(),
        "1 – Acute problematiek"
    );
}

#[test]
fn scores_are_typed_per_instrument_and_blank_rows_are_skipped() {
    let m = ok(zrm(
        "2026-06-01",
        &[("financien", "3"), ("justitie", ""), ("huisvesting", " 5 ")],
    ));
    assert_eq!(m.instrument(), Instrument::Zrm2017);
    assert_eq!(
        m.scores,
        Scores::Zrm(vec![
            (ZrmDomein::Financien, ZrmTrede::BeperktZelfredzaam),
            (ZrmDomein::Huisvesting, ZrmTrede::VolledigZelfredzaam)
        ])
    );
    let t = ok(taal("2026-06-01", &[("spreken", "A2"), ("lezen", "b1")]));
    assert_eq!(
        t.scores,
        Scores::Taal(vec![
            (Vaardigheid::Spreken, Taalniveau::A2),
            (Vaardigheid::Lezen, Taalniveau::B1)
        ])
    );
}

#[test]
fn wrong_scores_name_the_range_and_the_domain() {
    let e = Meting::parse(
        &zrm(
            "2026-06-01",
            &[("financien", "6"), ("financien", "2"), ("werk", "3")],
        ),
        today(),
    )
    .expect_err("refused");
    let got: Vec<_> = e
        .iter()
        .map(|f| (f.field, f.code, f.message.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "scores",
                "out_of_range",
                "Kies een trede van 1 tot en met 5 bij Financiën."
            ),
            (
                "scores",
                "duplicate",
                "Financiën staat meer dan één keer in de meting."
            ),
            (
                "scores",
                "unknown_value",
                "Onbekend onderdeel: laad het formulier opnieuw."
            ),
        ]
    );
    let e = Meting::parse(&taal("2026-06-01", &[("spreken", "C1")]), today()).expect_err("C1");
    assert_eq!(
        e.for_field("scores").map(|f| f.message.as_str()),
        Some("Kies een niveau van A0 tot en met B2 bij Spreken.")
    );
    let e = Meting::parse(&taal("2026-06-01", &[("financien", "a1")]), today())
        .expect_err("ZRM domain in a language test");
    assert_eq!(e.for_field("scores").map(|f| f.code), Some("unknown_value"));
    let e = Meting::parse(
        &zrm("2026-07-01", &[("spreken", ""), ("financien", " ")]),
        today(),
    )
    .expect_err("empty");
    let got: Vec<_> = e.iter().map(|f| (f.field, f.code)).collect();
    assert_eq!(
        got,
        vec![("datum", "out_of_range"), ("scores", "unknown_value")]
    );
    let e = Meting::parse(&zrm("2026-06-01", &[("financien", " ")]), today())
        .expect_err("nothing scored");
    assert_eq!(
        e.for_field("scores").map(|f| f.message.as_str()),
        Some("Vul minstens één score in.")
    );
}

#[test]
fn course_per_domain_is_ordered_by_date_and_targets_use_the_latest_score() {
    let ms = vec![
        ok(zrm(
            "2026-05-01",
            &[("huisvesting", "4"), ("financien", "2")],
        )),
        ok(zrm("2026-01-01", &[("financien", "1")])),
        ok(taal(
            "2026-03-01",
            &[("spreken", "a1"), ("luisteren", "a2")],
        )),
        ok(taal("2026-06-01", &[("spreken", "b1")])),
    ];
    let v = verloop(&ms);
    let rijen: Vec<_> = v.iter().map(|r| r.onderdeel).collect();
    assert_eq!(
        rijen,
        vec![
            Onderdeel::Zrm(ZrmDomein::Financien),
            Onderdeel::Zrm(ZrmDomein::Huisvesting),
            Onderdeel::Taal(Vaardigheid::Spreken),
            Onderdeel::Taal(Vaardigheid::Luisteren)
        ]
    );
    let fin: Vec<_> = v[0]
        .punten
        .iter()
        .map(|p| (p.datum, p.waarde.positie()))
        .collect();
    assert_eq!(fin, vec![(d("2026-01-01"), 1), (d("2026-05-01"), 2)]);
    assert!(doel_bereikt(
        &ms,
        ZrmDomein::Huisvesting,
        ZrmTrede::VoldoendeZelfredzaam
    ));
    assert!(!doel_bereikt(
        &ms,
        ZrmDomein::Financien,
        ZrmTrede::VoldoendeZelfredzaam
    ));
    assert!(
        !doel_bereikt(&ms, ZrmDomein::Justitie, ZrmTrede::AcuteProblematiek),
        "never scored"
    );
    assert_eq!(
        vaardigheden_op_niveau(&ms, Taalniveau::A2),
        vec![Vaardigheid::Spreken, Vaardigheid::Luisteren]
    );
    assert!(niveau_behaald(&ms, Taalniveau::B1));
    assert!(!niveau_behaald(&ms, Taalniveau::B2));
    assert!(!niveau_behaald(&[], Taalniveau::A0));
}

proptest! {
    #[test]
    fn parse_never_panics_and_accepted_scores_are_known_unique_and_on_the_scale(
        instrument in prop_oneof![Just("zrm_2017".to_owned()), Just("taal".to_owned()), "\\PC{0,8}"],
        datum in prop_oneof![Just("2026-06-01".to_owned()), "\\PC{0,12}"],
        scores in proptest::collection::vec(
            (prop_oneof![Just("financien".to_owned()), Just("spreken".to_owned()), Just("justitie".to_owned()), "\\PC{0,10}"],
             prop_oneof![Just("3".to_owned()), Just("a2".to_owned()), "\\PC{0,3}"]),
            0..6),
    ) {
        let raw = RawMeting { instrument, moment: "eind".into(), datum, scores, toelichting: String::new() };
        if let Ok(m) = Meting::parse(&raw, today()) {
            prop_assert!(m.datum <= today());
            let onderdelen: Vec<Onderdeel> = verloop(std::slice::from_ref(&m)).into_iter().map(|r| r.onderdeel).collect();
            let n = match &m.scores { Scores::Zrm(s) => s.len(), Scores::Taal(s) => s.len() };
            prop_assert!(n >= 1);
            prop_assert_eq!(onderdelen.len(), n, "each domain or skill once");
        }
    }

    #[test]
    fn every_zrm_step_is_accepted_and_nothing_else(score in "[0-9]{1,2}") {
        let res = Meting::parse(&zrm("2026-06-01", &[("financien", &score)]), today());
        let in_range = matches!(score.as_str(), "1" | "2" | "3" | "4" | "5");
        prop_assert_eq!(res.is_ok(), in_range);
        if let Err(e) = res {
            prop_assert_eq!(e.for_field("scores").map(|f| f.code), Some("out_of_range"));
        }
    }

    #[test]
    fn the_target_follows_the_latest_score(a in 1u8..=5, b in 1u8..=5, doel in 1u8..=5) {
        let ms = vec![
            ok(zrm("2026-06-01", &[("werk_opleiding", &b.to_string())])),
            ok(zrm("2026-01-01", &[("werk_opleiding", &a.to_string())])),
        ];
        let doel_trede = ZrmTrede::parse(&doel.to_string()).expect("1-5");
        prop_assert_eq!(doel_bereikt(&ms, ZrmDomein::WerkOpleiding, doel_trede), b >= doel);
    }
}
