//! The progress resources as JSON (camelCase, NL API Design Rules). Inputs keep codes and dates as
//! strings: the domain parses them and answers per field in Dutch.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema;
use uuid::Uuid;
use wegwijs_domain::trajectory::codes::{
    DuoBesluitSoort, ExamenNiveau, ExamenOnderdeel, ExamenUitslag, OntheffingSoort,
    PipWijzigingsreden, UrenSoort, VoldaanGrond,
};
use wegwijs_domain::trajectory::deadlines::termijn::VerlengingGrond;
use wegwijs_domain::trajectory::progress::afronding::Verwijtbaar;
use wegwijs_domain::trajectory::progress::duo_besluit::VrijstellingReden;
use wegwijs_domain::trajectory::progress::hours::OMSCHRIJVING_MAX;
use wegwijs_domain::trajectory::progress::review::{
    DEELNEMERS_MAX, DoelVoortgangStatus, VERSLAG_MAX, VOORTGANG_MAX,
};
use wegwijs_domain::trajectory::progress::verlenging::TOELICHTING_MAX;

use crate::api::envelope::Link;
use crate::api::persons::dto::SelfLink;
use crate::api::schemas;

fn s(o: utoipa::openapi::schema::ObjectBuilder) -> RefOr<Schema> {
    o.into()
}
pub(crate) fn date_req() -> RefOr<Schema> {
    s(schemas::date(false, Some("Datum (jjjj-mm-dd).")))
}
pub(crate) fn date_opt() -> RefOr<Schema> {
    s(schemas::date(
        true,
        Some("Datum (jjjj-mm-dd); null: (nog) niet."),
    ))
}
fn grond() -> RefOr<Schema> {
    s(schemas::codes(
        VerlengingGrond::CODES,
        false,
        Some("Grond van de verlenging."),
    ))
}
fn reden() -> RefOr<Schema> {
    s(schemas::codes(
        PipWijzigingsreden::CODES,
        true,
        Some("Waarom het PIP een nieuwe versie nodig heeft."),
    ))
}
fn doel_status() -> RefOr<Schema> {
    s(schemas::codes(DoelVoortgangStatus::CODES, false, None))
}
fn onderdeel() -> RefOr<Schema> {
    s(schemas::codes(
        ExamenOnderdeel::CODES,
        false,
        Some("DUO-examenonderdeel."),
    ))
}
fn niveau() -> RefOr<Schema> {
    s(schemas::codes(
        ExamenNiveau::CODES,
        true,
        Some("Niveau; leeg voor KNM."),
    ))
}
fn uitslag() -> RefOr<Schema> {
    s(schemas::codes(
        ExamenUitslag::CODES,
        false,
        Some("DUO-examenresultaat."),
    ))
}
fn uren_soort() -> RefOr<Schema> {
    s(schemas::codes(UrenSoort::CODES, false, None))
}
fn besluit_soort() -> RefOr<Schema> {
    s(schemas::codes(DuoBesluitSoort::CODES, false, None))
}
fn besluit_type() -> RefOr<Schema> {
    let codes: Vec<&str> = VrijstellingReden::CODES
        .iter()
        .chain(OntheffingSoort::CODES)
        .copied()
        .collect();
    s(schemas::codes(&codes, false, None))
}
fn besluit_onderdelen() -> RefOr<Schema> {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(schemas::codes(ExamenOnderdeel::CODES, false, None))
        .max_items(Some(ExamenOnderdeel::CODES.len() * 2))
        .into()
}
fn verwijtbaar() -> RefOr<Schema> {
    s(schemas::codes(
        Verwijtbaar::CODES,
        true,
        Some(
            "DUO's indicatie verwijtbaar (regel M-8): alleen bij een datum na het einde van de termijn.",
        ),
    ))
}
fn voldaan_grond() -> RefOr<Schema> {
    s(schemas::codes(
        VoldaanGrond::CODES,
        true,
        Some("Grond; zonder waarde neemt Wegwijs de berekende grond."),
    ))
}
fn toelichting_opt() -> RefOr<Schema> {
    s(schemas::multi_line(TOELICHTING_MAX, false, true, None))
}
fn voortgang_opt() -> RefOr<Schema> {
    s(schemas::multi_line(VOORTGANG_MAX, false, true, None))
}
fn deelnemers_opt() -> RefOr<Schema> {
    s(schemas::text(DEELNEMERS_MAX, false, true, None))
}
fn verslag_opt() -> RefOr<Schema> {
    s(schemas::multi_line(VERSLAG_MAX, false, true, None))
}
fn omschrijving_opt() -> RefOr<Schema> {
    s(schemas::text(OMSCHRIJVING_MAX, false, true, None))
}

