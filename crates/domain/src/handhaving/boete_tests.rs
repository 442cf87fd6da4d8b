use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::boete::{BREDE_INTAKE_CENTS, PIP_MAXIMUM_CENTS, tellende_eerdere};
use super::*;

fn d(s: &str) -> NaiveDate {
    crate::validation::parse_date(s).expect("test date")
}

fn pip(verwijtbaarheid: Verwijtbaarheid, eerdere: &[&str]) -> BoeteInvoer {
    BoeteInvoer {
        overtreding: Overtreding::PipVerplichting,
        vastgesteld: d("2026-06-30"),
        verwijtbaarheid,
        eerdere_pip_boetes: eerdere
            .iter()
            .map(|s| EerdereBoete {
                vastgesteld: d(s),
                onherroepelijk: true,
            })
            .collect(),
        schriftelijk_gewaarschuwd: false,
        herhaald_opgeroepen: false,
        bijstand_verlaagd_zelfde_gedraging: false,
        al_opgelegd_in_termijn_cents: 0,
        plafond_cents: PLAFOND_TERMIJN_CENTS,
    }
}

fn intake() -> BoeteInvoer {
    BoeteInvoer {
        overtreding: Overtreding::BredeIntake,
        schriftelijk_gewaarschuwd: true,
        herhaald_opgeroepen: true,
        ..pip(Verwijtbaarheid::Opzet, &[])
    }
}

fn bedrag(i: &BoeteInvoer) -> i64 {
    boete_berekenen(i).map(|b| b.bedrag_cents).unwrap_or(-1)
}

#[test]
fn art_23_base_doubling_ceiling_and_culpability() {
    use Verwijtbaarheid::*;
    assert_eq!(bedrag(&pip(Opzet, &[])), 5_000);
    assert_eq!(bedrag(&pip(GroveSchuld, &[])), 3_750);
    assert_eq!(bedrag(&pip(Geen, &[])), 2_500);
    assert_eq!(bedrag(&pip(Verminderd, &[])), 1_250);
    assert_eq!(bedrag(&pip(Opzet, &["2026-01-10"])), 10_000);
    assert_eq!(
        bedrag(&pip(Opzet, &["2026-01-10", "2026-02-10", "2026-03-10"])),
        40_000
    );
    let vier = ["2025-07-01", "2026-01-10", "2026-02-10", "2026-03-10"];
    assert_eq!(bedrag(&pip(Opzet, &vier)), 80_000);
    let vijf = [
        "2025-07-01",
        "2025-08-01",
        "2026-01-10",
        "2026-02-10",
        "2026-03-10",
    ];
    assert_eq!(bedrag(&pip(Opzet, &vijf)), 80_000, "ceiling €800");
    assert_eq!(
        bedrag(&pip(GroveSchuld, &vijf)),
        60_000,
        "percentage after the ceiling"
    );
}

#[test]
fn only_irrevocable_offences_in_the_twelve_months_before_count() {
    let peil = d("2026-06-30");
    let b = |s: &str, onherroepelijk| EerdereBoete {
        vastgesteld: d(s),
        onherroepelijk,
    };
    assert_eq!(
        tellende_eerdere(peil, &[b("2025-06-30", true)]),
        1,
        "exactly 12 months before counts"
    );
    assert_eq!(tellende_eerdere(peil, &[b("2025-06-29", true)]), 0);
    assert_eq!(
        tellende_eerdere(peil, &[b("2026-06-30", true)]),
        0,
        "not the same day"
    );
    assert_eq!(
        tellende_eerdere(peil, &[b("2026-03-01", false)]),
        0,
        "not yet irrevocable"
    );
}

