//! Worked examples for the PIP deadline (D-1, D-2, D-3, D-7, D-10).

use super::pip_deadline::*;
use super::test_dates::d;

fn kennisgeving(s: &str) -> PipTermijnFeiten {
    PipTermijnFeiten {
        kennisgeving: Some(d(s)),
        ..Default::default()
    }
}

fn bekend(t: PipTermijn) -> PipDeadline {
    match t {
        PipTermijn::Bekend(deadline) => deadline,
        other => panic!("expected a deadline, got {other:?}"),
    }
}

#[test]
fn d1_pip_is_due_ten_weeks_after_the_kennisgeving() {
    let t = bekend(pip_deadline(&kennisgeving("2026-03-02"), true));
    assert_eq!(t.nominaal, d("2026-05-11"));
    assert_eq!(t.wettelijk, d("2026-05-11"), "a Monday: no shift");
    assert_eq!(t.grondslag, PipTermijnGrondslag::Kennisgeving);
}

#[test]
fn d10_a_deadline_on_koningsdag_hemelvaart_or_5_mei_moves_to_the_next_working_day() {
    for (kg, nominaal, wettelijk) in [
        ("2026-02-16", "2026-04-27", "2026-04-28"), // Koningsdag
        ("2026-03-05", "2026-05-14", "2026-05-15"), // Hemelvaartsdag
        ("2026-02-24", "2026-05-05", "2026-05-06"), // 5 mei
        ("2026-01-23", "2026-04-03", "2026-04-07"), // Goede Vrijdag + Pasen
    ] {
        let t = bekend(pip_deadline(&kennisgeving(kg), true));
        assert_eq!(
            (t.nominaal, t.wettelijk),
            (d(nominaal), d(wettelijk)),
            "kennisgeving {kg}"
        );
    }
}

#[test]
fn d10_without_the_setting_the_nominal_date_counts() {
    let t = bekend(pip_deadline(&kennisgeving("2026-02-16"), false));
    assert_eq!(t.wettelijk, d("2026-04-27"));
}

#[test]
fn d2_brp_registration_after_the_kennisgeving_counts_only_for_huisvestingswet() {
    let mut f = kennisgeving("2026-03-02");
    f.brp_inschrijving = Some(d("2026-04-15"));
    let gezinsmigrant = bekend(pip_deadline(&f, true));
    assert_eq!(gezinsmigrant.grondslag, PipTermijnGrondslag::Kennisgeving);
    assert_eq!(gezinsmigrant.wettelijk, d("2026-05-11"));

    f.huisvestingswet = true;
    let statushouder = bekend(pip_deadline(&f, true));
    assert_eq!(statushouder.grondslag, PipTermijnGrondslag::BrpInschrijving);
    assert_eq!(statushouder.nominaal, d("2026-06-24"));
}

#[test]
fn d2_registered_before_the_kennisgeving_keeps_the_main_rule() {
    let mut f = kennisgeving("2026-03-02");
    f.huisvestingswet = true;
    f.brp_inschrijving = Some(d("2026-03-02"));
    assert_eq!(
        bekend(pip_deadline(&f, true)).grondslag,
        PipTermijnGrondslag::Kennisgeving
    );
}

#[test]
fn missing_anchor_dates_give_an_explicit_unknown() {
    assert_eq!(
        pip_deadline(&PipTermijnFeiten::default(), true),
        PipTermijn::Onbekend(PipTermijnOnbekend::KennisgevingOntbreekt)
    );
    let mut f = kennisgeving("2026-03-02");
    f.huisvestingswet = true;
    assert_eq!(
        pip_deadline(&f, true),
        PipTermijn::Onbekend(PipTermijnOnbekend::BrpInschrijvingOntbreekt)
    );
}

#[test]
fn d3_waiting_for_third_party_information_holds_the_deadline_until_receipt_plus_two_weeks() {
    let mut f = kennisgeving("2026-03-02");
    f.derde_info_gevraagd = Some(d("2026-04-01"));
    assert!(matches!(
        pip_deadline(&f, true),
        PipTermijn::WachtOpDerde { .. }
    ));

    f.derde_info_ontvangen = Some(d("2026-05-20"));
    let t = bekend(pip_deadline(&f, true));
    assert_eq!(t.grondslag, PipTermijnGrondslag::DerdeInformatie);
    assert_eq!(t.nominaal, d("2026-06-03"));
}

#[test]
fn d3_early_information_never_shortens_the_ordinary_deadline() {
    let mut f = kennisgeving("2026-03-02");
    f.derde_info_gevraagd = Some(d("2026-03-10"));
    f.derde_info_ontvangen = Some(d("2026-03-20"));
    let t = bekend(pip_deadline(&f, true));
    assert_eq!(t.grondslag, PipTermijnGrondslag::Kennisgeving);
    assert_eq!(t.nominaal, d("2026-05-11"));
}

#[test]
fn d7_after_a_move_the_new_gemeente_has_ten_weeks_from_inschrijving() {
    let mut f = kennisgeving("2025-01-06");
    f.verhuizing_inschrijving = Some(d("2026-09-01"));
    let t = bekend(pip_deadline(&f, true));
    assert_eq!(t.grondslag, PipTermijnGrondslag::Verhuizing);
    assert_eq!(t.nominaal, d("2026-11-10"));
    // The third-party exception is for the lid 1 term only.
    f.derde_info_gevraagd = Some(d("2026-09-10"));
    assert_eq!(
        bekend(pip_deadline(&f, true)).grondslag,
        PipTermijnGrondslag::Verhuizing
    );
}