/// De inburgeringstermijn (Wet inburgering 2021 art. 11), berekend uit de dagtekening van het eerste
/// vastgestelde PIP en de verlengingen. Einddatum is exclusief, zoals bij DUO.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Termijn {
    pub startdatum: NaiveDate,
    /// Exclusief (zoals DUO's Inburgeringstermijn-API).
    pub einddatum: NaiveDate,
    pub laatste_dag: NaiveDate,
    pub oorspronkelijke_einddatum: NaiveDate,
    pub verlengd: bool,
    /// Laatste dag voor schakelen van leerroute (Besluit 5.4 lid 1).
    pub schakelen_uiterlijk: NaiveDate,
    /// Eerste dag waarop verlenging kan worden aangevraagd (Besluit 4.5 lid 1).
    pub verlenging_aanvragen_vanaf: NaiveDate,
    /// Dagen tot en met de laatste dag; negatief na afloop.
    pub dagen_over: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TermijnVerlenging {
    pub id: Uuid,
    pub grond: String,
    pub besluitdatum: NaiveDate,
    /// Exclusief, zoals DUO.
    pub nieuwe_einddatum: NaiveDate,
    pub toelichting: String,
}

/// De termijn van een persoon met de vastgelegde verlengingen.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Termijnen {
    /// Null zolang er geen vastgesteld PIP is.
    pub termijn: Option<Termijn>,
    pub verlengingen: Vec<TermijnVerlenging>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// Een verlenging zoals DUO die besloot. De nieuwe einddatum (exclusief) ligt na de huidige.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerlengingInvoer {
    #[schema(schema_with = grond)]
    pub grond: String,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub besluitdatum: String,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub nieuwe_einddatum: String,
    #[serde(default)]
    #[schema(schema_with = toelichting_opt)]
    pub toelichting: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DoelVoortgang {
    #[schema(schema_with = doel_id)]
    pub doel_id: String,
    #[serde(default)]
    #[schema(schema_with = voortgang_opt)]
    pub voortgang: Option<String>,
    #[schema(schema_with = doel_status)]
    pub status: String,
}
fn doel_id() -> RefOr<Schema> {
    s(schemas::uuid(
        false,
        Some("Id van een doel van het huidige PIP."),
    ))
}

/// Een voortgangsgesprek, gepland of gehouden.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Voortgangsgesprek {
    pub id: Uuid,
    #[schema(minimum = 1)]
    pub versie: i64,
    pub gepland_op: NaiveDate,
    pub gehouden_op: Option<NaiveDate>,
    pub deelnemers: String,
    pub verslag: String,
    pub besluiten: String,
    pub doelvoortgang: Vec<DoelVoortgang>,
    pub pip_aanpassen: bool,
    pub pip_aanpassen_reden: Option<String>,
    #[serde(rename = "_links")]
    pub links: GesprekLinks,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GesprekLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    /// Bij "PIP aanpassen": de pagina voor een nieuwe PIP-versie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pip_nieuw: Option<Link>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Voortgangsgesprekken {
    pub voortgangsgesprekken: Vec<Voortgangsgesprek>,
    /// Wanneer het volgende gesprek nodig is (instelling voortgang_interval_maanden).
    pub volgend_gesprek_uiterlijk: Option<NaiveDate>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// Een voortgangsgesprek zoals u het plant of vastlegt. Verslag, doelvoortgang, besluiten en
/// "PIP aanpassen" horen bij een gehouden gesprek (gehoudenOp niet in de toekomst).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GesprekInvoer {
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub gepland_op: String,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub gehouden_op: Option<String>,
    #[serde(default)]
    #[schema(schema_with = deelnemers_opt)]
    pub deelnemers: Option<String>,
    #[serde(default)]
    #[schema(schema_with = verslag_opt)]
    pub verslag: Option<String>,
    #[serde(default)]
    #[schema(schema_with = verslag_opt)]
    pub besluiten: Option<String>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub doelvoortgang: Vec<DoelVoortgang>,
    #[serde(default)]
    pub pip_aanpassen: bool,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = reden)]
    pub pip_aanpassen_reden: Option<String>,
}

/// Wijziging van een voortgangsgesprek: het hele gesprek plus de versie die u wijzigt (409 als die
/// intussen veranderde).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GesprekWijziging {
    #[schema(minimum = 1)]
    pub versie: i64,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub gepland_op: String,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub gehouden_op: Option<String>,
    #[serde(default)]
    #[schema(schema_with = deelnemers_opt)]
    pub deelnemers: Option<String>,
    #[serde(default)]
    #[schema(schema_with = verslag_opt)]
    pub verslag: Option<String>,
    #[serde(default)]
    #[schema(schema_with = verslag_opt)]
    pub besluiten: Option<String>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub doelvoortgang: Vec<DoelVoortgang>,
    #[serde(default)]
    pub pip_aanpassen: bool,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = reden)]
    pub pip_aanpassen_reden: Option<String>,
}

/// Een examenuitslag.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExamenUitslagDto {
    pub id: Uuid,
    pub onderdeel: String,
    pub niveau: Option<String>,
    pub datum: NaiveDate,
    pub uitslag: String,
}

