//! The caseload's stage of a person ("Fase"): where someone stands on the way through inburgering,
//! derived from the facts Wegwijs holds today. A pure function, so the teamleider's overview and any
//! later report count the same way.

use chrono::NaiveDate;

code_enum! {
    /// The stage of a person in the caseload, in the order a person passes them.
    #[derive(PartialOrd, Ord)]
    pub enum Fase {
        Aangemeld = "aangemeld", "Aangemeld, nog niet gekoppeld",
        Gekoppeld = "gekoppeld", "Gekoppeld, nog niet gehuisvest",
        Gehuisvest = "gehuisvest", "Gehuisvest",
    }
}

/// The facts a stage follows from, each already decided against "today" (so the storage layer can
/// count them with a GROUP BY, and this module stays free of the clock).
///
/// Issue 7 (koppeling, brede intake, PIP) replaces these inputs with the trajectory's own steps; the
/// stages and [`fase`] keep their names, so the workload overview needs no rework then.
///
/// Whether a person has a regisseur is no stage: it is who works on the case, not how far the case
/// is. The overview counts "Zonder regisseur" as a row of its own, so those persons show their real
/// stage too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FaseFeiten {
    /// The datum koppeling is known and not in the future.
    pub gekoppeld: bool,
    /// The datum huisvesting is known and not in the future.
    pub gehuisvest: bool,
}

impl FaseFeiten {
    /// The facts of one person on `today`. A date in the future (a planned koppeling) does not count yet.
    pub fn op(
        today: NaiveDate,
        datum_koppeling: Option<NaiveDate>,
        datum_huisvesting: Option<NaiveDate>,
    ) -> FaseFeiten {
        let reached = |d: Option<NaiveDate>| d.is_some_and(|d| d <= today);
        FaseFeiten {
            gekoppeld: reached(datum_koppeling),
            gehuisvest: reached(datum_huisvesting),
        }
    }
}

/// The stage of a person. Housing counts as the furthest step even when the koppeling date
/// was never entered (a person is housed after being linked to the gemeente).
pub fn fase(f: FaseFeiten) -> Fase {
    if f.gehuisvest {
        Fase::Gehuisvest
    } else if f.gekoppeld {
        Fase::Gekoppeld
    } else {
        Fase::Aangemeld
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn stages_follow_the_facts() {
        let today = d("2026-03-01");
        let f = |_r: bool, k: Option<&str>, h: Option<&str>| {
            fase(FaseFeiten::op(today, k.map(d), h.map(d)))
        };
        assert_eq!(f(true, None, None), Fase::Aangemeld);
        assert_eq!(
            f(true, Some("2026-04-01"), None),
            Fase::Aangemeld,
            "planned"
        );
        assert_eq!(f(true, Some("2026-03-01"), None), Fase::Gekoppeld);
        assert_eq!(
            f(true, Some("2025-01-01"), Some("2025-06-01")),
            Fase::Gehuisvest
        );
        assert_eq!(f(true, None, Some("2025-06-01")), Fase::Gehuisvest);
    }

    proptest! {
        /// Reaching a date never moves a person back to an earlier stage.
        #[test]
        fn more_facts_never_mean_an_earlier_stage(k: bool, h: bool) {
            let base = fase(FaseFeiten { gekoppeld: k, gehuisvest: h });
            for more in [
                FaseFeiten { gekoppeld: true, gehuisvest: h },
                FaseFeiten { gekoppeld: k, gehuisvest: true },
            ] {
                prop_assert!(fase(more) >= base);
            }
        }
    }
}
