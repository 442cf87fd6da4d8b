//! The third-party information dates of the intake (Besluit inburgering 2021 art. 5.3 lid 2): when
//! the college asked others for information, the PIP is due at most two weeks after it arrived, so
//! the two dates move the PIP deadline and must be plausible.

use chrono::NaiveDate;

use crate::validation::{ValidationErrors, parse_date};

/// Requested and received, each optional; received needs requested and is not before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DerdeInfo {
    pub gevraagd_op: Option<NaiveDate>,
    pub ontvangen_op: Option<NaiveDate>,
}

impl DerdeInfo {
    /// Both dates as typed (dag-maand-jaar or jjjj-mm-dd; empty = not known); every error at once.
    pub fn parse(
        gevraagd: &str,
        ontvangen: &str,
        today: NaiveDate,
    ) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let mut one = |raw: &str, field: &'static str, label: &str| match raw.trim() {
            "" => None,
            s => match parse_date(s) {
                Ok(d) if d > today => {
                    e.push(
                        field,
                        "out_of_range",
                        format!("{label}: de datum mag niet in de toekomst liggen."),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(err) => {
                    e.push(field, err.code(), format!("{label}: {err}"));
                    None
                }
            },
        };
        let gevraagd_op = one(gevraagd, "derdeInfoGevraagdOp", "Informatie gevraagd op");
        let ontvangen_op = one(ontvangen, "derdeInfoOntvangenOp", "Informatie ontvangen op");
        if e.is_empty() {
            match (gevraagd_op, ontvangen_op) {
                (None, Some(_)) => e.push(
                    "derdeInfoGevraagdOp",
                    "required",
                    "Informatie gevraagd op: vul ook in wanneer de informatie is gevraagd.",
                ),
                (Some(g), Some(o)) if o < g => e.push(
                    "derdeInfoOntvangenOp",
                    "inconsistent",
                    "Informatie ontvangen op: deze datum ligt vóór de datum van de aanvraag.",
                ),
                _ => {}
            }
        }
        e.into_result(DerdeInfo {
            gevraagd_op,
            ontvangen_op,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
    }

    #[test]
    fn received_needs_requested_and_not_before_it() {
        assert_eq!(DerdeInfo::parse("", "", today()), Ok(DerdeInfo::default()));
        let e = DerdeInfo::parse("", "01-05-2026", today()).expect_err("no request");
        assert_eq!(e.0[0].field, "derdeInfoGevraagdOp");
        let e = DerdeInfo::parse("10-05-2026", "01-05-2026", today()).expect_err("before");
        assert_eq!(e.0[0].field, "derdeInfoOntvangenOp");
        assert!(DerdeInfo::parse("01-05-2026", "01-05-2026", today()).is_ok());
        let e = DerdeInfo::parse("02-06-2026", "", today()).expect_err("future");
        assert_eq!(e.0[0].code, "out_of_range");
    }

    proptest! {
        #[test]
        fn any_ordered_pair_in_the_past_is_accepted(a in 0u64..5000, b in 0u64..5000) {
            let (late, early) = (a.min(b), a.max(b));
            let g = today() - chrono::Days::new(early);
            let o = today() - chrono::Days::new(late);
            let parsed = DerdeInfo::parse(&g.to_string(), &o.to_string(), today());
            prop_assert_eq!(parsed, Ok(DerdeInfo { gevraagd_op: Some(g), ontvangen_op: Some(o) }));
        }
    }
}
