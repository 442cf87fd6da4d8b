//! A verlenging of the inburgeringstermijn as DUO decided it (Wet art. 12, Besluit 4.2-4.5). The ground
//! codes are the rules engine's [`VerlengingGrond`]: DUO's Inburgeringstermijn API carries a
//! `verlengingsgrondcode` from the keteninformatiemodel but does not list the codes.

use chrono::NaiveDate;

use super::{code, datum, tekst};
use crate::trajectory::deadlines::termijn::{Inburgeringstermijn, Verlenging, VerlengingGrond};
use crate::validation::ValidationErrors;

pub const TOELICHTING_MAX: usize = 1000;

#[derive(Debug, Clone, Default)]
pub struct RawVerlenging {
    pub grond: String,
    pub besluitdatum: String,
    /// DUO's new `einddatum`, exclusive.
    pub nieuwe_einddatum: String,
    pub toelichting: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerlengingInvoer {
    pub verlenging: Verlenging,
    pub toelichting: String,
}

impl VerlengingInvoer {
    /// A verlenging needs a termijn (a first PIP), a decision date not in the future, and a new end
    /// after the current one: an extension never shortens the termijn.
    pub fn parse(
        raw: &RawVerlenging,
        termijn: Option<&Inburgeringstermijn>,
        today: NaiveDate,
    ) -> Result<VerlengingInvoer, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let grond = code(
            &mut e,
            "grond",
            &raw.grond,
            VerlengingGrond::parse,
            VerlengingGrond::CHOICES,
        );
        let besluitdatum = datum(&mut e, "besluitdatum", &raw.besluitdatum, today, true);
        let nieuwe_einddatum = datum(
            &mut e,
            "nieuweEinddatum",
            &raw.nieuwe_einddatum,
            today,
            false,
        );
        let toelichting = tekst(
            &mut e,
            "toelichting",
            &raw.toelichting,
            TOELICHTING_MAX,
            true,
        );
        match termijn {
            None => e.push(
                "nieuweEinddatum",
                "state",
                "Er loopt nog geen inburgeringstermijn: die begint de dag na de dagtekening van het eerste vastgestelde PIP.",
            ),
            Some(t) => {
                if let Some(n) = nieuwe_einddatum
                    && n <= t.einddatum
                {
                    e.push(
                        "nieuweEinddatum",
                        "state",
                        format!(
                            "De nieuwe einddatum moet na de huidige einddatum ({}) liggen: een verlenging maakt de termijn langer.",
                            t.einddatum.format("%d-%m-%Y")
                        ),
                    );
                }
                if let Some(b) = besluitdatum
                    && b < t.start
                {
                    e.push("besluitdatum", "state", "DUO besluit over een verlenging pas nadat de termijn is begonnen.");
                }
            }
        }
        match (grond, besluitdatum, nieuwe_einddatum) {
            (Some(grond), Some(besluitdatum), Some(nieuwe_einddatum)) if e.is_empty() => {
                Ok(VerlengingInvoer {
                    verlenging: Verlenging {
                        grond,
                        besluitdatum,
                        nieuwe_einddatum,
                    },
                    toelichting,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trajectory::deadlines::termijn::inburgeringstermijn;

    #[test]
    fn a_verlenging_must_move_the_end_later() {
        let pip = NaiveDate::from_ymd_opt(2026, 1, 14).expect("date");
        let t = inburgeringstermijn(pip, &[]);
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let mut raw = RawVerlenging {
            grond: "geen_verwijt".into(),
            besluitdatum: "2026-05-01".into(),
            nieuwe_einddatum: t.einddatum.to_string(),
            toelichting: String::new(),
        };
        let e = VerlengingInvoer::parse(&raw, Some(&t), today).expect_err("not later");
        assert!(e.for_field("nieuweEinddatum").is_some());
        raw.nieuwe_einddatum = "2029-07-15".into();
        assert!(VerlengingInvoer::parse(&raw, Some(&t), today).is_ok());
        assert!(VerlengingInvoer::parse(&raw, None, today).is_err());
    }
}
