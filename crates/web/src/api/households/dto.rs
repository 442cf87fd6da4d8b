use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::model::Household;
use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::validation::ValidationErrors;

use crate::api::persons::dto::Link;
use wegwijs_app::error::AppError;

/// Een huishouden met zijn leden.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Huishouden {
    pub id: Uuid,
    pub versie: i64,
    pub omschrijving: String,
    pub leden: Vec<Huishoudlid>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Huishoudlid {
    pub persoon_id: Uuid,
    pub naam: String,
    pub geboortedatum: Option<NaiveDate>,
    /// referentiepersoon, partner, kind, overig
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

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HuishoudenInvoer {
    pub omschrijving: String,
    pub leden: Vec<HuishoudlidInvoer>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HuishoudlidInvoer {
    pub persoon_id: Uuid,
    /// referentiepersoon, partner, kind, overig
    pub relatie: String,
    #[serde(default)]
    pub nareiziger: bool,
}

impl HuishoudenInvoer {
    pub fn leden(&self) -> Result<Vec<LidInput>, AppError> {
        let mut errors = ValidationErrors::new();
        let mut out = Vec::new();
        for l in &self.leden {
            match Relatie::parse(&l.relatie) {
                Some(relatie) => out.push(LidInput {
                    persoon_id: PersonId(l.persoon_id),
                    relatie,
                    nareiziger: l.nareiziger,
                }),
                None => errors.push(
                    "leden",
                    "unknown_value",
                    format!(
                        "Onbekende relatie '{}': kies referentiepersoon, partner, kind of overig.",
                        l.relatie
                    ),
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
    pub versie: i64,
    pub omschrijving: String,
    pub aantal_leden: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HuishoudenLijst {
    pub huishoudens: Vec<HuishoudenSamenvatting>,
    pub pagina: i64,
    pub pagina_grootte: i64,
    pub totaal: i64,
}
