//! The JSON shapes of `/api/v1/personen`: Dutch property names in lowerCamelCase, codes as in the
//! domain (and, where DUO has one, DUO's code list). `null` always means "onbekend / niet gevraagd".

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::model::{PersonRecord, PersonSummary};
use wegwijs_domain::person::RawPerson;

#[derive(Debug, Serialize, ToSchema)]
pub struct Link {
    pub href: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PersoonLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    pub huishouden: Option<Link>,
    pub verwerkingen: Link,
}

/// Een inburgeraar zoals de gemeente die kent.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Persoon {
    pub id: Uuid,
    /// Versie voor optimistic locking; ook als ETag meegestuurd.
    pub versie: i64,
    pub gemeente_id: Uuid,
    pub regisseur_id: Option<Uuid>,
    pub regisseur_naam: Option<String>,
    #[serde(flatten)]
    pub gegevens: PersoonGegevens,
    pub aangemaakt_op: DateTime<Utc>,
    pub gewijzigd_op: DateTime<Utc>,
    #[serde(rename = "_links")]
    pub links: PersoonLinks,
}

/// De gegevens van een persoon; `null` betekent onbekend of nog niet gevraagd.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersoonGegevens {
    /// Burgerservicenummer (9 cijfers, elfproef).
    pub bsn: Option<String>,
    /// V-nummer van de IND (10 cijfers).
    pub v_nummer: Option<String>,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub geboortedatum: Option<NaiveDate>,
    /// man, vrouw, anders
    pub geslacht: Option<String>,
    pub geboorteland: Option<String>,
    pub nationaliteit: Option<String>,
    pub talen: Option<String>,
    pub tolk_nodig: Option<bool>,
    pub tolk_taal: Option<String>,
    /// a (analfabeet), aa (anders gealfabetiseerd), nvt
    pub alfabetisering: Option<String>,
    /// geen, basisonderwijs, voortgezet, beroeps, hoger
    pub opleidingsniveau: Option<String>,
    /// geen, kort (< 2 jaar), lang (>= 2 jaar)
    pub werkervaring: Option<String>,
    /// asielstatushouder, gezinsmigrant, overige_migrant
    pub doelgroep: Option<String>,
    /// wi2021, wi2013, niet_plichtig
    pub regime: Option<String>,
    /// Uitkering op grond van de Participatiewet.
    pub uitkering_pw: Option<bool>,
    pub uitkering_pw_startdatum: Option<NaiveDate>,
    pub datum_koppeling: Option<NaiveDate>,
    pub datum_brp_inschrijving: Option<NaiveDate>,
    pub datum_kennisgeving_duo: Option<NaiveDate>,
    pub datum_huisvesting: Option<NaiveDate>,
    pub straat: Option<String>,
    pub huisnummer: Option<String>,
    /// 1234 AB
    pub postcode: Option<String>,
    pub woonplaats: Option<String>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
}

/// Invoer voor het aanmaken of vervangen van een persoon. Onbekende velden worden geweigerd.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PersoonInvoer {
    pub bsn: Option<String>,
    pub v_nummer: Option<String>,
    pub voornamen: Option<String>,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: Option<String>,
    /// jjjj-mm-dd
    pub geboortedatum: Option<String>,
    pub geslacht: Option<String>,
    pub geboorteland: Option<String>,
    pub nationaliteit: Option<String>,
    pub talen: Option<String>,
    pub tolk_nodig: Option<bool>,
    pub tolk_taal: Option<String>,
    pub alfabetisering: Option<String>,
    pub opleidingsniveau: Option<String>,
    pub werkervaring: Option<String>,
    pub doelgroep: Option<String>,
    pub regime: Option<String>,
    pub uitkering_pw: Option<bool>,
    pub uitkering_pw_startdatum: Option<String>,
    pub datum_koppeling: Option<String>,
    pub datum_brp_inschrijving: Option<String>,
    pub datum_kennisgeving_duo: Option<String>,
    pub datum_huisvesting: Option<String>,
    pub straat: Option<String>,
    pub huisnummer: Option<String>,
    pub postcode: Option<String>,
    pub woonplaats: Option<String>,
    pub telefoon: Option<String>,
    pub email: Option<String>,
    /// Alleen bij aanmaken: de regisseur die de persoon krijgt (standaard: de aanmaker als die regisseur is).
    pub regisseur_id: Option<Uuid>,
}

fn yes_no(b: Option<bool>) -> Option<String> {
    b.map(|b| {
        if b {
            "ja".to_string()
        } else {
            "nee".to_string()
        }
    })
}

impl PersoonInvoer {
    pub fn to_raw(&self) -> RawPerson {
        RawPerson {
            bsn: self.bsn.clone(),
            v_nummer: self.v_nummer.clone(),
            voornamen: self.voornamen.clone(),
            tussenvoegsel: self.tussenvoegsel.clone(),
            geslachtsnaam: self.geslachtsnaam.clone(),
            geboortedatum: self.geboortedatum.clone(),
            geslacht: self.geslacht.clone(),
            geboorteland: self.geboorteland.clone(),
            nationaliteit: self.nationaliteit.clone(),
            talen: self.talen.clone(),
            tolk_nodig: yes_no(self.tolk_nodig),
            tolk_taal: self.tolk_taal.clone(),
            alfabetisering: self.alfabetisering.clone(),
            opleidingsniveau: self.opleidingsniveau.clone(),
            werkervaring: self.werkervaring.clone(),
            doelgroep: self.doelgroep.clone(),
            regime: self.regime.clone(),
            uitkering_pw: yes_no(self.uitkering_pw),
            uitkering_pw_startdatum: self.uitkering_pw_startdatum.clone(),
            datum_koppeling: self.datum_koppeling.clone(),
            datum_brp_inschrijving: self.datum_brp_inschrijving.clone(),
            datum_kennisgeving_duo: self.datum_kennisgeving_duo.clone(),
            datum_huisvesting: self.datum_huisvesting.clone(),
            straat: self.straat.clone(),
            huisnummer: self.huisnummer.clone(),
            postcode: self.postcode.clone(),
            woonplaats: self.woonplaats.clone(),
            telefoon: self.telefoon.clone(),
            email: self.email.clone(),
        }
    }
}

