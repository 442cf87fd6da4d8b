//! Worked examples for completion (A-5, G-1, G-2, G-5, G-10, G-11, F-8, K-1, K-5).

use super::completion::*;
use super::hours::UrenTotalen;
use super::test_dates::d;
use crate::trajectory::codes::{
    DuoBesluitSoort, ExamenNiveau, ExamenOnderdeel as O, ExamenUitslag, Leerroute, Niveau,
    VoldaanGrond,
};

fn geslaagd(onderdeel: O, niveau: ExamenNiveau) -> ExamenResultaat {
    ExamenResultaat {
        onderdeel,
        niveau: Some(niveau),
        uitslag: ExamenUitslag::Geslaagd,
    }
}

fn b1_route() -> AfrondingFeiten {
    AfrondingFeiten {
        leerroute: Some(Leerroute::B1),
        niveau: Some(Niveau::B1),
        pvt_ondertekend: Some(d("2027-01-10")),
        map_eindgesprek: Some(d("2027-06-10")),
        examens: [O::Knm, O::Le, O::Lu, O::Sc, O::Sp]
            .into_iter()
            .map(|o| geslaagd(o, ExamenNiveau::B1))
            .collect(),
        ..Default::default()
    }
}

#[test]
fn g1_b1_route_is_met_with_all_five_exams_pvt_and_map() {
    let a = afronding(&b1_route());
    assert_eq!(a.openstaand, vec![]);
    assert_eq!(a.voldaan, Some(VoldaanGrond::Examen));
}

#[test]
fn g1_an_a2_pass_does_not_count_at_niveau_b1_unless_that_component_was_afgeschaald() {
    let mut f = b1_route();
    f.examens.retain(|e| e.onderdeel != O::Sc);
    f.examens.push(geslaagd(O::Sc, ExamenNiveau::A2));
    assert_eq!(
        afronding(&f).openstaand,
        vec![Openstaand::Examen(O::Sc, ExamenNiveau::B1)]
    );
    f.afgeschaald = vec![O::Sc];
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Examen));
}

#[test]
fn a_failed_exam_and_b2_pass_are_told_apart() {
    let mut f = b1_route();
    f.examens.retain(|e| e.onderdeel != O::Lu);
    f.examens.push(ExamenResultaat {
        onderdeel: O::Lu,
        niveau: Some(ExamenNiveau::B1),
        uitslag: ExamenUitslag::Gezakt,
    });
    assert_eq!(afronding(&f).voldaan, None);
    f.examens.push(geslaagd(O::Lu, ExamenNiveau::B2));
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Examen));
}

#[test]
fn a5_pvt_and_map_stay_due_after_the_exams() {
    let mut f = b1_route();
    f.pvt_ondertekend = None;
    f.map_eindgesprek = None;
    assert_eq!(
        afronding(&f).openstaand,
        vec![Openstaand::Pvt, Openstaand::Map]
    );
}

#[test]
fn g5_onderwijsroute_needs_no_map() {
    let f = AfrondingFeiten {
        leerroute: Some(Leerroute::Onderwijs),
        onderwijsroute_afgerond: Some(d("2028-07-01")),
        pvt_ondertekend: Some(d("2027-01-10")),
        ..Default::default()
    };
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Onderwijsroute));
}

#[test]
fn g10_z_route_needs_hours_and_eindgesprek() {
    let mut f = AfrondingFeiten {
        leerroute: Some(Leerroute::Z),
        asielstatushouder: true,
        pvt_ondertekend: Some(d("2027-01-10")),
        map_eindgesprek: Some(d("2027-06-10")),
        uren: UrenTotalen {
            nt2_cursus: 800,
            participatie: 700,
            pvt: 12,
            map: 64,
        },
        ..Default::default()
    };
    assert_eq!(
        afronding(&f).openstaand,
        vec![
            Openstaand::ZParticipatieuren { nog: 24 },
            Openstaand::ZEindgesprek
        ]
    );
    f.uren.participatie = 724;
    f.z_eindgesprek = Some(d("2029-01-10"));
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::ZRoute));
}

#[test]
fn no_pip_means_the_leerroute_itself_is_due() {
    assert_eq!(
        afronding(&AfrondingFeiten::default()).openstaand,
        vec![Openstaand::Leerroute]
    );
}

#[test]
fn k1_k5_full_decisions_end_the_obligation_and_partial_ones_remove_components() {
    let volledig = |soort| DuoBesluitFeit {
        soort,
        volledig: true,
        onderdelen: vec![],
        participatie_max_uren: None,
    };
    let mut f = AfrondingFeiten {
        duo_besluiten: vec![volledig(DuoBesluitSoort::Ontheffing)],
        ..Default::default()
    };
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Ontheffing));
    f.duo_besluiten = vec![volledig(DuoBesluitSoort::Vrijstelling)];
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Vrijstelling));

    let mut f = b1_route();
    f.examens.retain(|e| !matches!(e.onderdeel, O::Sp | O::Sc));
    f.duo_besluiten = vec![DuoBesluitFeit {
        soort: DuoBesluitSoort::Ontheffing,
        volledig: false,
        onderdelen: vec![O::Sp, O::Sc],
        participatie_max_uren: None,
    }];
    assert_eq!(afronding(&f).voldaan, Some(VoldaanGrond::Examen));
}
