//! The typed, validated person record, and the parser that turns a [`RawPerson`] into one.
//!
//! Only the names are required: the rest is often still "onbekend" when a person is registered, and
//! the record says so honestly (see [`PersonDetails::completeness`]) instead of forcing guesses.

use std::fmt;

use chrono::NaiveDate;

use super::contact::{email_problem, telefoon_problem};
use super::field_parser::FieldParser;
use super::{
    Alfabetisering, Bsn, Doelgroep, Geslacht, Opleidingsniveau, Postcode, Regime, VNummer,
    Werkervaring,
};
use crate::code_enum::Coded;
use crate::validation::ValidationErrors;

pub use super::completeness::{Completeness, FIELD_LABELS};
pub use super::raw::RawPerson;

#[derive(Clone, PartialEq, Eq)]
pub struct PersonDetails {
    pub bsn: Option<Bsn>,
    pub v_nummer: Option<VNummer>,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub geboortedatum: Option<NaiveDate>,
    pub geslacht: Option<Geslacht>,
    pub geboorteland: Option<String>,
    pub nationaliteit: Option<String>,
    pub talen: Option<String>,
    pub tolk_nodig: Option<bool>,
    pub tolk_taal: Option<String>,
    pub alfabetisering: Option<Alfabetisering>,
    pub opleidingsniveau: Option<Opleidingsniveau>,
    pub werkervaring: Option<Werkervaring>,
    pub doelgroep: Option<Doelgroep>,
    pub regime: Option<Regime>,
    pub uitkering_pw: Option<bool>,
    pub uitkering_pw_startdatum: Option<NaiveDate>,
    pub datum_koppeling: Option<NaiveDate>,
    pub datum_brp_inschrijving: Option<NaiveDate>,
    pub datum_kennisgeving_duo: Option<NaiveDate>,
    pub datum_huisvesting: Option<NaiveDate>,
    pub straat: Option<String>,
    pub huisnummer: Option<String>,
    pub postcode: Option<Postcode>,
    pub woonplaats: Option<String>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
}

impl PersonDetails {
    /// Validates every field and collects all errors; `today` bounds the date fields.
    pub fn parse(raw: &RawPerson, today: NaiveDate) -> Result<PersonDetails, ValidationErrors> {
        let mut p = FieldParser::new(today);
        let details = PersonDetails {
            bsn: p.parsed("bsn", &raw.bsn, Bsn::parse),
            v_nummer: p.parsed("vNummer", &raw.v_nummer, VNummer::parse),
            voornamen: p.required_text("voornamen", &raw.voornamen, 200),
            tussenvoegsel: p.text("tussenvoegsel", &raw.tussenvoegsel, 20),
            geslachtsnaam: p.required_text("geslachtsnaam", &raw.geslachtsnaam, 200),
            geboortedatum: p.birth_date("geboortedatum", &raw.geboortedatum),
            geslacht: p.code("geslacht", &raw.geslacht),
            geboorteland: p.text("geboorteland", &raw.geboorteland, 100),
            nationaliteit: p.text("nationaliteit", &raw.nationaliteit, 100),
            talen: p.text("talen", &raw.talen, 200),
            tolk_nodig: p.flag("tolkNodig", &raw.tolk_nodig),
            tolk_taal: p.text("tolkTaal", &raw.tolk_taal, 100),
            alfabetisering: p.code("alfabetisering", &raw.alfabetisering),
            opleidingsniveau: p.code("opleidingsniveau", &raw.opleidingsniveau),
            werkervaring: p.code("werkervaring", &raw.werkervaring),
            doelgroep: p.code("doelgroep", &raw.doelgroep),
            regime: p.code("regime", &raw.regime),
            uitkering_pw: p.flag("uitkeringPw", &raw.uitkering_pw),
            uitkering_pw_startdatum: p
                .key_date("uitkeringPwStartdatum", &raw.uitkering_pw_startdatum),
            datum_koppeling: p.key_date("datumKoppeling", &raw.datum_koppeling),
            datum_brp_inschrijving: p.key_date("datumBrpInschrijving", &raw.datum_brp_inschrijving),
            datum_kennisgeving_duo: p.key_date("datumKennisgevingDuo", &raw.datum_kennisgeving_duo),
            datum_huisvesting: p.key_date("datumHuisvesting", &raw.datum_huisvesting),
            straat: p.text("straat", &raw.straat, 100),
            huisnummer: p.text("huisnummer", &raw.huisnummer, 100),
            postcode: p.parsed("postcode", &raw.postcode, Postcode::parse),
            woonplaats: p.text("woonplaats", &raw.woonplaats, 100),
            telefoon: p.checked("telefoon", &raw.telefoon, telefoon_problem),
            email: p.checked("email", &raw.email, email_problem),
        };
        check_consistency(&mut p, &details);
        p.finish(details)
    }

