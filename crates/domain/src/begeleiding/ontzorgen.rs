//! Financieel ontzorgen: the college pays fixed costs from the bijstand in the person's name.
//!
//! - H-3 (Participatiewet art. 56a lid 1): only for a belanghebbende with bijstand who is
//!   inburgeringsplichtig AND holds an asiel permit for a fixed term. Not the Wet inburgering.
//! - H-4 (Pw 56a lid 2): for six months from the day the right to bijstand arises; huur, gas, water
//!   en stroom, and the verplichte zorgverzekering.
//! - H-5 (Pw 57): after six months, or for other costs, only on another basis: budgetbeheer under
//!   art. 57 or a voluntary arrangement.

use chrono::NaiveDate;

use crate::invoer::{code, datum, datum_opt, tekst};
use crate::trajectory::deadlines::support::{ONTZORGEN_MAANDEN, Periode};
use crate::validation::ValidationErrors;

code_enum! {
    /// A fixed cost paid on the person's behalf.
    pub enum OntzorgPost {
        Huur = "huur", "Huur",
        Energie = "energie", "Gas en stroom",
        Water = "water", "Water",
        Zorgverzekering = "zorgverzekering", "Verplichte zorgverzekering",
        GemeentelijkeBelastingen = "gemeentelijke_belastingen", "Gemeentelijke belastingen",
        Overig = "overig", "Overige vaste lasten",
    }
}

impl OntzorgPost {
    /// One of the costs named in Pw art. 56a lid 2 (H-4); others need another basis (H-5).
    pub fn is_pw_56a(self) -> bool {
        matches!(
            self,
            Self::Huur | Self::Energie | Self::Water | Self::Zorgverzekering
        )
    }
}

code_enum! {
    /// The basis for ontzorgen beyond art. 56a (H-5).
    pub enum Grondslag {
        Pw57 = "pw_57", "Budgetbeheer (art. 57 Participatiewet)",
        Vrijwillig = "vrijwillig", "Vrijwillig, met instemming van de deelnemer",
    }
}

code_enum! {
    /// Why art. 56a does not apply (H-3).
    pub enum OntzorgenWeigering {
        GeenBijstand = "geen_bijstand", "Financieel ontzorgen hoort bij de bijstand: de deelnemer heeft geen bijstand.",
        NietInburgeringsplichtig = "niet_inburgeringsplichtig", "Alleen voor inburgeringsplichtigen onder de Wet inburgering 2021.",
        GeenAsielvergunning = "geen_asielvergunning", "Alleen voor houders van een verblijfsvergunning asiel voor bepaalde tijd; gezinsmigranten vallen erbuiten.",
    }
}

/// Whether Pw art. 56a applies (H-3): all three conditions; the first one missing is the reason.
pub fn ontzorgen_toegestaan(
    inburgeringsplichtig: bool,
    asielvergunning_bepaalde_tijd: bool,
    bijstand: bool,
) -> Result<(), OntzorgenWeigering> {
    if !bijstand {
        Err(OntzorgenWeigering::GeenBijstand)
    } else if !inburgeringsplichtig {
        Err(OntzorgenWeigering::NietInburgeringsplichtig)
    } else if !asielvergunning_bepaalde_tijd {
        Err(OntzorgenWeigering::GeenAsielvergunning)
    } else {
        Ok(())
    }
}

/// The six months of H-4: from the day the right to bijstand arises, end exclusive (the same clock the
/// werkvoorraad uses).
pub fn ontzorgen_verplichte_periode(bijstand_start: NaiveDate) -> Periode {
    Periode {
        start: bijstand_start,
        einde_exclusief: bijstand_start
            .checked_add_months(chrono::Months::new(ONTZORGEN_MAANDEN))
            .unwrap_or(NaiveDate::MAX),
    }
}