#[test]
fn the_letter_explains_each_step() {
    let mut i = pip(Verwijtbaarheid::GroveSchuld, &["2026-01-10", "2026-02-10"]);
    i.al_opgelegd_in_termijn_cents = 230_000;
    let b = boete_berekenen(&i).expect("fine");
    assert_eq!(
        (
            b.na_verhoging_cents,
            b.na_verwijtbaarheid_cents,
            b.bedrag_cents
        ),
        (20_000, 15_000, 10_000)
    );
    assert!(b.verlaagd_door_plafond);
    assert_eq!(
        b.regels,
        vec![
            "Het basisbedrag van de boete is € 50,00 (artikel 23 Wet inburgering 2021, artikel 7.1, tweede lid, Besluit inburgering 2021).",
            "Het bedrag wordt verdubbeld voor 2 eerdere overtredingen van artikel 23 in de twaalf maanden hiervoor met een onherroepelijke boete, tot ten hoogste € 800,00: € 200,00 (artikel 7.1, derde lid).",
            "Verwijtbaarheid: grove schuld. De boete wordt vastgesteld op 75 % daarvan: € 150,00 (artikel 7.1, vierde lid).",
            "De boetes in deze inburgeringstermijn bedragen samen ten hoogste € 2.400,00; er is al € 2.300,00 opgelegd. De boete wordt daarom verlaagd tot € 100,00 (artikel 7.1, vijfde lid).",
            "De op te leggen boete is € 100,00.",
        ]
    );
}

#[test]
fn art_22_is_fixed_and_needs_warning_and_repeated_call() {
    let b = boete_berekenen(&intake()).expect("fine");
    assert_eq!(
        (b.bedrag_cents, b.percentage, b.verdubbelingen),
        (25_000, 100, 0)
    );
    let verminderd = BoeteInvoer {
        verwijtbaarheid: Verwijtbaarheid::Verminderd,
        ..intake()
    };
    assert_eq!(bedrag(&verminderd), 25_000, "J-7 is for art. 23 only");
    let geen = |i: BoeteInvoer| boete_berekenen(&i).expect_err("refused");
    assert_eq!(
        geen(BoeteInvoer {
            schriftelijk_gewaarschuwd: false,
            ..intake()
        }),
        Weigering::GeenSchriftelijkeWaarschuwing
    );
    assert_eq!(
        geen(BoeteInvoer {
            herhaald_opgeroepen: false,
            ..intake()
        }),
        Weigering::GeenHerhaaldeOproep
    );
    assert_eq!(
        geen(BoeteInvoer {
            bijstand_verlaagd_zelfde_gedraging: true,
            ..intake()
        }),
        Weigering::BijstandVerlaagd
    );
    assert_eq!(
        geen(BoeteInvoer {
            al_opgelegd_in_termijn_cents: 240_000,
            ..intake()
        }),
        Weigering::PlafondBereikt
    );
    let na_duo = BoeteInvoer {
        plafond_cents: plafond_na_duo_boete(6).unwrap_or(0),
        al_opgelegd_in_termijn_cents: 25_000,
        ..intake()
    };
    assert_eq!(
        bedrag(&na_duo),
        15_000,
        "€400 cap in a 6-month term after a DUO fine"
    );
    assert_eq!(plafond_na_duo_boete(9), None);
}

#[test]
fn the_new_brede_intake_term_is_at_most_two_months() {
    assert!(nieuwe_termijn_ok(d("2026-06-30"), d("2026-08-30")));
    assert!(!nieuwe_termijn_ok(d("2026-06-30"), d("2026-08-31")));
    assert!(
        nieuwe_termijn_ok(d("2026-12-31"), d("2027-02-28")),
        "clamps to month end"
    );
    assert!(!nieuwe_termijn_ok(d("2026-06-30"), d("2026-06-30")));
}

fn verwijtbaarheid() -> impl Strategy<Value = Verwijtbaarheid> {
    prop_oneof![
        Just(Verwijtbaarheid::Opzet),
        Just(Verwijtbaarheid::GroveSchuld),
        Just(Verwijtbaarheid::Geen),
        Just(Verwijtbaarheid::Verminderd)
    ]
}

