//! The offer catalogue (sociale kaart) of a gemeente: products of partners, each with the budget it is
//! paid from and the unit it is counted in. The funding category matters for the SPUK
//! verantwoording: only leerroute, maatschappelijke begeleiding, PVT, MAP and tolken are SPUK-funded.

use crate::trajectory::progress::{code, tekst};
use crate::validation::ValidationErrors;

code_enum! {
    pub enum Financiering {
        SpukLeerroute = "spuk_leerroute", "SPUK: leerroute",
        SpukMb = "spuk_mb", "SPUK: maatschappelijke begeleiding",
        SpukPvt = "spuk_pvt", "SPUK: participatieverklaringstraject",
        SpukMap = "spuk_map", "SPUK: module arbeidsmarkt en participatie",
        SpukTolken = "spuk_tolken", "SPUK: tolken",
        Participatiewet = "participatiewet", "Participatiewet",
        GemeenteOverig = "gemeente_overig", "Gemeente, overig",
    }
}

code_enum! {
    pub enum Eenheid {
        Uren = "uren", "Uren",
        Dagdelen = "dagdelen", "Dagdelen",
        Weken = "weken", "Weken",
    }
}

pub const NAAM_MAX: usize = 120;
pub const OMSCHRIJVING_MAX: usize = 1000;

#[derive(Debug, Clone, Default)]
pub struct RawProduct {
    pub naam: String,
    pub leefdomein: String,
    pub financiering: String,
    pub eenheid: String,
    pub omschrijving: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub naam: String,
    /// A leefdomein code of the gemeente's set; checked against that set by the caller, which knows it.
    pub leefdomein: String,
    pub financiering: Financiering,
    pub eenheid: Eenheid,
    pub omschrijving: String,
}

impl Product {
    /// `domeinen`: the leefdomein codes of the gemeente's set.
    pub fn parse(raw: &RawProduct, domeinen: &[&str]) -> Result<Product, ValidationErrors> {
        let mut e = ValidationErrors::new();
        let naam = tekst(&mut e, "naam", &raw.naam, NAAM_MAX, false);
        if naam.is_empty() && e.for_field("naam").is_none() {
            e.push("naam", "required", "Vul de naam van het product in.");
        }
        let leefdomein = raw.leefdomein.trim().to_owned();
        if leefdomein.is_empty() {
            e.push("leefdomein", "required", "Kies een leefdomein.");
        } else if !domeinen.contains(&leefdomein.as_str()) {
            e.push(
                "leefdomein",
                "unknown_value",
                format!("Onbekend leefdomein. Kies uit: {}.", domeinen.join(", ")),
            );
        }
        let financiering = code(
            &mut e,
            "financiering",
            &raw.financiering,
            Financiering::parse,
            Financiering::CHOICES,
        );
        let eenheid = code(
            &mut e,
            "eenheid",
            &raw.eenheid,
            Eenheid::parse,
            Eenheid::CHOICES,
        );
        let omschrijving = tekst(
            &mut e,
            "omschrijving",
            &raw.omschrijving,
            OMSCHRIJVING_MAX,
            true,
        );
        match (financiering, eenheid) {
            (Some(financiering), Some(eenheid)) if e.is_empty() => Ok(Product {
                naam,
                leefdomein,
                financiering,
                eenheid,
                omschrijving,
            }),
            _ => Err(e),
        }
    }
}