impl Persoon {
    pub fn from_record(p: &PersonRecord, huishouden: Option<Uuid>) -> Persoon {
        let d = &p.details;
        Persoon {
            id: p.id.0,
            versie: p.versie,
            gemeente_id: p.gemeente_id.0,
            regisseur_id: p.regisseur_id.map(|r| r.0),
            regisseur_naam: p.regisseur_naam.clone(),
            gegevens: PersoonGegevens {
                bsn: d.bsn.as_ref().map(|b| b.as_str().to_string()),
                v_nummer: d.v_nummer.as_ref().map(|v| v.as_str().to_string()),
                voornamen: d.voornamen.clone(),
                tussenvoegsel: d.tussenvoegsel.clone(),
                geslachtsnaam: d.geslachtsnaam.clone(),
                geboortedatum: d.geboortedatum,
                geslacht: d.geslacht.map(|v| v.code().to_string()),
                geboorteland: d.geboorteland.clone(),
                nationaliteit: d.nationaliteit.clone(),
                talen: d.talen.clone(),
                tolk_nodig: d.tolk_nodig,
                tolk_taal: d.tolk_taal.clone(),
                alfabetisering: d.alfabetisering.map(|v| v.code().to_string()),
                opleidingsniveau: d.opleidingsniveau.map(|v| v.code().to_string()),
                werkervaring: d.werkervaring.map(|v| v.code().to_string()),
                doelgroep: d.doelgroep.map(|v| v.code().to_string()),
                regime: d.regime.map(|v| v.code().to_string()),
                uitkering_pw: d.uitkering_pw,
                uitkering_pw_startdatum: d.uitkering_pw_startdatum,
                datum_koppeling: d.datum_koppeling,
                datum_brp_inschrijving: d.datum_brp_inschrijving,
                datum_kennisgeving_duo: d.datum_kennisgeving_duo,
                datum_huisvesting: d.datum_huisvesting,
                straat: d.straat.clone(),
                huisnummer: d.huisnummer.clone(),
                postcode: d.postcode.as_ref().map(|p| p.as_str().to_string()),
                woonplaats: d.woonplaats.clone(),
                telefoon: d.telefoon.clone(),
                email: d.email.clone(),
            },
            aangemaakt_op: p.aangemaakt_op,
            gewijzigd_op: p.gewijzigd_op,
            links: PersoonLinks {
                self_: Link {
                    href: format!("/api/v1/personen/{}", p.id),
                },
                huishouden: huishouden.map(|h| Link {
                    href: format!("/api/v1/huishoudens/{h}"),
                }),
                verwerkingen: Link {
                    href: format!("/api/v1/personen/{}/verwerkingen", p.id),
                },
            },
        }
    }
}

/// Een rij in een lijst van personen.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersoonSamenvatting {
    pub id: Uuid,
    pub versie: i64,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub bsn: Option<String>,
    pub v_nummer: Option<String>,
    pub geboortedatum: Option<NaiveDate>,
    pub doelgroep: Option<String>,
    pub datum_koppeling: Option<NaiveDate>,
    pub regisseur_id: Option<Uuid>,
    pub regisseur_naam: Option<String>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SelfLink {
    #[serde(rename = "self")]
    pub self_: Link,
}

impl From<&PersonSummary> for PersoonSamenvatting {
    fn from(p: &PersonSummary) -> Self {
        PersoonSamenvatting {
            id: p.id,
            versie: p.versie,
            voornamen: p.voornamen.clone(),
            tussenvoegsel: p.tussenvoegsel.clone(),
            geslachtsnaam: p.geslachtsnaam.clone(),
            bsn: p.bsn.clone(),
            v_nummer: p.v_nummer.clone(),
            geboortedatum: p.geboortedatum,
            doelgroep: p.doelgroep.clone(),
            datum_koppeling: p.datum_koppeling,
            regisseur_id: p.regisseur_id,
            regisseur_naam: p.regisseur_naam.clone(),
            links: SelfLink {
                self_: Link {
                    href: format!("/api/v1/personen/{}", p.id),
                },
            },
        }
    }
}

/// Een pagina personen.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersoonLijst {
    pub personen: Vec<PersoonSamenvatting>,
    pub pagina: u32,
    pub pagina_grootte: u32,
    /// Het aantal gevonden personen, geteld tot 1.000.
    pub totaal: i64,
    /// `true`: er zijn meer dan `totaal` (1.000) gevonden personen; er is niet verder geteld.
    pub totaal_begrensd: bool,
    #[serde(rename = "_links")]
    pub links: PaginaLinks,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PaginaLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev: Option<Link>,
}
