//! Property tests of the deadline arithmetic: month ends and leap years, versions, extensions, the
//! PIP deadline's lower bound and the Atw shift.

use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;

use super::pip_deadline::*;
use super::termijn::*;
use super::workdays::*;

fn datum() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2021, 1, 1).expect("start");
    // 2021 .. 2070, so month ends, 29 February and the 2038 Easter/Koningsdag clash all occur.
    (0u64..18_262).prop_map(move |n| start.checked_add_days(Days::new(n)).expect("in range"))
}

fn plus(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_add_days(Days::new(n)).expect("in range")
}

fn verlenging(nieuwe_einddatum: NaiveDate) -> Verlenging {
    Verlenging {
        grond: VerlengingGrond::GeenVerwijt,
        besluitdatum: nieuwe_einddatum,
        nieuwe_einddatum,
    }
}

proptest! {
    #[test]
    fn termijn_is_three_calendar_years_with_month_end_clamping(dagtekening in datum()) {
        let t = inburgeringstermijn(dagtekening, &[]);
        prop_assert_eq!(t.start, plus(dagtekening, 1));
        let dagen = (t.einddatum - t.start).num_days();
        prop_assert!((1094..=1096).contains(&dagen), "{} days", dagen);
        prop_assert_eq!(t.einddatum.month(), t.start.month());
        prop_assert_eq!(t.einddatum.year(), t.start.year() + 3);
        // Same day of the month, or the month's last day when that day does not exist (29 Feb).
        let volgende = plus(t.einddatum, 1);
        prop_assert!(t.einddatum.day() == t.start.day() || volgende.month() != t.einddatum.month());
        prop_assert_eq!(plus(t.laatste_dag(), 1), t.einddatum);
        prop_assert!(t.schakelen_uiterlijk < t.verlenging_aanvragen_vanaf);
    }

    #[test]
    fn later_pip_versions_never_move_the_termijn(
        eerste in datum(),
        later in proptest::collection::vec(1u64..1500, 0..6),
    ) {
        let versies: Vec<NaiveDate> =
            std::iter::once(eerste).chain(later.iter().map(|n| plus(eerste, *n))).collect();
        let alleen_eerste = termijn_uit_pip_versies([eerste], &[]);
        prop_assert_eq!(termijn_uit_pip_versies(versies.iter().copied(), &[]), alleen_eerste);
        prop_assert_eq!(termijn_uit_pip_versies(versies.iter().rev().copied(), &[]), alleen_eerste);
    }

    #[test]
    fn extensions_only_lengthen(
        dagtekening in datum(),
        einden in proptest::collection::vec(0u64..2000, 0..5),
        extra in 0u64..3000,
    ) {
        let verlengingen: Vec<Verlenging> =
            einden.iter().map(|n| verlenging(plus(dagtekening, *n))).collect();
        let t = inburgeringstermijn(dagtekening, &verlengingen);
        prop_assert!(t.einddatum >= t.oorspronkelijke_einddatum);
        for v in &verlengingen {
            prop_assert!(t.einddatum >= v.nieuwe_einddatum);
        }
        let mut meer = verlengingen.clone();
        meer.push(verlenging(plus(dagtekening, extra)));
        let t2 = inburgeringstermijn(dagtekening, &meer);
        prop_assert!(t2.einddatum >= t.einddatum);
        prop_assert_eq!(t2.start, t.start);
    }

    #[test]
    fn pip_deadline_is_at_least_anchor_plus_seventy_days(
        kennisgeving in datum(),
        brp in proptest::option::of(datum()),
        huisvestingswet in any::<bool>(),
        ontvangen in proptest::option::of(0u64..400),
        atw in any::<bool>(),
    ) {
        let f = PipTermijnFeiten {
            kennisgeving: Some(kennisgeving),
            brp_inschrijving: brp,
            huisvestingswet,
            derde_info_gevraagd: ontvangen.map(|_| kennisgeving),
            derde_info_ontvangen: ontvangen.map(|n| plus(kennisgeving, n)),
            verhuizing_inschrijving: None,
        };
        match pip_deadline(&f, atw) {
            PipTermijn::Bekend(d) => {
                prop_assert!(d.nominaal >= plus(kennisgeving, 70));
                if let (true, Some(brp)) = (huisvestingswet, brp) {
                    prop_assert!(d.nominaal >= plus(brp, 70));
                }
                if let Some(o) = f.derde_info_ontvangen {
                    prop_assert!(d.nominaal >= plus(o, 14));
                }
                prop_assert!(d.wettelijk >= d.nominaal);
                prop_assert!(!atw || is_werkdag(d.wettelijk));
            }
            PipTermijn::Onbekend(_) => prop_assert!(huisvestingswet && brp.is_none()),
            PipTermijn::WachtOpDerde { .. } => prop_assert!(false, "receipt is always set here"),
        }
    }

    #[test]
    fn shifted_date_is_a_working_day_at_most_five_days_later(d in datum()) {
        let w = verschuif_naar_werkdag(d);
        prop_assert!(is_werkdag(w));
        prop_assert!(w >= d);
        // Four days covers every year except those where tweede paasdag is 26 April and Koningsdag
        // follows on Tuesday 27 April (2038): Goede Vrijdag then shifts five days.
        prop_assert!((w - d).num_days() <= 5);
        prop_assert!((w - d).num_days() <= 4 || (d.month() == 4 && d.day() == 23));
        let mut tussen = d;
        while tussen < w {
            prop_assert!(!is_werkdag(tussen));
            tussen = plus(tussen, 1);
        }
    }
}
