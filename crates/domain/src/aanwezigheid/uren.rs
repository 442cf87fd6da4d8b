//! Hours a professional spends on a person, optionally on one activity of the PIP: the basis for
//! accounting between gemeente and chain partner. One row per registration.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::invoer::{datum, honderdsten, tekst};
use crate::validation::ValidationErrors;

pub const OMSCHRIJVING_MAX: usize = 500;
/// A day; more in one registration is a typo.
pub const MAX_HONDERDSTEN: u32 = 2400;
/// Hours are written per quarter of an hour.
pub const STAP_HONDERDSTEN: u32 = 25;

#[derive(Debug, Clone, Default)]
pub struct RawUrenregistratie {
    /// The PIP activity as uuid text; empty when the hours are not for one activity.
    pub activiteit_id: String,
    pub datum: String,
    /// Decimal hours in quarters: "1,25", "0.5", "3".
    pub uren: String,
    pub omschrijving: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urenregistratie {
    pub activiteit_id: Option<Uuid>,
    pub datum: NaiveDate,
    /// Hundredths of an hour, a multiple of 25 (125 = 1 uur en een kwartier).
    pub uren_honderdsten: u32,
    pub omschrijving: String,
}

impl Urenregistratie {
    /// Hours are written afterwards (date today at the latest), in quarters of an hour, more than 0
    /// and at most 24.
    pub fn parse(
        raw: &RawUrenregistratie,
        today: NaiveDate,
    ) -> Result<Urenregistratie, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let activiteit_id = match raw.activiteit_id.trim() {
            "" => Some(None),
            s => match Uuid::try_parse(s) {
                Ok(id) => Some(Some(id)),
                Err(_) => {
                    e.push(
                        "activiteitId",
                        "invalid",
                        "Onbekende activiteit: laad het formulier opnieuw.",
                    );
                    None
                }
            },
        };
        // Checked here rather than by `datum`'s own check, for a message about hours.
        let datum = datum(&mut e, "datum", &raw.datum, today, false).filter(|d| {
            let ok = *d <= today;
            if !ok {
                e.push(
                    "datum",
                    "out_of_range",
                    "Uren kunnen niet in de toekomst worden geschreven.",
                );
            }
            ok
        });
        let uren = match raw.uren.trim() {
            "" => {
                e.push("uren", "required", "Vul het aantal uren in.");
                None
            }
            s => match honderdsten(s) {
                Some(h) if (1..=MAX_HONDERDSTEN).contains(&h) && h % STAP_HONDERDSTEN == 0 => {
                    Some(h)
                }
                _ => {
                    e.push(
                        "uren",
                        "out_of_range",
                        "Vul uren in per kwartier (bijvoorbeeld 1,25), meer dan 0 en hoogstens 24.",
                    );
                    None
                }
            },
        };
        let omschrijving = tekst(
            &mut e,
            "omschrijving",
            &raw.omschrijving,
            OMSCHRIJVING_MAX,
            true,
        );
        match (activiteit_id, datum, uren) {
            (Some(activiteit_id), Some(datum), Some(uren_honderdsten)) if e.is_empty() => {
                Ok(Urenregistratie {
                    activiteit_id,
                    datum,
                    uren_honderdsten,
                    omschrijving,
                })
            }
            _ => Err(e),
        }
    }
}