    /// The raw form of this record, to pre-fill an edit form: dates as jjjj-mm-dd, yes/no as
    /// "ja"/"nee", code lists as their codes. Parsing the result gives this record back.
    pub fn to_raw(&self) -> RawPerson {
        let text = |v: &Option<String>| v.clone();
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let flag = |b: Option<bool>| b.map(|b| if b { "ja" } else { "nee" }.to_owned());
        fn code<T: Coded>(c: Option<T>) -> Option<String> {
            c.map(|c| c.to_code().to_owned())
        }
        RawPerson {
            bsn: self.bsn.as_ref().map(|b| b.as_str().to_owned()),
            v_nummer: self.v_nummer.as_ref().map(|v| v.as_str().to_owned()),
            voornamen: Some(self.voornamen.clone()),
            tussenvoegsel: text(&self.tussenvoegsel),
            geslachtsnaam: Some(self.geslachtsnaam.clone()),
            geboortedatum: date(self.geboortedatum),
            geslacht: code(self.geslacht),
            geboorteland: text(&self.geboorteland),
            nationaliteit: text(&self.nationaliteit),
            talen: text(&self.talen),
            tolk_nodig: flag(self.tolk_nodig),
            tolk_taal: text(&self.tolk_taal),
            alfabetisering: code(self.alfabetisering),
            opleidingsniveau: code(self.opleidingsniveau),
            werkervaring: code(self.werkervaring),
            doelgroep: code(self.doelgroep),
            regime: code(self.regime),
            uitkering_pw: flag(self.uitkering_pw),
            uitkering_pw_startdatum: date(self.uitkering_pw_startdatum),
            datum_koppeling: date(self.datum_koppeling),
            datum_brp_inschrijving: date(self.datum_brp_inschrijving),
            datum_kennisgeving_duo: date(self.datum_kennisgeving_duo),
            datum_huisvesting: date(self.datum_huisvesting),
            straat: text(&self.straat),
            huisnummer: text(&self.huisnummer),
            postcode: self.postcode.as_ref().map(|p| p.as_str().to_owned()),
            woonplaats: text(&self.woonplaats),
            telefoon: text(&self.telefoon),
            email: text(&self.email),
        }
    }

    /// "Voornamen [tussenvoegsel] Geslachtsnaam", as on letters and in lists.
    pub fn display_name(&self) -> String {
        [
            Some(self.voornamen.as_str()),
            self.tussenvoegsel.as_deref(),
            Some(self.geslachtsnaam.as_str()),
        ]
        .into_iter()
        .flatten()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
    }
}

/// Rules between fields. A rule is skipped when one of its fields already has an error, so one
/// mistake gives one message.
fn check_consistency(p: &mut FieldParser, d: &PersonDetails) {
    if !p.has_error("tolkNodig") && !p.has_error("tolkTaal") {
        match (d.tolk_nodig, &d.tolk_taal) {
            (Some(true), None) => p.push(
                "tolkTaal",
                "inconsistent",
                "Vul de taal van de tolk in: er is een tolk nodig.",
            ),
            (Some(false), Some(_)) => p.push(
                "tolkTaal",
                "inconsistent",
                "Laat de taal van de tolk leeg als er geen tolk nodig is.",
            ),
            _ => {}
        }
    }
    let pw_known = !p.has_error("uitkeringPw") && !p.has_error("uitkeringPwStartdatum");
    if pw_known && d.uitkering_pw_startdatum.is_some() && d.uitkering_pw != Some(true) {
        p.push(
            "uitkeringPwStartdatum",
            "inconsistent",
            "Vul alleen een startdatum in als de persoon een bijstandsuitkering (Participatiewet) heeft.",
        );
    }
}

/// Shows which facts are known, never the facts: the whole record is personal data.
impl fmt::Debug for PersonDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PersonDetails")
            .field("bekend", &self.to_raw().filled_fields())
            .finish_non_exhaustive()
    }
}
