//! A voortgangsgesprek (progress review), planned or held. Besluit 5.3 lid 4 asks the PIP for the
//! number of reviews; their frequency is local policy (setting `voortgang_interval_maanden`).

use chrono::NaiveDate;
use uuid::Uuid;

use super::{code, datum, datum_opt, tekst};
use crate::trajectory::codes::PipWijzigingsreden;
use crate::validation::ValidationErrors;

code_enum! {
    /// How a goal of the PIP is going, as discussed in a review.
    pub enum DoelVoortgangStatus {
        OpSchema = "op_schema", "Op schema",
        Vertraagd = "vertraagd", "Vertraagd",
        Behaald = "behaald", "Behaald",
        Gestopt = "gestopt", "Gestopt",
    }
}

/// The longest free texts.
pub const DEELNEMERS_MAX: usize = 500;
pub const VERSLAG_MAX: usize = 4000;
pub const VOORTGANG_MAX: usize = 1000;
/// A PIP has far fewer goals; a longer list is a malformed request.
pub const MAX_DOELEN: usize = 50;

/// One goal's progress as typed.
#[derive(Debug, Clone, Default)]
pub struct RawDoelVoortgang {
    pub doel_id: String,
    pub voortgang: String,
    pub status: String,
}

/// A review as typed or sent.
#[derive(Debug, Clone, Default)]
pub struct RawGesprek {
    pub gepland_op: String,
    pub gehouden_op: String,
    pub deelnemers: String,
    pub verslag: String,
    pub besluiten: String,
    pub doelvoortgang: Vec<RawDoelVoortgang>,
    pub pip_aanpassen: bool,
    /// Why the PIP needs a new version (passed on to the PIP page); empty when not known yet.
    pub pip_aanpassen_reden: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DoelVoortgang {
    pub doel_id: Uuid,
    pub voortgang: String,
    pub status: DoelVoortgangStatus,
}

/// A valid review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gesprek {
    pub gepland_op: NaiveDate,
    /// `None`: planned, not held yet.
    pub gehouden_op: Option<NaiveDate>,
    pub deelnemers: String,
    pub verslag: String,
    pub besluiten: String,
    pub doelvoortgang: Vec<DoelVoortgang>,
    pub pip_aanpassen: bool,
    pub pip_aanpassen_reden: Option<PipWijzigingsreden>,
}

impl Gesprek {
    /// A held review that asked for a new PIP version still asks for it: no PIP version was decided
    /// after the review (`huidige_dagtekening`: the current vastgesteld PIP's). Once one was, the
    /// request is answered and offering "nieuwe versie opstellen" again would start a needless one.
    pub fn vraagt_nieuwe_pip(&self, huidige_dagtekening: Option<NaiveDate>) -> bool {
        match (self.pip_aanpassen, self.gehouden_op) {
            (true, Some(gehouden)) => huidige_dagtekening.is_none_or(|d| d <= gehouden),
            _ => false,
        }
    }