fn invoer() -> impl Strategy<Value = BoeteInvoer> {
    (
        any::<bool>(),
        verwijtbaarheid(),
        proptest::collection::vec((0i64..800, any::<bool>()), 0..10),
        (any::<bool>(), any::<bool>(), proptest::bool::weighted(0.1)),
        -1_000i64..300_000,
        prop_oneof![Just(PLAFOND_TERMIJN_CENTS), -1_000i64..300_000],
    )
        .prop_map(|(art22, v, eerdere, (w, o, j9), al, plafond)| BoeteInvoer {
            overtreding: if art22 {
                Overtreding::BredeIntake
            } else {
                Overtreding::PipVerplichting
            },
            vastgesteld: d("2026-06-30"),
            verwijtbaarheid: v,
            eerdere_pip_boetes: eerdere
                .into_iter()
                .map(|(dagen, onherroepelijk)| EerdereBoete {
                    vastgesteld: d("2026-06-30") - Duration::days(dagen),
                    onherroepelijk,
                })
                .collect(),
            schriftelijk_gewaarschuwd: w,
            herhaald_opgeroepen: o,
            bijstand_verlaagd_zelfde_gedraging: j9,
            al_opgelegd_in_termijn_cents: al,
            plafond_cents: plafond,
        })
}

proptest! {
    #[test]
    fn a_fine_is_positive_within_its_maximum_and_within_the_remaining_cap(i in invoer()) {
        let ruimte = (i.plafond_cents.max(0) - i.al_opgelegd_in_termijn_cents.max(0)).max(0);
        match boete_berekenen(&i) {
            Ok(b) => {
                prop_assert!(b.bedrag_cents > 0);
                prop_assert!(b.bedrag_cents <= ruimte);
                prop_assert_eq!(b.ruimte_plafond_cents, ruimte);
                let max = if i.overtreding == Overtreding::PipVerplichting { PIP_MAXIMUM_CENTS } else { BREDE_INTAKE_CENTS };
                prop_assert!(b.bedrag_cents <= max);
                prop_assert!(!i.bijstand_verlaagd_zelfde_gedraging);
                prop_assert_eq!(b.verlaagd_door_plafond, b.bedrag_cents < b.na_verwijtbaarheid_cents);
                prop_assert!(b.regels.last().is_some_and(|r| r.starts_with("De op te leggen boete is")));
            }
            Err(w) => prop_assert!(
                i.bijstand_verlaagd_zelfde_gedraging
                    || ruimte == 0
                    || (i.overtreding == Overtreding::BredeIntake && !(i.schriftelijk_gewaarschuwd && i.herhaald_opgeroepen)),
                "{:?}", w
            ),
        }
    }

    #[test]
    fn the_fine_grows_with_culpability_and_with_earlier_offences(i in invoer(), extra in 0i64..300) {
        let mut i = i;
        i.overtreding = Overtreding::PipVerplichting;
        i.bijstand_verlaagd_zelfde_gedraging = false;
        let reeks: Vec<i64> = [
            Verwijtbaarheid::Verminderd,
            Verwijtbaarheid::Geen,
            Verwijtbaarheid::GroveSchuld,
            Verwijtbaarheid::Opzet,
        ]
        .into_iter()
        .map(|v| bedrag(&BoeteInvoer { verwijtbaarheid: v, ..i.clone() }))
        .collect();
        prop_assert!(reeks.windows(2).all(|w| w[0] <= w[1]), "{:?}", reeks);
        let mut meer = i.clone();
        meer.eerdere_pip_boetes.push(EerdereBoete { vastgesteld: d("2026-06-30") - Duration::days(extra), onherroepelijk: true });
        prop_assert!(bedrag(&meer) >= bedrag(&i));
    }

    #[test]
    fn the_new_term_check_matches_two_calendar_months(start in 0i64..20_000, len in -10i64..80) {
        let besluit = d("1990-01-01") + Duration::days(start);
        let termijn = besluit + Duration::days(len);
        let grens = besluit.checked_add_months(chrono::Months::new(2)).unwrap_or(NaiveDate::MAX);
        prop_assert_eq!(nieuwe_termijn_ok(besluit, termijn), len > 0 && termijn <= grens);
    }
}
