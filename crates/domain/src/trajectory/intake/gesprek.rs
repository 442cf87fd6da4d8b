//! One conversation of the brede intake: parsed from what the form or the API sent.

use chrono::NaiveDate;

use crate::trajectory::codes::{GesprekPlaats, TolkSoort};
use crate::validation::{ValidationErrors, has_control_chars, parse_date, text_problem};

/// What a user typed, before checking.
#[derive(Debug, Clone, Default)]
pub struct RawGesprek {
    pub datum: String,
    pub plaats: String,
    pub deelnemers: String,
    pub tolk_taal: String,
    pub tolk_soort: String,
    pub notities: String,
    /// Besluit 5.2 lid 2 (C-5): the person was told of the right to talk without a partner present.
    pub recht_zonder_partner_gewezen: bool,
}

/// A valid conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gesprek {
    pub datum: NaiveDate,
    pub plaats: GesprekPlaats,
    pub deelnemers: String,
    /// Language and kind of interpreter, both or neither.
    pub tolk: Option<(String, TolkSoort)>,
    pub notities: String,
    pub recht_zonder_partner_gewezen: bool,
}

pub const MAX_NOTITIES: usize = 8000;

impl Gesprek {
    /// Every error at once: a date that is no date or lies after `today`, an unknown place, an
    /// interpreter language without its kind (or the reverse), text too long.
    pub fn parse(raw: &RawGesprek, today: NaiveDate) -> Result<Gesprek, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let datum = match raw.datum.trim() {
            "" => {
                e.push("datum", "required", "Datum: dit veld is verplicht.");
                None
            }
            s => match parse_date(s) {
                Ok(d) if d > today => {
                    e.push(
                        "datum",
                        "out_of_range",
                        "Datum: een gesprek kan niet in de toekomst liggen.",
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(err) => {
                    e.push("datum", err.code(), format!("Datum: {err}"));
                    None
                }
            },
        };
        let plaats = match raw.plaats.trim() {
            "" => {
                e.push("plaats", "required", "Plaats: kies waar het gesprek was.");
                None
            }
            s => GesprekPlaats::parse(s).or_else(|| {
                e.push(
                    "plaats",
                    "unknown_value",
                    "Plaats: kies een van de mogelijkheden.",
                );
                None
            }),
        };
        let deelnemers = raw.deelnemers.trim().to_string();
        if let Some((code, m)) = text_problem(&deelnemers, 500) {
            e.push("deelnemers", code, format!("Deelnemers: {m}"));
        }
        let taal = raw.tolk_taal.trim().to_string();
        if let Some((code, m)) = text_problem(&taal, 100) {
            e.push("tolkTaal", code, format!("Taal van de tolk: {m}"));
        }
        let soort = match raw.tolk_soort.trim() {
            "" => None,
            s => TolkSoort::parse(s).or_else(|| {
                e.push(
                    "tolkSoort",
                    "unknown_value",
                    "Soort tolk: kies een van de mogelijkheden.",
                );
                None
            }),
        };
        let tolk = match (taal.is_empty(), soort, raw.tolk_soort.trim().is_empty()) {
            (true, None, true) => None,
            (false, Some(s), _) => Some((taal, s)),
            (true, Some(_), _) => {
                e.push(
                    "tolkTaal",
                    "inconsistent",
                    "Taal van de tolk: vul de taal in, of kies geen soort tolk.",
                );
                None
            }
            (false, None, true) => {
                e.push(
                    "tolkSoort",
                    "inconsistent",
                    "Soort tolk: kies hoe de tolk deelnam.",
                );
                None
            }
            _ => None,
        };
        let notities = raw.notities.trim().to_string();
        if notities.chars().count() > MAX_NOTITIES {
            e.push(
                "notities",
                "too_long",
                format!("Notities: gebruik hoogstens {MAX_NOTITIES} tekens."),
            );
        } else if has_control_chars(&notities, true) {
            e.push("notities", "invalid", "Notities: gebruik geen stuurtekens.");
        }
        match (datum, plaats) {
            (Some(datum), Some(plaats)) if e.is_empty() => Ok(Gesprek {
                datum,
                plaats,
                deelnemers,
                tolk,
                notities,
                recht_zonder_partner_gewezen: raw.recht_zonder_partner_gewezen,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).expect("date")
    }

    fn raw(datum: &str) -> RawGesprek {
        RawGesprek {
            datum: datum.into(),
            plaats: "azc".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_conversation_today_is_fine_tomorrow_is_refused() {
        assert!(Gesprek::parse(&raw("01-11-2026"), today()).is_ok());
        let e = Gesprek::parse(&raw("2026-11-02"), today()).expect_err("future");
        assert_eq!(e.0[0].field, "datum");
    }

    #[test]
    fn an_interpreter_needs_language_and_kind() {
        let mut r = raw("2026-10-01");
        r.tolk_taal = "Tigrinya".into();
        assert_eq!(
            Gesprek::parse(&r, today()).expect_err("no kind").0[0].field,
            "tolkSoort"
        );
        r.tolk_soort = "telefonisch".into();
        assert!(Gesprek::parse(&r, today()).expect("ok").tolk.is_some());
        r.tolk_taal.clear();
        assert_eq!(
            Gesprek::parse(&r, today()).expect_err("no language").0[0].field,
            "tolkTaal"
        );
    }

    proptest! {
        #[test]
        fn no_future_date_is_ever_accepted(days in 1i64..5000) {
            let d = today() + chrono::Days::new(days.unsigned_abs());
            prop_assert!(Gesprek::parse(&raw(&d.to_string()), today()).is_err());
        }

        #[test]
        fn any_past_date_with_a_known_place_is_accepted(days in 0i64..20000, p in 0usize..4) {
            let d = today() - chrono::Days::new(days.unsigned_abs());
            let mut r = raw(&d.to_string());
            r.plaats = GesprekPlaats::CODES[p].into();
            prop_assert_eq!(Gesprek::parse(&r, today()).map(|g| g.datum), Ok(d));
        }
    }
}
