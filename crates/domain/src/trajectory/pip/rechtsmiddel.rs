//! Bezwaar and beroep against a PIP beschikking. The objection period is six weeks (Awb art. 6:7) and
//! starts on the day after the beschikking was sent (Awb art. 6:8 lid 1); Wegwijs takes the
//! dagtekening as the day of sending. A bezwaar received after the period is flagged "te laat
//! ontvangen" (the bestuursorgaan then decides on its admissibility, Awb 6:11), never refused here.

use chrono::{Days, NaiveDate};

use crate::trajectory::codes::{RechtsmiddelSoort, RechtsmiddelUitkomst};
use crate::validation::{ValidationErrors, has_control_chars, parse_date};

/// The objection period: first and last day (inclusive). Six weeks from the day after sending end on
/// the same weekday as the sending, six weeks later.
pub fn bezwaartermijn(dagtekening: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = dagtekening
        .checked_add_days(Days::new(1))
        .unwrap_or(dagtekening);
    let eind = dagtekening
        .checked_add_days(Days::new(42))
        .unwrap_or(dagtekening);
    (start, eind)
}

/// A bezwaar received after the last day of the period. (The Algemene termijnenwet may move a last
/// day on a weekend or holiday to the next working day; that shift comes with the rules engine's
/// calendar, so a bezwaar on such a Monday is flagged and the regisseur judges it.)
pub fn te_laat(
    soort: RechtsmiddelSoort,
    dagtekening: Option<NaiveDate>,
    ontvangen: NaiveDate,
) -> bool {
    match (soort, dagtekening) {
        (RechtsmiddelSoort::Bezwaar, Some(d)) => ontvangen > bezwaartermijn(d).1,
        _ => false,
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawRechtsmiddel {
    pub soort: String,
    pub ontvangen_op: String,
    pub beslist_op: String,
    pub uitkomst: String,
    pub toelichting: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rechtsmiddel {
    pub soort: RechtsmiddelSoort,
    pub ontvangen_op: NaiveDate,
    pub beslist_op: Option<NaiveDate>,
    pub uitkomst: Option<RechtsmiddelUitkomst>,
    pub toelichting: String,
}

impl Rechtsmiddel {
    /// Received not in the future; decided not before received and not in the future; an outcome
    /// exactly when a decision date is given.
    pub fn parse(
        raw: &RawRechtsmiddel,
        vandaag: NaiveDate,
    ) -> Result<Rechtsmiddel, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let soort = RechtsmiddelSoort::parse(raw.soort.trim());
        if soort.is_none() {
            e.push("soort", "unknown_value", "Kies bezwaar of beroep.");
        }
        let datum = |field: &'static str, v: &str, required: bool, e: &mut ValidationErrors| {
            let v = v.trim();
            if v.is_empty() {
                if required {
                    e.push(field, "required", "Vul de datum in.");
                }
                return None;
            }
            match parse_date(v) {
                Ok(d) if d > vandaag => {
                    e.push(field, "out_of_range", "Deze datum ligt in de toekomst.");
                    None
                }
                Ok(d) => Some(d),
                Err(err) => {
                    e.push(field, err.code(), err.to_string());
                    None
                }
            }
        };
        let ontvangen = datum("ontvangenOp", &raw.ontvangen_op, true, &mut e);
        let beslist = datum("beslistOp", &raw.beslist_op, false, &mut e);
        if let (Some(o), Some(b)) = (ontvangen, beslist)
            && b < o
        {
            e.push(
                "beslistOp",
                "inconsistent",
                "De beslissing ligt voor de ontvangst.",
            );
        }
        let uitkomst = if raw.uitkomst.trim().is_empty() {
            None
        } else {
            let u = RechtsmiddelUitkomst::parse(raw.uitkomst.trim());
            if u.is_none() {
                e.push(
                    "uitkomst",
                    "unknown_value",
                    "Kies een uitkomst uit de lijst.",
                );
            }
            u
        };
        if uitkomst.is_some() != (beslist.is_some() || !raw.beslist_op.trim().is_empty()) {
            e.push(
                "uitkomst",
                "inconsistent",
                "Vul de datum van de beslissing en de uitkomst samen in.",
            );
        }
        let toelichting = raw.toelichting.trim().to_string();
        // Counted as sent, spaces included, as the API document's maxLength does.
        if raw.toelichting.chars().count() > 4000 {
            e.push("toelichting", "too_long", "Gebruik hoogstens 4000 tekens.");
        } else if has_control_chars(&toelichting, true) {
            e.push(
                "toelichting",
                "invalid",
                "Gebruik geen onzichtbare tekens of andere stuurtekens.",
            );
        }
        match (soort, ontvangen) {
            (Some(soort), Some(ontvangen_op)) if e.is_empty() => Ok(Rechtsmiddel {
                soort,
                ontvangen_op,
                beslist_op: beslist,
                uitkomst,
                toelichting,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn the_period_starts_the_day_after_sending_and_lasts_six_weeks() {
        // Sent Monday 1 March 2027: from Tuesday 2 March up to and including Monday 12 April.
        assert_eq!(
            bezwaartermijn(date(2027, 3, 1)),
            (date(2027, 3, 2), date(2027, 4, 12))
        );
        assert!(!te_laat(
            RechtsmiddelSoort::Bezwaar,
            Some(date(2027, 3, 1)),
            date(2027, 4, 12)
        ));
        assert!(te_laat(
            RechtsmiddelSoort::Bezwaar,
            Some(date(2027, 3, 1)),
            date(2027, 4, 13)
        ));
        assert!(!te_laat(
            RechtsmiddelSoort::Beroep,
            Some(date(2027, 3, 1)),
            date(2028, 1, 1)
        ));
    }

    proptest! {
        #[test]
        fn the_period_is_always_42_days_counted_from_the_day_after(days in 0i64..40_000) {
            let d = date(2000, 1, 1) + chrono::Duration::days(days);
            let (s, e) = bezwaartermijn(d);
            prop_assert_eq!((s - d).num_days(), 1);
            prop_assert_eq!((e - s).num_days() + 1, 42);
        }
    }

    #[test]
    fn a_decision_needs_its_outcome_and_cannot_precede_receipt() {
        let vandaag = date(2027, 6, 1);
        let raw = RawRechtsmiddel {
            soort: "bezwaar".into(),
            ontvangen_op: "10-05-2027".into(),
            beslist_op: "01-05-2027".into(),
            uitkomst: String::new(),
            toelichting: String::new(),
        };
        let e = Rechtsmiddel::parse(&raw, vandaag).expect_err("refused");
        assert!(e.for_field("beslistOp").is_some() && e.for_field("uitkomst").is_some());
        let ok = RawRechtsmiddel {
            beslist_op: "20-05-2027".into(),
            uitkomst: "ongegrond".into(),
            ..raw
        };
        assert!(Rechtsmiddel::parse(&ok, vandaag).is_ok());
    }
}
