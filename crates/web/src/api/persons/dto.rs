//! The JSON shapes of `/api/v1/personen`: Dutch property names in lowerCamelCase, codes as in the
//! domain (and, where DUO has one, DUO's code list). `null` always means "onbekend / niet gevraagd".

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::model::{PersonRecord, PersonSummary};
use wegwijs_domain::person::{FIELDS, PersonColumns, RawPerson};
use wegwijs_domain::record::{Input, Stored};
use wegwijs_domain::validation::{ValidationErrors, is_iso_date_shape};

use crate::api::envelope::{Collection, ListEnvelope};
pub use crate::api::envelope::{Link, PaginaLinks};

#[derive(Debug, Serialize, ToSchema)]
pub struct PersoonLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    pub huishouden: Option<Link>,
    pub verwerkingen: Link,
}

/// Een inburgeraar zoals de gemeente die kent.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Persoon {
    pub id: Uuid,
    /// Versie voor optimistic locking; ook als ETag meegestuurd.
    #[schema(minimum = 1)]
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

/// Expands the domain's person field table into the API's two shapes of the record. Property names
/// are the table's API names; the output form is the record's column form (codes as codes).
macro_rules! person_dtos {
    ($(
        $field:ident : $kind:ident $( ( $($arg:tt)* ) )? {
            api $api:literal, column $column:literal, label $label:literal
            $(, form $form:literal)?, group $group:literal
            $(, hint $hint:literal)? $(, doc $doc:literal)? $(,)?
        }
    ),+ $(,)?) => {
        /// De gegevens van een persoon; `null` betekent onbekend of nog niet gevraagd. Its OpenAPI
        /// schema is built from the field table (`dto_schema.rs`).
        #[derive(Serialize)]
        pub struct PersoonGegevens {
            $(
                #[serde(rename = $api)]
                pub $field: wegwijs_domain::__record_kind!(column_ty $kind $( ( $($arg)* ) )?),
            )+
        }

        impl From<PersonColumns> for PersoonGegevens {
            fn from(c: PersonColumns) -> Self {
                PersoonGegevens { $( $field: c.$field, )+ }
            }
        }

        /// Invoer voor het aanmaken of vervangen van een persoon. Onbekende velden worden geweigerd.
        #[derive(Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct PersoonInvoer {
            $(
                #[serde(rename = $api)]
                pub $field: invoer!(ty $kind),
            )+
            /// Only when creating: the regisseur who gets the person. Outer `Some` when the property
            /// was sent at all (even as `null`), so a replacement can refuse it.
            #[serde(rename = "regisseurId", default, deserialize_with = "sent")]
            pub regisseur_id: Option<Option<Uuid>>,
        }

        impl PersoonInvoer {
            pub fn to_raw(&self) -> RawPerson {
                RawPerson { $( $field: invoer!(to_raw $kind, self.$field), )+ }
            }
        }
    };
}

/// A property that was sent, as `Some`, also when it was `null`.
fn sent<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<Uuid>>, D::Error> {
    Option::<Uuid>::deserialize(d).map(Some)
}

/// The document's schema of a replacement (`PUT /personen/{id}`): the input without `regisseurId`.
/// The body itself is read as a [`PersoonInvoer`]; the handler refuses a `regisseurId`.
pub struct PersoonWijziging;

/// The input form per kind: yes/no is a JSON boolean, everything else the text a form would send.
macro_rules! invoer {
    (ty Flag) => { Option<bool> };
    (ty $kind:ident) => { Option<String> };
    (to_raw Flag, $v:expr) => { yes_no($v) };
    (to_raw $kind:ident, $v:expr) => { $v.clone() };
}

wegwijs_domain::person_fields!(person_dtos);

fn yes_no(b: Option<bool>) -> Option<String> {
    b.map(|b| {
        if b {
            "ja".to_string()
        } else {
            "nee".to_string()
        }
    })
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
            gegevens: d.to_columns().into(),
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
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersoonSamenvatting {
    pub id: Uuid,
    #[schema(minimum = 1)]
    pub versie: i64,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub bsn: Option<String>,
    pub v_nummer: Option<String>,
    pub geboortedatum: Option<NaiveDate>,
    #[schema(schema_with = doelgroep_schema)]
    pub doelgroep: Option<String>,
    pub datum_koppeling: Option<NaiveDate>,
    pub regisseur_id: Option<Uuid>,
    pub regisseur_naam: Option<String>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

fn doelgroep_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    crate::api::schemas::codes(wegwijs_domain::person::Doelgroep::CODES, true, None).into()
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
pub type PersoonLijst = ListEnvelope<PersoonSamenvatting>;

impl Collection for PersoonSamenvatting {
    const ITEMS: &'static str = "personen";
    const LIST_SCHEMA: &'static str = "PersoonLijst";
    const LIST_DESCRIPTION: &'static str =
        "Een pagina personen. Het totaal wordt geteld tot 1.000; daarboven is totaalBegrensd true.";
}

/// Where the API is stricter than the forms, which read what people type: dates only as jjjj-mm-dd,
/// codes exactly as listed, and a field with its own format either filled or `null` (blank is how a
/// form says "onbekend"; the API says `null`). Keeps the API to its document.
pub fn api_form_errors(raw: &RawPerson) -> ValidationErrors {
    let mut errors = ValidationErrors::new();
    for (f, (_, value)) in FIELDS.iter().zip(raw.fields()) {
        let Some(v) = value else { continue };
        // The document's maxLength counts what is sent; the parser counts after trimming, so 300
        // spaces would otherwise pass as "onbekend".
        if let Some(max) = f
            .max
            .filter(|_| f.api == "email" || parsed_kind(f.api).is_none())
            && v.chars().count() > max
        {
            errors.push(
                f.api,
                "too_long",
                format!("Gebruik hoogstens {max} tekens, spaties meegeteld."),
            );
            continue;
        }
        match (f.stored, f.input) {
            (Stored::Date, _) if !is_iso_date_shape(v) => errors.push(
                f.api,
                "invalid",
                "Gebruik jjjj-mm-dd, of null als de datum onbekend is.",
            ),
            (_, Input::Choice(choices)) if !choices.iter().any(|(c, _)| *c == v) => {
                let codes: Vec<&str> = choices.iter().map(|(c, _)| *c).collect();
                errors.push(
                    f.api,
                    "unknown_value",
                    format!(
                        "Kies uit: {}; of null als het onbekend is.",
                        codes.join(", ")
                    ),
                )
            }
            (_, Input::Numeric | Input::Tel | Input::Email) if v.trim().is_empty() => {
                errors.push(f.api, "invalid", BLANK)
            }
            _ if f.api == "postcode" && v.trim().is_empty() => errors.push(f.api, "invalid", BLANK),
            _ => {}
        }
    }
    errors
}

/// Fields with their own parser and pattern (no maxLength in the document).
pub fn parsed_kind(api: &str) -> Option<&'static str> {
    ["bsn", "vNummer", "postcode", "telefoon", "email"]
        .into_iter()
        .find(|k| *k == api)
}

const BLANK: &str = "Laat dit veld weg of gebruik null als het onbekend is.";
