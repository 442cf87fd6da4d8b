//! Mapping between the `personen` row and the domain's [`PersonDetails`].

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::{
    Alfabetisering, Bsn, Doelgroep, Geslacht, Opleidingsniveau, PersonDetails, Postcode, Regime,
    VNummer, Werkervaring,
};

use super::PersonRecord;
use crate::StorageError;

/// The SELECT list shared by every query that returns a whole person.
macro_rules! row_select {
    () => {
        "SELECT p.id, p.gemeente_id, p.regisseur_id, r.naam AS regisseur_naam, p.versie, p.bsn, p.v_nummer, \
         p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.geboortedatum, p.geslacht, p.geboorteland, \
         p.nationaliteit, p.talen, p.tolk_nodig, p.tolk_taal, p.alfabetisering, p.opleidingsniveau, \
         p.werkervaring, p.doelgroep, p.regime, p.uitkering_pw, p.uitkering_pw_startdatum, p.datum_koppeling, \
         p.datum_brp_inschrijving, p.datum_kennisgeving_duo, p.datum_huisvesting, p.straat, p.huisnummer, \
         p.postcode, p.woonplaats, p.telefoon, p.email, p.aangemaakt_op, p.gewijzigd_op, w.naam AS gewijzigd_door_naam, h.huishouden_id \
         FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id LEFT JOIN gebruikers w ON w.id = p.gewijzigd_door \
         LEFT JOIN huishouden_leden h ON h.persoon_id = p.id"
    };
}
pub(crate) use row_select;

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    id: Uuid,
    gemeente_id: Uuid,
    regisseur_id: Option<Uuid>,
    regisseur_naam: Option<String>,
    versie: i64,
    bsn: Option<String>,
    v_nummer: Option<String>,
    voornamen: String,
    tussenvoegsel: Option<String>,
    geslachtsnaam: String,
    geboortedatum: Option<NaiveDate>,
    geslacht: Option<String>,
    geboorteland: Option<String>,
    nationaliteit: Option<String>,
    talen: Option<String>,
    tolk_nodig: Option<bool>,
    tolk_taal: Option<String>,
    alfabetisering: Option<String>,
    opleidingsniveau: Option<String>,
    werkervaring: Option<String>,
    doelgroep: Option<String>,
    regime: Option<String>,
    uitkering_pw: Option<bool>,
    uitkering_pw_startdatum: Option<NaiveDate>,
    datum_koppeling: Option<NaiveDate>,
    datum_brp_inschrijving: Option<NaiveDate>,
    datum_kennisgeving_duo: Option<NaiveDate>,
    datum_huisvesting: Option<NaiveDate>,
    straat: Option<String>,
    huisnummer: Option<String>,
    postcode: Option<String>,
    woonplaats: Option<String>,
    telefoon: Option<String>,
    email: Option<String>,
    aangemaakt_op: DateTime<Utc>,
    gewijzigd_op: DateTime<Utc>,
    gewijzigd_door_naam: Option<String>,
    huishouden_id: Option<Uuid>,
}

