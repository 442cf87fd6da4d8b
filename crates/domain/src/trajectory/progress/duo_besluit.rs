//! Vrijstelling and ontheffing: decided by DUO (Wet art. 5; Besluit 2.3-2.8), recorded here because they
//! change what is still due. Types are DUO's own codes (Vrijstelling API `RedenVrijstellingInburgeringsplicht`,
//! Ontheffing API `OntheffingsgrondInburgering`).

use chrono::NaiveDate;

use super::{code, datum};
use crate::trajectory::codes::{DuoBesluitSoort, ExamenOnderdeel, OntheffingSoort};
use crate::trajectory::deadlines::DuoBesluitFeit;
use crate::validation::ValidationErrors;

code_enum! {
    /// Why DUO granted a vrijstelling. DUO Vrijstelling API `RedenVrijstellingInburgeringsplicht`.
    pub enum VrijstellingReden {
        Avi = "AVI", "Aantoonbaar voldoende ingeburgerd (Besluit 2.3)",
        Dip = "DIP", "Vrijstellend diploma (DUO-register)",
        Doc = "DOC", "Vrijstellend document (handmatig beoordeeld)",
        Ged = "GED", "Gedeeltelijke vrijstelling (taalonderdelen)",
        Inb = "INB", "Inburgeringsdiploma Wi2013",
        Ins = "INS", "Tijdelijke vrijstelling op verzoek (inschrijving)",
        Opl = "OPL", "Tijdelijke vrijstelling ambtshalve (vervolgopleiding)",
    }
}

/// The type of a decision: its reason (vrijstelling) or ground (ontheffing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BesluitType {
    Vrijstelling(VrijstellingReden),
    Ontheffing(OntheffingSoort),
}

impl BesluitType {
    pub fn code(self) -> &'static str {
        match self {
            BesluitType::Vrijstelling(r) => r.code(),
            BesluitType::Ontheffing(s) => s.code(),
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            BesluitType::Vrijstelling(r) => r.label(),
            BesluitType::Ontheffing(s) => s.label(),
        }
    }
    /// The stored (soort, type) back into a type; `None` for a pair that was never valid.
    pub fn from_codes(soort: DuoBesluitSoort, type_: &str) -> Option<BesluitType> {
        match soort {
            DuoBesluitSoort::Vrijstelling => {
                VrijstellingReden::parse(type_).map(BesluitType::Vrijstelling)
            }
            DuoBesluitSoort::Ontheffing => {
                OntheffingSoort::parse(type_).map(BesluitType::Ontheffing)
            }
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RawDuoBesluit {
    pub soort: String,
    pub type_: String,
    pub volledig: bool,
    pub onderdelen: Vec<String>,
    pub besluitdatum: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuoBesluit {
    pub soort: DuoBesluitSoort,
    pub type_: BesluitType,
    pub volledig: bool,
    /// The exam components a partial decision covers (empty when `volledig`).
    pub onderdelen: Vec<ExamenOnderdeel>,
    pub besluitdatum: NaiveDate,
}

impl DuoBesluit {
    /// A full decision names no components; a partial one names at least one. A partial vrijstelling
    /// covers language components only (DUO `ExamenonderdeelNederlands`), an ontheffing may cover KNM.
    pub fn parse(raw: &RawDuoBesluit, today: NaiveDate) -> Result<DuoBesluit, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let soort = code(
            &mut e,
            "soort",
            &raw.soort,
            DuoBesluitSoort::parse,
            DuoBesluitSoort::CHOICES,
        );
        let type_ = match soort {
            Some(DuoBesluitSoort::Vrijstelling) => code(
                &mut e,
                "type",
                &raw.type_,
                VrijstellingReden::parse,
                VrijstellingReden::CHOICES,
            )
            .map(BesluitType::Vrijstelling),
            Some(DuoBesluitSoort::Ontheffing) => code(
                &mut e,
                "type",
                &raw.type_,
                OntheffingSoort::parse,
                OntheffingSoort::CHOICES,
            )
            .map(BesluitType::Ontheffing),
            None => None,
        };
        let mut onderdelen = Vec::new();
        for o in &raw.onderdelen {
            match code(
                &mut e,
                "onderdelen",
                o,
                ExamenOnderdeel::parse,
                ExamenOnderdeel::CHOICES,
            ) {
                Some(o) if !onderdelen.contains(&o) => onderdelen.push(o),
                _ => {}
            }
        }
        onderdelen.sort();
        if raw.volledig && !onderdelen.is_empty() {
            e.push(
                "onderdelen",
                "inconsistent",
                "Een volledige vrijstelling of ontheffing noemt geen onderdelen.",
            );
        }
        if !raw.volledig && onderdelen.is_empty() && e.for_field("onderdelen").is_none() {
            e.push(
                "onderdelen",
                "required",
                "Kies de examenonderdelen waarvoor het besluit geldt, of kies ‘volledig’.",
            );
        }
        if soort == Some(DuoBesluitSoort::Vrijstelling)
            && onderdelen.contains(&ExamenOnderdeel::Knm)
        {
            e.push(
                "onderdelen",
                "inconsistent",
                "Een gedeeltelijke vrijstelling geldt alleen voor taalonderdelen (LE, LU, SC, SP).",
            );
        }
        let besluitdatum = datum(&mut e, "besluitdatum", &raw.besluitdatum, today, true);
        match (soort, type_, besluitdatum) {
            (Some(soort), Some(type_), Some(besluitdatum)) if e.is_empty() => Ok(DuoBesluit {
                soort,
                type_,
                volledig: raw.volledig,
                onderdelen,
                besluitdatum,
            }),
            _ => Err(e),
        }
    }

    /// The fact the completion rules read.
    pub fn feit(&self) -> DuoBesluitFeit {
        DuoBesluitFeit {
            soort: self.soort,
            volledig: self.volledig,
            onderdelen: self.onderdelen.clone(),
            participatie_max_uren: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_follows_the_soort() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let mut raw = RawDuoBesluit {
            soort: "ontheffing".into(),
            type_: "MED".into(),
            volledig: true,
            onderdelen: vec![],
            besluitdatum: "2026-05-01".into(),
        };
        assert!(DuoBesluit::parse(&raw, today).is_ok());
        raw.soort = "vrijstelling".into();
        let e = DuoBesluit::parse(&raw, today).expect_err("MED is no vrijstelling");
        assert_eq!(e.for_field("type").map(|f| f.code), Some("unknown_value"));
        raw.type_ = "GED".into();
        raw.volledig = false;
        raw.onderdelen = vec!["LE".into(), "SP".into()];
        let b = DuoBesluit::parse(&raw, today).expect("partial");
        assert_eq!(b.onderdelen, vec![ExamenOnderdeel::Le, ExamenOnderdeel::Sp]);
    }
}
