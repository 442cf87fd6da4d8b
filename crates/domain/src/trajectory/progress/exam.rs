//! An exam result per component (DUO Examen API: onderdeel, niveau, datum, resultaat).

use chrono::NaiveDate;

use super::{code, datum};
use crate::trajectory::codes::{ExamenNiveau, ExamenOnderdeel, ExamenUitslag};
use crate::validation::ValidationErrors;

#[derive(Debug, Clone, Default)]
pub struct RawExamen {
    pub onderdeel: String,
    pub niveau: String,
    pub datum: String,
    pub uitslag: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Examen {
    pub onderdeel: ExamenOnderdeel,
    /// KNM has no language level; every language component has one.
    pub niveau: Option<ExamenNiveau>,
    pub datum: NaiveDate,
    pub uitslag: ExamenUitslag,
}

impl Examen {
    /// An exam taken (date not in the future). A language component needs its level; KNM has none.
    pub fn parse(raw: &RawExamen, today: NaiveDate) -> Result<Examen, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let onderdeel = code(
            &mut e,
            "onderdeel",
            &raw.onderdeel,
            ExamenOnderdeel::parse,
            ExamenOnderdeel::CHOICES,
        );
        let niveau = if raw.niveau.trim().is_empty() {
            None
        } else {
            code(
                &mut e,
                "niveau",
                &raw.niveau,
                ExamenNiveau::parse,
                ExamenNiveau::CHOICES,
            )
        };
        match (onderdeel, niveau) {
            (Some(ExamenOnderdeel::Knm), Some(_)) => e.push(
                "niveau",
                "inconsistent",
                "KNM heeft geen taalniveau: laat het niveau leeg.",
            ),
            (Some(o), None) if o != ExamenOnderdeel::Knm && raw.niveau.trim().is_empty() => e.push(
                "niveau",
                "required",
                "Kies het niveau waarop dit taalexamen is afgelegd.",
            ),
            _ => {}
        }
        let datum = datum(&mut e, "datum", &raw.datum, today, true);
        let uitslag = code(
            &mut e,
            "uitslag",
            &raw.uitslag,
            ExamenUitslag::parse,
            ExamenUitslag::CHOICES,
        );
        match (onderdeel, datum, uitslag) {
            (Some(onderdeel), Some(datum), Some(uitslag)) if e.is_empty() => Ok(Examen {
                onderdeel,
                niveau,
                datum,
                uitslag,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(onderdeel: &str, niveau: &str) -> RawExamen {
        RawExamen {
            onderdeel: onderdeel.into(),
            niveau: niveau.into(),
            datum: "01-02-2026".into(),
            uitslag: "Geslaagd".into(),
        }
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("date")
    }

    #[test]
    fn language_components_need_a_level_and_knm_has_none() {
        assert!(Examen::parse(&raw("LE", "B1"), today()).is_ok());
        assert!(Examen::parse(&raw("KNM", ""), today()).is_ok());
        assert!(Examen::parse(&raw("LE", ""), today()).is_err());
        assert!(Examen::parse(&raw("KNM", "B1"), today()).is_err());
    }

    #[test]
    fn unknown_codes_are_refused_per_field() {
        let e = Examen::parse(&raw("XX", "C2"), today()).expect_err("codes");
        assert_eq!(
            e.for_field("onderdeel").map(|f| f.code),
            Some("unknown_value")
        );
        assert_eq!(e.for_field("niveau").map(|f| f.code), Some("unknown_value"));
    }
}