/// Parses a stored code; a value that no longer parses is corruption, not "unknown".
fn code<T>(
    v: Option<String>,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, StorageError> {
    match v {
        None => Ok(None),
        Some(s) => parse(&s)
            .map(Some)
            .ok_or_else(|| StorageError::Corrupt(format!("{what}: {s}"))),
    }
}

impl TryFrom<PersonRow> for PersonRecord {
    type Error = StorageError;
    fn try_from(r: PersonRow) -> Result<Self, StorageError> {
        let details = PersonDetails {
            bsn: code(r.bsn, "bsn", |s| Bsn::parse(s).ok())?,
            v_nummer: code(r.v_nummer, "v_nummer", |s| VNummer::parse(s).ok())?,
            voornamen: r.voornamen,
            tussenvoegsel: r.tussenvoegsel,
            geslachtsnaam: r.geslachtsnaam,
            geboortedatum: r.geboortedatum,
            geslacht: code(r.geslacht, "geslacht", Geslacht::parse)?,
            geboorteland: r.geboorteland,
            nationaliteit: r.nationaliteit,
            talen: r.talen,
            tolk_nodig: r.tolk_nodig,
            tolk_taal: r.tolk_taal,
            alfabetisering: code(r.alfabetisering, "alfabetisering", Alfabetisering::parse)?,
            opleidingsniveau: code(
                r.opleidingsniveau,
                "opleidingsniveau",
                Opleidingsniveau::parse,
            )?,
            werkervaring: code(r.werkervaring, "werkervaring", Werkervaring::parse)?,
            doelgroep: code(r.doelgroep, "doelgroep", Doelgroep::parse)?,
            regime: code(r.regime, "regime", Regime::parse)?,
            uitkering_pw: r.uitkering_pw,
            uitkering_pw_startdatum: r.uitkering_pw_startdatum,
            datum_koppeling: r.datum_koppeling,
            datum_brp_inschrijving: r.datum_brp_inschrijving,
            datum_kennisgeving_duo: r.datum_kennisgeving_duo,
            datum_huisvesting: r.datum_huisvesting,
            straat: r.straat,
            huisnummer: r.huisnummer,
            postcode: code(r.postcode, "postcode", |s| Postcode::parse(s).ok())?,
            woonplaats: r.woonplaats,
            telefoon: r.telefoon,
            email: r.email,
        };
        Ok(PersonRecord {
            id: PersonId(r.id),
            gemeente_id: OrganisatieId(r.gemeente_id),
            regisseur_id: r.regisseur_id.map(GebruikerId),
            regisseur_naam: r.regisseur_naam,
            versie: r.versie,
            details,
            aangemaakt_op: r.aangemaakt_op,
            gewijzigd_op: r.gewijzigd_op,
            gewijzigd_door_naam: r.gewijzigd_door_naam,
            huishouden_id: r.huishouden_id.map(HuishoudenId),
        })
    }
}

/// Binds the detail columns in the order of `detail_columns!()`.
macro_rules! bind_details {
    ($q:expr, $d:expr) => {
        $crate::persons::row::bind_details!($q, $d, bind)
    };
    ($q:expr, $d:expr, $bind:ident) => {{
        let d = $d;
        $q.$bind(d.bsn.as_ref().map(|b| b.as_str().to_string()))
            .$bind(d.v_nummer.as_ref().map(|v| v.as_str().to_string()))
            .$bind(d.voornamen.clone())
            .$bind(d.tussenvoegsel.clone())
            .$bind(d.geslachtsnaam.clone())
            .$bind($crate::persons::search_key(&d.geslachtsnaam))
            .$bind($crate::persons::search_key(&d.voornamen))
            .$bind(d.geboortedatum)
            .$bind(d.geslacht.map(|v| v.code()))
            .$bind(d.geboorteland.clone())
            .$bind(d.nationaliteit.clone())
            .$bind(d.talen.clone())
            .$bind(d.tolk_nodig)
            .$bind(d.tolk_taal.clone())
            .$bind(d.alfabetisering.map(|v| v.code()))
            .$bind(d.opleidingsniveau.map(|v| v.code()))
            .$bind(d.werkervaring.map(|v| v.code()))
            .$bind(d.doelgroep.map(|v| v.code()))
            .$bind(d.regime.map(|v| v.code()))
            .$bind(d.uitkering_pw)
            .$bind(d.uitkering_pw_startdatum)
            .$bind(d.datum_koppeling)
            .$bind(d.datum_brp_inschrijving)
            .$bind(d.datum_kennisgeving_duo)
            .$bind(d.datum_huisvesting)
            .$bind(d.straat.clone())
            .$bind(d.huisnummer.clone())
            .$bind(d.postcode.as_ref().map(|p| p.as_str().to_string()))
            .$bind(d.woonplaats.clone())
            .$bind(d.telefoon.clone())
            .$bind(d.email.clone())
    }};
}

/// Columns bound by `bind_details!`, in order (31 values).
macro_rules! detail_columns {
    () => {
        "bsn, v_nummer, voornamen, tussenvoegsel, geslachtsnaam, zoek_achternaam, \
    zoek_voornamen, geboortedatum, geslacht, geboorteland, nationaliteit, talen, tolk_nodig, tolk_taal, \
    alfabetisering, opleidingsniveau, werkervaring, doelgroep, regime, uitkering_pw, uitkering_pw_startdatum, \
    datum_koppeling, datum_brp_inschrijving, datum_kennisgeving_duo, datum_huisvesting, straat, huisnummer, \
    postcode, woonplaats, telefoon, email"
    };
}
pub(crate) use {bind_details, detail_columns};
