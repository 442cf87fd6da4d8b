//! A registration of hours (PVT, MAP, NT2 course, participation) over a period. Each registration is
//! its own row, so partners and DUO's "gevolgde uren" add rows rather than overwrite a total.

use chrono::NaiveDate;

use super::{code, datum, tekst};
use crate::trajectory::codes::UrenSoort;
use crate::validation::ValidationErrors;

/// More hours than a period of a year can hold is a typo, not a registration.
pub const MAX_UREN: u32 = 5000;
pub const OMSCHRIJVING_MAX: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct RawUren {
    pub soort: String,
    pub van: String,
    pub tot: String,
    pub uren: String,
    pub tijdens_intake: bool,
    pub omschrijving: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uren {
    pub soort: UrenSoort,
    pub van: NaiveDate,
    pub tot: NaiveDate,
    pub uren: u32,
    /// Followed during the brede intake: counts although before the PIP (Besluit 3.1 lid 5, 3.14 lid
    /// 6, 5.5 lid 2).
    pub tijdens_intake: bool,
    pub omschrijving: String,
}

impl Uren {
    /// Hours are recorded afterwards: the period ends today at the latest, `van <= tot`, and the
    /// number is a whole number from 1 to [`MAX_UREN`].
    pub fn parse(raw: &RawUren, today: NaiveDate) -> Result<Uren, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let soort = code(
            &mut e,
            "soort",
            &raw.soort,
            UrenSoort::parse,
            UrenSoort::CHOICES,
        );
        let van = datum(&mut e, "van", &raw.van, today, true);
        let tot = datum(&mut e, "tot", &raw.tot, today, true);
        if let (Some(v), Some(t)) = (van, tot)
            && v > t
        {
            e.push(
                "tot",
                "inconsistent",
                "De einddatum ligt voor de begindatum.",
            );
        }
        let uren = match raw.uren.trim() {
            "" => {
                e.push("uren", "required", "Vul het aantal uren in.");
                None
            }
            s => match s.parse::<u32>() {
                Ok(n) if (1..=MAX_UREN).contains(&n) => Some(n),
                _ => {
                    e.push(
                        "uren",
                        "out_of_range",
                        format!("Vul een heel aantal uren in van 1 tot en met {MAX_UREN}."),
                    );
                    None
                }
            },
        };
        if let (Some(v), Some(t), Some(n)) = (van, tot, uren)
            && let Some(max) = max_uren(v, t)
            && n > max
        {
            let dagen = (t - v).num_days() + 1;
            let periode = if dagen == 1 {
                "één dag".to_owned()
            } else {
                format!("{dagen} dagen")
            };
            e.push(
                "uren",
                "out_of_range",
                format!(
                    "In {periode} passen hoogstens {max} uur. Kijk het aantal uren en de data na."
                ),
            );
        }
        let omschrijving = tekst(
            &mut e,
            "omschrijving",
            &raw.omschrijving,
            OMSCHRIJVING_MAX,
            false,
        );
        match (soort, van, tot, uren) {
            (Some(soort), Some(van), Some(tot), Some(uren)) if e.is_empty() => Ok(Uren {
                soort,
                van,
                tot,
                uren,
                tijdens_intake: raw.tijdens_intake,
                omschrijving,
            }),
            _ => Err(e),
        }
    }
}

/// The hours a period from `van` to `tot` (both included) can hold: 24 a day. `None` when the period
/// is out of order (refused on its own).
pub fn max_uren(van: NaiveDate, tot: NaiveDate) -> Option<u32> {
    let dagen = (tot - van).num_days() + 1;
    u32::try_from(dagen)
        .ok()
        .filter(|d| *d > 0)
        .map(|d| d.saturating_mul(24))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 30).expect("date")
    }

    fn raw(van: &str, tot: &str, uren: u32) -> RawUren {
        RawUren {
            soort: "pvt".into(),
            van: van.into(),
            tot: tot.into(),
            uren: uren.to_string(),
            ..Default::default()
        }
    }

    #[test]
    fn a_period_holds_at_most_24_hours_a_day_both_ends_included() {
        assert!(Uren::parse(&raw("2026-06-01", "2026-06-01", 24), today()).is_ok());
        assert!(Uren::parse(&raw("2026-06-01", "2026-06-02", 48), today()).is_ok());
        let e =
            Uren::parse(&raw("2026-06-01", "2026-06-01", 25), today()).expect_err("25 in a day");
        let err = e.for_field("uren").expect("on uren");
        assert_eq!(err.code, "out_of_range");
        assert_eq!(
            err.message,
            "In één dag passen hoogstens 24 uur. Kijk het aantal uren en de data na."
        );
        let e = Uren::parse(&raw("2026-06-01", "2026-06-07", 169), today()).expect_err("week");
        assert!(e.for_field("uren").is_some_and(|x| {
            x.message
                .starts_with("In 7 dagen passen hoogstens 168 uur.")
        }));
    }

    proptest! {
        #[test]
        fn a_period_is_accepted_only_in_order_and_not_in_the_future(a in 0i64..400, b in 0i64..400, n in 0u32..6000) {
            let base = NaiveDate::from_ymd_opt(2025, 9, 1).expect("date");
            let van = base + chrono::Duration::days(a);
            let tot = base + chrono::Duration::days(b);
            let raw = RawUren {
                soort: "pvt".into(),
                van: van.to_string(),
                tot: tot.to_string(),
                uren: n.to_string(),
                ..Default::default()
            };
            let fits = n <= 24 * u32::try_from(b - a + 1).unwrap_or(0);
            let ok = van <= tot && tot <= today() && (1..=MAX_UREN).contains(&n) && fits;
            prop_assert_eq!(Uren::parse(&raw, today()).is_ok(), ok);
        }
    }
}