pub const REDEN_MAX: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct RawOntzorgen {
    pub bijstand_start: String,
    pub posten: Vec<String>,
    /// Last day of ontzorgen; empty means the six months of art. 56a.
    pub einde: String,
    /// Why ontzorgen stops within the six months (e.g. bijstand ended, moved away).
    pub reden_eerder_einde: String,
    /// Basis for costs outside art. 56a and for any time after the six months.
    pub grondslag_na_6_maanden: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ontzorgen {
    pub bijstand_start: NaiveDate,
    pub posten: Vec<OntzorgPost>,
    pub einde: Option<NaiveDate>,
    pub reden_eerder_einde: Option<String>,
    pub grondslag: Option<Grondslag>,
}

impl Ontzorgen {
    /// The dates may lie ahead (a decision is often taken before the right to bijstand starts).
    pub fn parse(raw: &RawOntzorgen, today: NaiveDate) -> Result<Ontzorgen, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let start = datum(&mut e, "bijstandStart", &raw.bijstand_start, today, false);
        let posten = posten(&mut e, &raw.posten);
        let einde = datum_opt(&mut e, "einde", &raw.einde, today, false);
        let reden = tekst(
            &mut e,
            "redenEerderEinde",
            &raw.reden_eerder_einde,
            REDEN_MAX,
            true,
        );
        let grondslag = match raw.grondslag_na_6_maanden.trim() {
            "" => Some(None),
            s => code(
                &mut e,
                "grondslagNa6Maanden",
                s,
                Grondslag::parse,
                Grondslag::CHOICES,
            )
            .map(Some),
        };
        let geen_grondslag = grondslag == Some(None);
        if geen_grondslag && posten.iter().any(|p| !p.is_pw_56a()) {
            e.push(
                "grondslagNa6Maanden",
                "required",
                "Andere vaste lasten dan huur, gas, water, stroom en zorgverzekering vallen niet onder art. 56a Participatiewet: kies budgetbeheer (art. 57) of vrijwillig.",
            );
        }
        if let (Some(s), Some(Some(t))) = (start, einde) {
            let laatste = ontzorgen_verplichte_periode(s).laatste_dag();
            if t < s {
                e.push(
                    "einde",
                    "inconsistent",
                    "De einddatum ligt voor de start van de bijstand.",
                );
            } else if t < laatste && reden.is_empty() {
                e.push(
                    "redenEerderEinde",
                    "required",
                    format!(
                        "Ontzorgen duurt zes maanden vanaf het recht op bijstand (art. 56a Participatiewet), tot en met {}. Vul de reden in om eerder te stoppen.",
                        laatste.format("%d-%m-%Y")
                    ),
                );
            } else if t > laatste && geen_grondslag {
                e.push(
                    "grondslagNa6Maanden",
                    "required",
                    "Na zes maanden kan ontzorgen alleen op een andere grondslag doorgaan: kies budgetbeheer (art. 57) of vrijwillig.",
                );
            }
        }
        match (start, einde, grondslag) {
            (Some(bijstand_start), Some(einde), Some(grondslag)) if e.is_empty() => Ok(Ontzorgen {
                bijstand_start,
                posten,
                einde,
                reden_eerder_einde: (!reden.is_empty()).then_some(reden),
                grondslag,
            }),
            _ => Err(e),
        }
    }
}

fn posten(e: &mut ValidationErrors, raw: &[String]) -> Vec<OntzorgPost> {
    let mut uit = Vec::new();
    for p in raw.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        match OntzorgPost::parse(p) {
            Some(p) if uit.contains(&p) => e.push(
                "posten",
                "duplicate",
                format!("{} staat er twee keer in.", p.label()),
            ),
            Some(p) => uit.push(p),
            None => e.push(
                "posten",
                "unknown_value",
                format!(
                    "Onbekende post. Kies uit: {}.",
                    OntzorgPost::CODES.join(", ")
                ),
            ),
        }
    }
    if uit.is_empty() && raw.iter().all(|p| p.trim().is_empty()) {
        e.push("posten", "required", "Kies minstens één vaste last.");
    }
    uit
}

#[cfg(test)]
#[path = "ontzorgen_tests.rs"]
mod tests;
