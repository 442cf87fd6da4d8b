use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::model::Household;
use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::validation::ValidationErrors;

use crate::api::envelope::{Collection, ListEnvelope};
use crate::api::persons::dto::{Link, SelfLink};
use crate::api::schemas;
use wegwijs_app::error::AppError;

/// Een huishouden met zijn leden.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Huishouden {
    pub id: Uuid,
    #[schema(minimum = 1)]
    pub versie: i64,
    pub omschrijving: String,
    pub leden: Vec<Huishoudlid>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Huishoudlid {
    pub persoon_id: Uuid,
    pub naam: String,
    pub geboortedatum: Option<NaiveDate>,
    #[schema(schema_with = relatie_schema)]
    pub relatie: String,
    /// Gekomen via gezinshereniging (nareis).
    pub nareiziger: bool,
    #[serde(rename = "_links")]
    pub links: LidLinks,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LidLinks {
    pub persoon: Link,
}

impl From<&Household> for Huishouden {
    fn from(h: &Household) -> Self {
        Huishouden {
            id: h.id.0,
            versie: h.versie,
            omschrijving: h.omschrijving.clone(),
            links: SelfLink {
                self_: Link::to(format!("/api/v1/huishoudens/{}", h.id.0)),
            },
            leden: h
                .leden
                .iter()
                .map(|l| Huishoudlid {
                    persoon_id: l.persoon_id.0,
                    naam: l.naam(),
                    geboortedatum: l.geboortedatum,
                    relatie: l.relatie.code().to_string(),
                    nareiziger: l.nareiziger,
                    links: LidLinks {
                        persoon: Link {
                            href: format!("/api/v1/personen/{}", l.persoon_id),
                        },
                    },
                })
                .collect(),
        }
    }
}

/// Een huishouden zoals u het vastlegt of vervangt. Regels die het schema niet kan uitdrukken: elk lid is
/// een persoon van uw gemeente (anders 400 op `leden`) die nog bij geen ander huishouden hoort (anders
/// 409), niemand staat er twee keer in, er is precies één referentiepersoon (geen nareiziger) en
/// hoogstens één partner, en een kind is jonger dan de referentiepersoon en de partner (een meerderjarig
/// kind minstens 12 jaar), waar de geboortedata bekend zijn (anders 400 op `leden`).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HuishoudenInvoer {
    /// Bijvoorbeeld "Gezin Haddad": 1 tot 200 tekens op één regel.
    #[schema(schema_with = omschrijving_schema)]
    pub omschrijving: String,
    #[schema(min_items = 1, max_items = 50)] // MAX_LEDEN
    pub leden: Vec<HuishoudlidInvoer>,
}

fn omschrijving_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::text(
        200,
        true,
        false,
        Some("Bijvoorbeeld \"Gezin Haddad\": 1 tot 200 tekens op één regel."),
    )
    .into()
}

fn relatie_schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    schemas::codes(
        Relatie::CODES,
        false,
        Some("De plaats van het lid in het huishouden."),
    )
    .into()
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HuishoudlidInvoer {
    pub persoon_id: Uuid,
    #[schema(schema_with = relatie_schema)]
    pub relatie: String,
    #[serde(default)]
    pub nareiziger: bool,
}

/// The most members one huishouden may have (the document's `maxItems`).
pub const MAX_LEDEN: usize = 50;

impl HuishoudenInvoer {
    /// The members as the domain takes them, after the checks the API makes on top of the domain's
    /// (the document's limits on what is sent).
    pub fn leden(&self) -> Result<Vec<LidInput>, AppError> {
        let mut errors = ValidationErrors::new();
        // The document's maxLength counts what is sent; the domain counts after trimming.
        if self.omschrijving.chars().count() > 200 {
            errors.push(
                "omschrijving",
                "too_long",
                "Gebruik hoogstens 200 tekens, spaties meegeteld.",
            );
            return Err(AppError::Invalid(errors));
        }
        // The document's maxItems: a real huishouden is far smaller, and each member costs a lookup.
        if self.leden.len() > MAX_LEDEN {
            errors.push(
                "leden",
                "out_of_range",
                format!("Een huishouden heeft hoogstens {MAX_LEDEN} leden."),
            );
            return Err(AppError::Invalid(errors));
        }
        let mut out = Vec::new();
        for l in &self.leden {
            match Relatie::parse(&l.relatie) {
                Some(relatie) => out.push(LidInput {
                    persoon_id: PersonId(l.persoon_id),
                    relatie,
                    nareiziger: l.nareiziger,
                }),
                // The value is not repeated: what was sent may be anything.
                None => errors.push(
                    "leden",
                    "unknown_value",
                    "Onbekende relatie: kies referentiepersoon, partner, kind of overig.",
                ),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(AppError::Invalid(errors))
        }
    }
}

/// Een huishouden in een lijst.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HuishoudenSamenvatting {
    pub id: Uuid,
    #[schema(minimum = 1)]
    pub versie: i64,
    pub omschrijving: String,
    #[schema(minimum = 1)]
    pub aantal_leden: i64,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

impl Collection for HuishoudenSamenvatting {
    const ITEMS: &'static str = "huishoudens";
    const LIST_SCHEMA: &'static str = "HuishoudenLijst";
    const LIST_DESCRIPTION: &'static str = "Een pagina huishoudens van uw gemeente.";
}

/// Een pagina huishoudens.
pub type HuishoudenLijst = ListEnvelope<HuishoudenSamenvatting>;
