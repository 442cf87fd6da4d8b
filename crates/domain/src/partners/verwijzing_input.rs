//! What a regisseur fills in to refer, and what a partner sends to move a referral on: parsed from
//! text (form fields, API properties) into typed values, every refused field at once, in Dutch.
//!
//! The legal basis is chosen per referral: sharing for the gemeente's statutory task (Wi2021 art. 16-17:
//! ondersteuning en begeleiding, AVG art. 6 lid 1 sub e) or with the person's explicit consent (AVG
//! art. 6 lid 1 sub a, for help outside that task). Health data is special-category data (AVG art. 9):
//! it goes along only with explicit consent, or with a recorded justification under Wi2021 art. 37
//! lid 2 sub b when the partner gives the ondersteuning en begeleiding itself.

use chrono::NaiveDate;
use uuid::Uuid;

use super::verwijzing::{Overgang, StopReden};
use crate::trajectory::progress::{code, datum, datum_opt, tekst};
use crate::validation::ValidationErrors;

code_enum! {
    pub enum Grondslag {
        WettelijkeTaak = "wettelijke_taak", "Wettelijke taak: ondersteuning en begeleiding (Wet inburgering 2021 art. 16-17; AVG art. 6 lid 1 sub e)",
        Toestemming = "toestemming", "Uitdrukkelijke toestemming van de inburgeraar (AVG art. 6 lid 1 sub a)",
    }
}

pub const VRAAG_MAX: usize = 2000;
pub const TOELICHTING_MAX: usize = 1000;
/// A grant longer than two years is not need-to-know: refer again when the work goes on.
pub const MAX_GELDIG_DAGEN: i64 = 2 * 366;

