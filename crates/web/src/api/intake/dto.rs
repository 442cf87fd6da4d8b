//! The JSON shapes of the brede intake.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::{RefOr, Schema};
use uuid::Uuid;
use wegwijs_app::intake::{IntakeView, SectieOverzicht};
use wegwijs_app::model::{GesprekRow, SectieVersie};
use wegwijs_domain::trajectory::codes::{GesprekPlaats, TolkSoort};
use wegwijs_domain::trajectory::intake::gesprek::{MAX_NOTITIES, RawGesprek};

use crate::api::schemas;

use crate::api::envelope::Link;

/// De brede intake van een persoon. Onderdelen met bijzondere persoonsgegevens (gezondheid) staan er
/// alleen in voor wie daar een noodzaak voor heeft; anders staat alleen hun sleutel in `afgeschermd`.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BredeIntake {
    pub persoon_id: Uuid,
    /// Leeg zolang er nog niets is vastgelegd.
    pub gestart_op: Option<NaiveDate>,
    pub afgerond_op: Option<NaiveDate>,
    pub afgerond_door: Option<String>,
    /// Besluit inburgering 2021 art. 5.3 lid 2: informatie van derden gevraagd / ontvangen.
    pub derde_info_gevraagd_op: Option<NaiveDate>,
    pub derde_info_ontvangen_op: Option<NaiveDate>,
    /// Versie van de intake (0: nog niet begonnen); nodig voor de afronding.
    pub versie: i64,
    #[schema(example = "nederweert")]
    pub leefdomeinen_set: String,
    pub gesprekken: Vec<IntakeGesprek>,
    pub secties: Vec<IntakeSectie>,
    /// Sleutels van afgeschermde onderdelen (bijzondere persoonsgegevens zonder noodzaak).
    pub afgeschermd: Vec<String>,
    /// Verplichte onderdelen (Wet inburgering 2021 art. 14 lid 3) die nog niet compleet zijn.
    pub ontbrekend: Vec<String>,
    #[serde(rename = "_links")]
    pub links: IntakeLinks,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IntakeLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    pub persoon: Link,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntakeGesprek {
    pub id: Uuid,
    pub datum: NaiveDate,
    #[schema(example = "gemeentehuis")]
    pub plaats: String,
    pub deelnemers: String,
    pub tolk_taal: Option<String>,
    #[schema(example = "telefonisch")]
    pub tolk_soort: Option<String>,
    pub notities: String,
    /// Gewezen op het recht om de gesprekken zonder anderen te voeren (Besluit 5.2 lid 2).
    pub recht_zonder_partner_gewezen: bool,
    pub vastgelegd_door: Option<String>,
    pub vastgelegd_op: DateTime<Utc>,
}

/// Eén onderdeel van de intake met de huidige versie.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntakeSectie {
    #[schema(example = "leerbaarheidstoets")]
    pub sectie: String,
    pub naam: String,
    /// niet_gestart, deels of compleet.
    pub status: String,
    /// 0 als het onderdeel nog nooit is opgeslagen; stuur deze mee bij het wijzigen.
    pub versie: i64,
    pub verplicht: bool,
    pub bijzonder: bool,
    /// De antwoorden; per vraag `{"stand": "niet_gevraagd" | "geen_probleem" | "antwoord", "waarde": ...}`.
    #[schema(value_type = Option<Object>)]
    pub inhoud: Option<serde_json::Value>,
    pub gewijzigd_door: Option<String>,
    pub gewijzigd_op: Option<DateTime<Utc>>,
}

/// Een gesprek vastleggen. Een tolk: `tolkTaal` en `tolkSoort` samen, of geen van beide (null).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IntakeGesprekInvoer {
    /// Niet in de toekomst, niet voor 1900.
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = crate::api::progress::dto::date_req)]
    pub datum: String,
    #[schema(schema_with = plaats)]
    pub plaats: String,
    #[serde(
        default,
        deserialize_with = "crate::api::values::max_chars_opt::<_, 500>"
    )]
    #[schema(schema_with = deelnemers)]
    pub deelnemers: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::api::values::max_chars_opt::<_, 100>"
    )]
    #[schema(schema_with = tolk_taal)]
    pub tolk_taal: Option<String>,
    #[serde(default)]
    #[schema(schema_with = tolk_soort)]
    pub tolk_soort: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::api::values::max_chars_opt::<_, 8000>"
    )]
    #[schema(schema_with = notities)]
    pub notities: Option<String>,
    #[serde(default)]
    pub recht_zonder_partner_gewezen: bool,
}

fn plaats() -> RefOr<Schema> {
    schemas::codes(GesprekPlaats::CODES, false, Some("Waar het gesprek was.")).into()
}
fn deelnemers() -> RefOr<Schema> {
    schemas::text(500, false, true, Some("Wie er bij waren.")).into()
}
fn tolk_taal() -> RefOr<Schema> {
    schemas::text(
        100,
        false,
        true,
        Some("De taal van de tolk; samen met `tolkSoort`."),
    )
    .into()
}
fn tolk_soort() -> RefOr<Schema> {
    schemas::codes(
        TolkSoort::CODES,
        true,
        Some("Hoe de tolk deelnam; samen met `tolkTaal`."),
    )
    .into()
}
fn notities() -> RefOr<Schema> {
    schemas::multi_line(MAX_NOTITIES, false, true, None).into()
}

