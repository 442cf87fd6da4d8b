//! The caseload's stage of a person ("Fase"): where someone stands on the way through inburgering,
//! derived from the trajectory's steps (issue 7): koppeling, housing, brede intake, PIP, voldaan. A pure function, so the teamleider's overview and any
//! later report count the same way.

use chrono::NaiveDate;

code_enum! {
    /// The stage of a person in the caseload, in the order a person passes them.
    #[derive(PartialOrd, Ord)]
    pub enum Fase {
        Aangemeld = "aangemeld", "Aangemeld, nog niet gekoppeld",
        Gekoppeld = "gekoppeld", "Gekoppeld, nog niet gehuisvest",
        Gehuisvest = "gehuisvest", "Gehuisvest",
        InIntake = "in_intake", "In brede intake",
        PipVastgesteld = "pip_vastgesteld", "In traject (PIP vastgesteld)",
        Voldaan = "voldaan", "Inburgeringsplicht voldaan",
    }
}

/// The facts a stage follows from, each already decided against "today" (so the storage layer can
/// count them with a GROUP BY, and this module stays free of the clock).
///
/// The trajectory steps (issue 7) are facts of their own tables: an intake row, a vastgestelde PIP, the
/// recorded voldaan date.
///
/// Whether a person has a regisseur is no stage: it is who works on the case, not how far the case
/// is. The overview counts "Zonder regisseur" as a row of its own, so those persons show their real
/// stage too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct FaseFeiten {
    /// The datum koppeling is known and not in the future.
    pub gekoppeld: bool,
    /// The datum huisvesting is known and not in the future.
    pub gehuisvest: bool,
    /// A brede intake was started.
    pub in_intake: bool,
    /// A PIP was vastgesteld (still current or replaced by a later version).
    pub pip_vastgesteld: bool,
    /// The inburgeringsplicht is met (voldaan date recorded, not in the future).
    pub voldaan: bool,
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
            ..FaseFeiten::default()
        }
    }
}

/// The stage of a person: the furthest step reached. A later step counts even when an earlier one was
/// never entered (a person is housed after being linked to the gemeente, a PIP follows an intake that
/// may have been kept on paper).
pub fn fase(f: FaseFeiten) -> Fase {
    if f.voldaan {
        Fase::Voldaan
    } else if f.pip_vastgesteld {
        Fase::PipVastgesteld
    } else if f.in_intake {
        Fase::InIntake
    } else if f.gehuisvest {
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
        let steps = |in_intake, pip_vastgesteld, voldaan| {
            fase(FaseFeiten {
                gekoppeld: true,
                gehuisvest: true,
                in_intake,
                pip_vastgesteld,
                voldaan,
            })
        };
        assert_eq!(steps(true, false, false), Fase::InIntake);
        assert_eq!(steps(true, true, false), Fase::PipVastgesteld);
        assert_eq!(
            steps(false, true, false),
            Fase::PipVastgesteld,
            "intake not recorded"
        );
        assert_eq!(steps(true, true, true), Fase::Voldaan);
    }

    proptest! {
        /// Reaching a date never moves a person back to an earlier stage.
        #[test]
        fn more_facts_never_mean_an_earlier_stage(k: bool, h: bool, i: bool, p: bool, v: bool) {
            let f = FaseFeiten { gekoppeld: k, gehuisvest: h, in_intake: i, pip_vastgesteld: p, voldaan: v };
            let base = fase(f);
            for more in [
                FaseFeiten { gekoppeld: true, ..f },
                FaseFeiten { gehuisvest: true, ..f },
                FaseFeiten { in_intake: true, ..f },
                FaseFeiten { pip_vastgesteld: true, ..f },
                FaseFeiten { voldaan: true, ..f },
            ] {
                prop_assert!(fase(more) >= base);
            }
        }
    }
}