#[derive(Debug, Clone, Default)]
pub struct RawVerwijzing {
    pub aanbod_id: String,
    pub vraag: String,
    /// Goal ids of the person's current PIP the partner works on.
    pub doel_ids: Vec<String>,
    pub grondslag: String,
    pub toestemming_datum: String,
    pub geldig_tot: String,
    pub gezondheid_delen: bool,
    pub gezondheid_rechtvaardiging: String,
    /// Optional: the partner's worker who takes it on (otherwise the coordinator assigns).
    pub medewerker_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NieuweVerwijzing {
    pub aanbod_id: Uuid,
    pub vraag: String,
    pub doel_ids: Vec<Uuid>,
    pub grondslag: Grondslag,
    pub toestemming_datum: Option<NaiveDate>,
    pub geldig_tot: NaiveDate,
    pub gezondheid_delen: bool,
    pub gezondheid_rechtvaardiging: Option<String>,
    pub medewerker_id: Option<Uuid>,
}

fn uuid_field(
    e: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    required: bool,
) -> Option<Uuid> {
    let raw = raw.trim();
    if raw.is_empty() {
        if required {
            e.push(field, "required", "Maak een keuze.");
        }
        return None;
    }
    match Uuid::parse_str(raw) {
        Ok(u) => Some(u),
        Err(_) => {
            e.push(
                field,
                "invalid",
                "Dit is geen geldige verwijzing naar een keuze uit de lijst.",
            );
            None
        }
    }
}

impl NieuweVerwijzing {
    pub fn parse(
        raw: &RawVerwijzing,
        today: NaiveDate,
    ) -> Result<NieuweVerwijzing, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let aanbod_id = uuid_field(&mut e, "aanbodId", &raw.aanbod_id, true);
        let vraag = tekst(&mut e, "vraag", &raw.vraag, VRAAG_MAX, true);
        if vraag.is_empty() && e.for_field("vraag").is_none() {
            e.push(
                "vraag",
                "required",
                "Beschrijf wat u van de partner vraagt.",
            );
        }
        let mut doel_ids = Vec::new();
        for d in raw.doel_ids.iter().filter(|d| !d.trim().is_empty()) {
            match Uuid::parse_str(d.trim()) {
                Ok(u) if !doel_ids.contains(&u) => doel_ids.push(u),
                Ok(_) => {}
                Err(_) => {
                    e.push("doelIds", "invalid", "Kies doelen uit het PIP.");
                    break;
                }
            }
        }
        let grondslag = code(
            &mut e,
            "grondslag",
            &raw.grondslag,
            Grondslag::parse,
            Grondslag::CHOICES,
        );
        let toestemming_datum = datum_opt(
            &mut e,
            "toestemmingDatum",
            &raw.toestemming_datum,
            today,
            true,
        )
        .flatten();
        if grondslag == Some(Grondslag::Toestemming)
            && toestemming_datum.is_none()
            && e.for_field("toestemmingDatum").is_none()
        {
            e.push(
                "toestemmingDatum",
                "required",
                "Vul in wanneer de inburgeraar toestemming gaf.",
            );
        }
        let geldig_tot = datum(&mut e, "geldigTot", &raw.geldig_tot, today, false);
        if let Some(t) = geldig_tot {
            if t < today {
                e.push(
                    "geldigTot",
                    "out_of_range",
                    "De einddatum van het delen ligt in het verleden.",
                );
            } else if (t - today).num_days() > MAX_GELDIG_DAGEN {
                e.push(
                    "geldigTot",
                    "out_of_range",
                    "Deel gegevens hoogstens twee jaar; verwijs daarna opnieuw.",
                );
            }
        }
        let rechtvaardiging = tekst(
            &mut e,
            "gezondheidRechtvaardiging",
            &raw.gezondheid_rechtvaardiging,
            TOELICHTING_MAX,
            true,
        );
        if raw.gezondheid_delen
            && grondslag != Some(Grondslag::Toestemming)
            && rechtvaardiging.is_empty()
        {
            e.push(
                "gezondheidRechtvaardiging",
                "required",
                "Gezondheidsgegevens delen kan alleen met uitdrukkelijke toestemming of met een vastgelegde rechtvaardiging (Wet inburgering 2021 art. 37 lid 2 sub b).",
            );
        }
        let medewerker_id = uuid_field(&mut e, "medewerkerId", &raw.medewerker_id, false);
        match (aanbod_id, grondslag, geldig_tot) {
            (Some(aanbod_id), Some(grondslag), Some(geldig_tot)) if e.is_empty() => {
                Ok(NieuweVerwijzing {
                    aanbod_id,
                    vraag,
                    doel_ids,
                    grondslag,
                    toestemming_datum,
                    geldig_tot,
                    gezondheid_delen: raw.gezondheid_delen,
                    gezondheid_rechtvaardiging: (!rechtvaardiging.is_empty())
                        .then_some(rechtvaardiging),
                    medewerker_id,
                })
            }
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawOvergang {
    pub overgang: String,
    pub datum: String,
    pub reden: String,
    pub toelichting: String,
}

/// The transition asked for; the state machine ([`super::verwijzing::overgang`]) checks whether it fits.
pub fn parse_overgang(raw: &RawOvergang, today: NaiveDate) -> Result<Overgang, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let toelichting = tekst(
        &mut e,
        "toelichting",
        &raw.toelichting,
        TOELICHTING_MAX,
        true,
    );
    let soort = raw.overgang.trim();
    let needs_date = matches!(soort, "starten" | "afronden" | "stoppen");
    let d = if needs_date {
        datum(&mut e, "datum", &raw.datum, today, true)
    } else {
        None
    };
    let needs_reason = matches!(soort, "afwijzen" | "stoppen");
    let reden = if needs_reason {
        code(
            &mut e,
            "reden",
            &raw.reden,
            StopReden::parse,
            StopReden::CHOICES,
        )
    } else {
        None
    };
    let o = match (soort, d, reden) {
        ("accepteren", _, _) => Some(Overgang::Accepteren),
        ("afwijzen", _, Some(reden)) => Some(Overgang::Afwijzen { reden, toelichting }),
        ("starten", Some(datum), _) => Some(Overgang::Starten { datum }),
        ("afronden", Some(datum), _) => Some(Overgang::Afronden { datum }),
        ("stoppen", Some(datum), Some(reden)) => Some(Overgang::Stoppen {
            datum,
            reden,
            toelichting,
        }),
        ("intrekken", _, _) => Some(Overgang::Intrekken { toelichting }),
        ("", _, _) => {
            e.push("overgang", "required", "Kies een stap.");
            None
        }
        (s, _, _) if !["afwijzen", "starten", "afronden", "stoppen"].contains(&s) => {
            e.push(
                "overgang",
                "unknown_value",
                "Onbekende stap. Kies uit: accepteren, afwijzen, starten, afronden, stoppen, intrekken.",
            );
            None
        }
        _ => None,
    };
    match o {
        Some(o) if e.is_empty() => Ok(o),
        _ => Err(e),
    }
}