impl IntakeGesprekInvoer {
    pub fn raw(self) -> RawGesprek {
        RawGesprek {
            datum: self.datum,
            plaats: self.plaats,
            deelnemers: self.deelnemers.unwrap_or_default(),
            tolk_taal: self.tolk_taal.unwrap_or_default(),
            // The form's empty choice is "geen tolk"; in the API that is null.
            tolk_soort: crate::api::values::code_for_domain(self.tolk_soort.as_deref()),
            notities: self.notities.unwrap_or_default(),
            recht_zonder_partner_gewezen: self.recht_zonder_partner_gewezen,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GesprekAangemaakt {
    pub id: Uuid,
}

/// Een nieuwe versie van een onderdeel.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SectieInvoer {
    /// De versie die u wijzigt (0 voor een onderdeel dat nog nooit is opgeslagen); anders 409.
    pub versie: i64,
    #[schema(value_type = Object)]
    pub inhoud: serde_json::Value,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectieOpgeslagen {
    pub sectie: String,
    pub versie: i64,
    pub status: String,
}

/// Alle versies van een onderdeel, nieuwste eerst.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SectieVersies {
    pub sectie: String,
    pub naam: String,
    pub versies: Vec<IntakeSectie>,
}

/// De intake afronden.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IntakeAfrondingInvoer {
    /// De versie van de intake (uit `GET .../brede-intake`).
    pub versie: i64,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntakeAfronding {
    pub afgerond_op: NaiveDate,
    pub versie: i64,
}

pub fn versie_dto(
    sectie: &wegwijs_domain::trajectory::intake::Sectie,
    v: Option<&SectieVersie>,
) -> IntakeSectie {
    IntakeSectie {
        sectie: sectie.key(),
        naam: sectie.naam(),
        status: v.map_or("niet_gestart".into(), |v| v.status.clone()),
        versie: v.map_or(0, |v| v.versie),
        verplicht: sectie.is_verplicht(),
        bijzonder: sectie.is_bijzonder(),
        inhoud: v
            .and_then(|v| v.inhoud.as_deref())
            .and_then(|s| serde_json::from_str(s).ok()),
        gewijzigd_door: v.and_then(|v| v.gewijzigd_door_naam.clone()),
        gewijzigd_op: v.map(|v| v.gewijzigd_op),
    }
}

fn gesprek(g: &GesprekRow) -> IntakeGesprek {
    IntakeGesprek {
        id: g.id,
        datum: g.datum,
        plaats: g.plaats.clone(),
        deelnemers: g.deelnemers.clone(),
        tolk_taal: g.tolk_taal.clone(),
        tolk_soort: g.tolk_soort.clone(),
        notities: g.notities.clone(),
        recht_zonder_partner_gewezen: g.recht_zonder_partner_gewezen,
        vastgelegd_door: g.aangemaakt_door_naam.clone(),
        vastgelegd_op: g.aangemaakt_op,
    }
}

impl From<&IntakeView> for BredeIntake {
    fn from(v: &IntakeView) -> Self {
        let id = v.person.id.0;
        let zichtbaar = |s: &&SectieOverzicht| !s.sectie.is_bijzonder() || v.bijzonder_zichtbaar;
        BredeIntake {
            persoon_id: id,
            gestart_op: v.intake.as_ref().map(|i| i.gestart_op),
            afgerond_op: v.intake.as_ref().and_then(|i| i.afgerond_op),
            afgerond_door: v.intake.as_ref().and_then(|i| i.afgerond_door_naam.clone()),
            derde_info_gevraagd_op: v.intake.as_ref().and_then(|i| i.derde_info_gevraagd_op),
            derde_info_ontvangen_op: v.intake.as_ref().and_then(|i| i.derde_info_ontvangen_op),
            versie: v.intake.as_ref().map_or(0, |i| i.versie),
            leefdomeinen_set: v.set.code().into(),
            gesprekken: v.gesprekken.iter().map(gesprek).collect(),
            secties: v
                .secties
                .iter()
                .filter(zichtbaar)
                .map(|s| versie_dto(&s.sectie, s.huidig.as_ref()))
                .collect(),
            afgeschermd: v
                .secties
                .iter()
                .filter(|s| !zichtbaar(s))
                .map(|s| s.sectie.key())
                .collect(),
            ontbrekend: v.ontbrekend.iter().map(|s| s.key()).collect(),
            links: IntakeLinks {
                self_: Link::to(format!("/api/v1/personen/{id}/brede-intake")),
                persoon: Link::to(format!("/api/v1/personen/{id}")),
            },
        }
    }
}