    /// Parses a review. A held review's date may not lie in the future; what was discussed (report,
    /// goals, decisions, "PIP aanpassen") belongs to a held review only.
    pub fn parse(raw: &RawGesprek, today: NaiveDate) -> Result<Gesprek, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let gepland_op = datum(&mut e, "geplandOp", &raw.gepland_op, today, false);
        let gehouden_op = datum_opt(&mut e, "gehoudenOp", &raw.gehouden_op, today, true);
        let deelnemers = tekst(&mut e, "deelnemers", &raw.deelnemers, DEELNEMERS_MAX, false);
        let verslag = tekst(&mut e, "verslag", &raw.verslag, VERSLAG_MAX, true);
        let besluiten = tekst(&mut e, "besluiten", &raw.besluiten, VERSLAG_MAX, true);
        let reden = raw.pip_aanpassen_reden.trim();
        let pip_aanpassen_reden = if reden.is_empty() {
            None
        } else {
            code(
                &mut e,
                "pipAanpassenReden",
                reden,
                PipWijzigingsreden::parse,
                PipWijzigingsreden::CHOICES,
            )
        };
        if raw.doelvoortgang.len() > MAX_DOELEN {
            e.push(
                "doelvoortgang",
                "out_of_range",
                format!("Hoogstens {MAX_DOELEN} doelen."),
            );
        }
        let mut doelvoortgang = Vec::new();
        for d in raw.doelvoortgang.iter().take(MAX_DOELEN) {
            let id = d.doel_id.trim().parse::<Uuid>();
            let voortgang = tekst(&mut e, "doelvoortgang", &d.voortgang, VOORTGANG_MAX, true);
            let status = code(
                &mut e,
                "doelvoortgang",
                &d.status,
                DoelVoortgangStatus::parse,
                DoelVoortgangStatus::CHOICES,
            );
            match (id, status) {
                (Ok(doel_id), Some(status)) => {
                    if doelvoortgang
                        .iter()
                        .any(|x: &DoelVoortgang| x.doel_id == doel_id)
                    {
                        e.push(
                            "doelvoortgang",
                            "duplicate",
                            "Elk doel staat er één keer in.",
                        );
                    }
                    doelvoortgang.push(DoelVoortgang {
                        doel_id,
                        voortgang,
                        status,
                    });
                }
                (Err(_), _) => e.push("doelvoortgang", "invalid", "Onbekend doel."),
                _ => {}
            }
        }
        let gehouden = matches!(gehouden_op, Some(Some(_)));
        let besproken = !verslag.is_empty()
            || !besluiten.is_empty()
            || !raw.doelvoortgang.is_empty()
            || raw.pip_aanpassen;
        if !gehouden && gehouden_op.is_some() && besproken {
            e.push(
                "gehoudenOp",
                "required",
                "Vul de datum in waarop het gesprek is gehouden: verslag, doelen en besluiten horen bij een gehouden gesprek.",
            );
        }
        if let (Some(g), Some(Some(h))) = (gepland_op, gehouden_op)
            && h < g
            && g > today
        {
            // Held early is fine; planned in the future but already held is a typo in one of them.
            e.push(
                "geplandOp",
                "inconsistent",
                "Een gehouden gesprek kan niet in de toekomst gepland staan.",
            );
        }
        match (gepland_op, gehouden_op) {
            (Some(gepland_op), Some(gehouden_op)) if e.is_empty() => Ok(Gesprek {
                gepland_op,
                gehouden_op,
                deelnemers,
                verslag,
                besluiten,
                doelvoortgang,
                pip_aanpassen: raw.pip_aanpassen,
                pip_aanpassen_reden,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_held_review_may_not_lie_in_the_future() {
        let raw = RawGesprek {
            gepland_op: "2026-03-01".into(),
            gehouden_op: "2026-03-05".into(),
            ..Default::default()
        };
        let e = Gesprek::parse(&raw, d("2026-03-04")).expect_err("future");
        assert_eq!(
            e.for_field("gehoudenOp").map(|f| f.code),
            Some("out_of_range")
        );
        assert!(Gesprek::parse(&raw, d("2026-03-05")).is_ok());
    }

    #[test]
    fn goals_and_decisions_need_a_held_review() {
        let raw = RawGesprek {
            gepland_op: "2026-03-01".into(),
            besluiten: "Meer uren taal".into(),
            ..Default::default()
        };
        let e = Gesprek::parse(&raw, d("2026-03-04")).expect_err("not held");
        assert!(e.for_field("gehoudenOp").is_some());
    }

    #[test]
    fn unknown_goal_status_is_refused() {
        let raw = RawGesprek {
            gepland_op: "2026-03-01".into(),
            gehouden_op: "2026-03-01".into(),
            doelvoortgang: vec![RawDoelVoortgang {
                doel_id: Uuid::nil().to_string(),
                voortgang: "Goed".into(),
                status: "prima".into(),
            }],
            ..Default::default()
        };
        let e = Gesprek::parse(&raw, d("2026-03-04")).expect_err("status");
        assert_eq!(
            e.for_field("doelvoortgang").map(|f| f.code),
            Some("unknown_value")
        );
    }

    #[test]
    fn a_new_pip_is_asked_for_until_a_version_is_decided_after_the_review() {
        let g = Gesprek {
            gepland_op: d("2026-03-01"),
            gehouden_op: Some(d("2026-03-01")),
            deelnemers: String::new(),
            verslag: String::new(),
            besluiten: String::new(),
            doelvoortgang: vec![],
            pip_aanpassen: true,
            pip_aanpassen_reden: None,
        };
        assert!(g.vraagt_nieuwe_pip(Some(d("2026-01-14"))));
        assert!(
            g.vraagt_nieuwe_pip(Some(d("2026-03-01"))),
            "the PIP the review was about"
        );
        assert!(
            !g.vraagt_nieuwe_pip(Some(d("2026-03-02"))),
            "answered by a newer version"
        );
        let planned = Gesprek {
            gehouden_op: None,
            ..g.clone()
        };
        assert!(!planned.vraagt_nieuwe_pip(None));
        let no = Gesprek {
            pip_aanpassen: false,
            ..g
        };
        assert!(!no.vraagt_nieuwe_pip(None));
    }
}