#[derive(Serialize, ToSchema)]
pub struct Examens {
    pub examens: Vec<ExamenUitslagDto>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// Een afgelegd examenonderdeel (datum niet in de toekomst; KNM zonder niveau).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExamenInvoer {
    #[schema(schema_with = onderdeel)]
    pub onderdeel: String,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = niveau)]
    pub niveau: Option<String>,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub datum: String,
    #[schema(schema_with = uitslag)]
    pub uitslag: String,
}

/// Een registratie van uren over een periode.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UrenRegistratie {
    pub id: Uuid,
    pub soort: String,
    pub van: NaiveDate,
    pub tot: NaiveDate,
    pub uren: u32,
    pub tijdens_intake: bool,
    pub omschrijving: String,
}

/// Uren die meetellen, per soort, naast de normen (PVT 12; MAP volgens instelling; Z-route 800 + 800
/// voor asielstatushouders, min MAP- en PVT-uren).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UrenStand {
    pub soort: String,
    pub gevolgd: u32,
    pub norm: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct UrenLijst {
    pub uren: Vec<UrenRegistratie>,
    pub stand: Vec<UrenStand>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// Uren achteraf: van <= tot, tot niet in de toekomst, 1 tot en met 5000 uur.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UrenInvoer {
    #[schema(schema_with = uren_soort)]
    pub soort: String,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub van: String,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub tot: String,
    #[schema(minimum = 1, maximum = 5000)]
    pub uren: i64,
    #[serde(default)]
    pub tijdens_intake: bool,
    #[serde(default)]
    #[schema(schema_with = omschrijving_opt)]
    pub omschrijving: Option<String>,
}

/// Een vrijstelling of ontheffing van DUO.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DuoBesluitDto {
    pub id: Uuid,
    pub soort: String,
    /// DUO-code: AVI, DIP, DOC, GED, INB, INS, OPL (vrijstelling) of MED, BIO (ontheffing).
    #[serde(rename = "type")]
    pub type_: String,
    pub volledig: bool,
    pub onderdelen: Vec<String>,
    pub besluitdatum: NaiveDate,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DuoBesluiten {
    pub duo_besluiten: Vec<DuoBesluitDto>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// Een besluit van DUO: volledig, of voor de genoemde examenonderdelen.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DuoBesluitInvoer {
    #[schema(schema_with = besluit_soort)]
    pub soort: String,
    /// Bij een vrijstelling de reden, bij een ontheffing de soort (de codes staan samen in de lijst;
    /// welke past, hangt af van `soort`).
    #[serde(rename = "type")]
    #[schema(schema_with = besluit_type)]
    pub type_: String,
    pub volledig: bool,
    /// Leeg bij een volledig besluit; anders minstens één. Een vrijstelling noemt alleen taalonderdelen.
    #[serde(default)]
    #[schema(schema_with = besluit_onderdelen)]
    pub onderdelen: Vec<String>,
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = date_req)]
    pub besluitdatum: String,
}

/// De afronding: PVT, MAP (met DUO's verwijtbaar-indicatie), Z-route, onderwijsroute en "voldaan".
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Afronding {
    /// 0 zolang er niets is vastgelegd.
    pub versie: i64,
    pub pvt_ondertekend_op: Option<NaiveDate>,
    pub pvt_verwijtbaar: Option<String>,
    pub map_eindgesprek_op: Option<NaiveDate>,
    pub map_verwijtbaar: Option<String>,
    pub z_eindgesprek_op: Option<NaiveDate>,
    pub onderwijsroute_afgerond_op: Option<NaiveDate>,
    pub voldaan_op: Option<NaiveDate>,
    pub voldaan_grond: Option<String>,
    /// Wat nog open staat volgens de regels (leeg: voldaan mogelijk).
    pub openstaand: Vec<String>,
    /// De grond waarop voldaan kan worden bevestigd, als niets meer open staat.
    pub voldaan_mogelijk: Option<String>,
    #[serde(rename = "_links")]
    pub links: SelfLink,
}

/// De hele afronding (zoals DUO's PUT: een leeg veld trekt een datum in) plus de versie die u wijzigt
/// (0 als er nog niets is vastgelegd). Geweigerd met de DUO-regel (M-7, M-8) in invalidParams, en
/// "voldaan" alleen als niets meer open staat.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AfrondingInvoer {
    #[schema(minimum = 0)]
    pub versie: i64,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub pvt_ondertekend_op: Option<String>,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = verwijtbaar)]
    pub pvt_verwijtbaar: Option<String>,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub map_eindgesprek_op: Option<String>,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = verwijtbaar)]
    pub map_verwijtbaar: Option<String>,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub z_eindgesprek_op: Option<String>,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub onderwijsroute_afgerond_op: Option<String>,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = date_opt)]
    pub voldaan_op: Option<String>,
    #[serde(default, deserialize_with = "crate::api::values::code_opt")]
    #[schema(schema_with = voldaan_grond)]
    pub voldaan_grond: Option<String>,
}
