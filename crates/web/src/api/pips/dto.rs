//! The PIP as JSON: one flat object per version. Dates are ISO (jjjj-mm-dd); codes are DUO's own
//! (leerroute B/O/Z, niveau A2/B1, alfabetisering A/AA/NVT).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::pip::{PipSamenvatting, PipVersie, RechtsmiddelRecord};
use wegwijs_domain::trajectory::codes::{AlfaIndicator, Leerroute, Niveau, PipWijzigingsreden};
use wegwijs_domain::trajectory::pip::inhoud::{DoelStatus, VisieSoort};
use wegwijs_domain::trajectory::pip::parse::{KORT_MAX, LANG_MAX};
use wegwijs_domain::trajectory::pip::{PipInhoud, RawActiviteit, RawDoel, RawPip};

use crate::api::envelope::Link;
use crate::api::schemas;

/// De inhoud van een PIP-versie. Bij wijzigen vervangt u de hele inhoud.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PipInhoudDto {
    /// Alleen bij wijzigen (PUT), verplicht: de versie die u wijzigt (409 als iemand anders het concept
    /// intussen wijzigde). In antwoorden staat de versie naast de inhoud.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versie: Option<i64>,
    /// B (B1-route), O (onderwijsroute) of Z (zelfredzaamheidsroute).
    #[schema(schema_with = leerroute)]
    pub leerroute: Option<String>,
    /// A2 of B1.
    #[schema(schema_with = niveau)]
    pub niveau: Option<String>,
    /// A, AA of NVT.
    #[schema(schema_with = alfabetisering)]
    pub alfabetisering: Option<String>,
    /// Geschatte intensiteit B1-route in uren (1-9999), alleen B1-route en asielstatushouders.
    #[schema(minimum = 1, maximum = 9999)]
    pub intensiteit_uren: Option<u32>,
    #[schema(schema_with = lang)]
    pub pvt_inhoud: Option<String>,
    #[schema(minimum = 1, maximum = 9999)]
    pub pvt_uren: Option<u32>,
    /// Niet in de onderwijsroute (Wet inburgering 2021 art. 8 lid 3).
    #[schema(schema_with = lang)]
    pub map_inhoud: Option<String>,
    #[schema(minimum = 1, maximum = 9999)]
    pub map_uren: Option<u32>,
    #[schema(schema_with = lang)]
    pub begeleiding: Option<String>,
    #[schema(schema_with = lang)]
    pub verplichtingen: Option<String>,
    #[schema(schema_with = lang)]
    pub kinderopvang: Option<String>,
    #[schema(schema_with = lang)]
    pub vervoer: Option<String>,
    #[schema(schema_with = lang)]
    pub participatiewet: Option<String>,
    /// Verplicht om vast te stellen (Besluit inburgering 2021 art. 5.3 lid 4).
    #[schema(minimum = 1, maximum = 100)]
    pub aantal_voortgangsgesprekken: Option<u32>,
    /// akkoord of zienswijze.
    #[schema(schema_with = eigen_visie)]
    pub eigen_visie: Option<String>,
    /// Verplicht bij `eigenVisie` zienswijze.
    #[schema(schema_with = lang)]
    pub zienswijze: Option<String>,
    pub eigen_visie_datum: Option<NaiveDate>,
    /// schakelen, afschalen, verhuizing of anders: verplicht als deze versie het geldende PIP vervangt.
    #[schema(schema_with = reden)]
    pub reden: Option<String>,
    #[schema(schema_with = lang)]
    pub reden_toelichting: Option<String>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub doelen: Vec<DoelDto>,
    #[serde(default)]
    #[schema(max_items = 50)]
    pub activiteiten: Vec<ActiviteitDto>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DoelDto {
    /// Blijft gelijk over versies; leeg voor een nieuw doel.
    pub doel_id: Option<Uuid>,
    /// De sleutel van een leefdomein uit de set van de gemeente.
    #[schema(schema_with = kort_verplicht)]
    pub leefdomein: String,
    #[schema(schema_with = lang_verplicht)]
    pub omschrijving: String,
    pub streefdatum: Option<NaiveDate>,
    #[serde(default)]
    #[schema(schema_with = kort)]
    pub uitvoerder: String,
    /// open, bezig, behaald of vervallen; null: open.
    #[schema(schema_with = doel_status)]
    pub status: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ActiviteitDto {
    pub activiteit_id: Option<Uuid>,
    /// Een doel uit dit plan, of null.
    pub doel_id: Option<Uuid>,
    #[schema(schema_with = lang_verplicht)]
    pub omschrijving: String,
    #[serde(default)]
    #[schema(schema_with = kort)]
    pub aanbieder: String,
    #[schema(minimum = 0, maximum = 80)]
    pub uren_per_week: Option<f64>,
    pub startdatum: Option<NaiveDate>,
    /// Niet voor de startdatum.
    pub einddatum: Option<NaiveDate>,
}

type SchemaRef = utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>;
fn leerroute() -> SchemaRef {
    schemas::codes(Leerroute::CODES, true, None).into()
}
fn niveau() -> SchemaRef {
    schemas::codes(Niveau::CODES, true, None).into()
}
fn alfabetisering() -> SchemaRef {
    schemas::codes(AlfaIndicator::CODES, true, None).into()
}
fn eigen_visie() -> SchemaRef {
    schemas::codes(VisieSoort::CODES, true, None).into()
}
fn reden() -> SchemaRef {
    schemas::codes(PipWijzigingsreden::CODES, true, None).into()
}
fn doel_status() -> SchemaRef {
    schemas::codes(DoelStatus::CODES, true, None).into()
}
fn lang() -> SchemaRef {
    schemas::multi_line(LANG_MAX, false, true, None).into()
}
fn lang_verplicht() -> SchemaRef {
    schemas::multi_line(LANG_MAX, true, false, None).into()
}
fn kort() -> SchemaRef {
    schemas::text(KORT_MAX, false, false, None).into()
}
fn kort_verplicht() -> SchemaRef {
    schemas::text(KORT_MAX, true, false, None).into()
}

fn code(v: &Option<String>) -> String {
    crate::api::values::code_for_domain(v.as_deref())
}

fn s(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}
fn n<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}
fn d(v: Option<NaiveDate>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}
fn opt(v: &str) -> Option<String> {
    Some(v.to_string()).filter(|v| !v.is_empty())
}

impl PipInhoudDto {
    pub fn to_raw(&self) -> RawPip {
        RawPip {
            leerroute: code(&self.leerroute),
            niveau: code(&self.niveau),
            alfabetisering: code(&self.alfabetisering),
            intensiteit_uren: n(self.intensiteit_uren),
            pvt_inhoud: s(&self.pvt_inhoud),
            pvt_uren: n(self.pvt_uren),
            map_inhoud: s(&self.map_inhoud),
            map_uren: n(self.map_uren),
            begeleiding: s(&self.begeleiding),
            verplichtingen: s(&self.verplichtingen),
            kinderopvang: s(&self.kinderopvang),
            vervoer: s(&self.vervoer),
            participatiewet: s(&self.participatiewet),
            aantal_voortgangsgesprekken: n(self.aantal_voortgangsgesprekken),
            eigen_visie: code(&self.eigen_visie),
            zienswijze: s(&self.zienswijze),
            eigen_visie_datum: d(self.eigen_visie_datum),
            reden: code(&self.reden),
            reden_toelichting: s(&self.reden_toelichting),
            doelen: self
                .doelen
                .iter()
                .map(|x| RawDoel {
                    doel_id: n(x.doel_id),
                    leefdomein: x.leefdomein.clone(),
                    omschrijving: x.omschrijving.clone(),
                    streefdatum: d(x.streefdatum),
                    uitvoerder: x.uitvoerder.clone(),
                    status: code(&x.status),
                })
                .collect(),
            activiteiten: self
                .activiteiten
                .iter()
                .map(|x| RawActiviteit {
                    activiteit_id: n(x.activiteit_id),
                    doel_id: n(x.doel_id),
                    omschrijving: x.omschrijving.clone(),
                    aanbieder: x.aanbieder.clone(),
                    uren_per_week: n(x.uren_per_week),
                    startdatum: d(x.startdatum),
                    einddatum: d(x.einddatum),
                })
                .collect(),
        }
    }

    pub fn from_inhoud(p: &PipInhoud) -> Self {
        let b = &p.blokken;
        let map = b.map.clone().unwrap_or_default();
        PipInhoudDto {
            versie: None,
            leerroute: p.leerroute.map(|c| c.code().into()),
            niveau: p.niveau.map(|c| c.code().into()),
            alfabetisering: p.alfabetisering.map(|c| c.code().into()),
            intensiteit_uren: p.intensiteit_uren,
            pvt_inhoud: opt(&b.pvt.inhoud),
            pvt_uren: b.pvt.uren,
            map_inhoud: opt(&map.inhoud),
            map_uren: map.uren,
            begeleiding: opt(&b.begeleiding),
            verplichtingen: opt(&b.verplichtingen),
            kinderopvang: opt(&b.voorwaarden.kinderopvang),
            vervoer: opt(&b.voorwaarden.vervoer),
            participatiewet: opt(&b.participatiewet),
            aantal_voortgangsgesprekken: p.aantal_voortgangsgesprekken,
            eigen_visie: b.eigen_visie.soort.map(|c: VisieSoort| c.code().into()),
            zienswijze: opt(&b.eigen_visie.tekst),
            eigen_visie_datum: b.eigen_visie.datum,
            reden: p.reden.map(|c| c.code().into()),
            reden_toelichting: opt(&p.reden_toelichting),
            doelen: p
                .doelen
                .iter()
                .map(|x| DoelDto {
                    doel_id: Some(x.doel_id),
                    leefdomein: x.leefdomein.clone(),
                    omschrijving: x.omschrijving.clone(),
                    streefdatum: x.streefdatum,
                    uitvoerder: x.uitvoerder.clone(),
                    status: Some(x.status.code().into()),
                })
                .collect(),
            activiteiten: p
                .activiteiten
                .iter()
                .map(|x| ActiviteitDto {
                    activiteit_id: Some(x.activiteit_id),
                    doel_id: x.doel_id,
                    omschrijving: x.omschrijving.clone(),
                    aanbieder: x.aanbieder.clone(),
                    uren_per_week: x.uren_per_week,
                    startdatum: x.startdatum,
                    einddatum: x.einddatum,
                })
                .collect(),
        }
    }
}

/// Eén PIP-versie.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Pip {
    pub id: Uuid,
    /// 1 voor het eerste PIP van de persoon.
    pub nummer: i32,
    /// concept, vastgesteld, vervangen of ingetrokken.
    pub status: String,
    pub versie: i64,
    pub dagtekening: Option<NaiveDate>,
    pub vastgesteld_op: Option<DateTime<Utc>>,
    pub ingetrokken_op: Option<NaiveDate>,
    #[serde(flatten)]
    pub inhoud: PipInhoudDto,
    #[serde(rename = "_links")]
    pub links: PipLinks,
}

#[derive(Serialize, ToSchema)]
pub struct PipLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    /// De beschikking als PDF (niet bij een concept).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub beschikking: Option<Link>,
}

pub fn pip_path(persoon: Uuid, pip: Uuid) -> String {
    format!("/api/v1/personen/{persoon}/pips/{pip}")
}

impl Pip {
    pub fn from_versie(v: &PipVersie) -> Pip {
        let path = pip_path(v.persoon_id.0, v.id);
        Pip {
            id: v.id,
            nummer: v.nummer,
            status: v.status.code().into(),
            versie: v.versie,
            dagtekening: v.dagtekening,
            vastgesteld_op: v.vastgesteld_op,
            ingetrokken_op: v.ingetrokken_op,
            inhoud: PipInhoudDto::from_inhoud(&v.inhoud),
            links: PipLinks {
                beschikking: v
                    .dagtekening
                    .map(|_| Link::to(format!("{path}/beschikking"))),
                self_: Link::to(path),
            },
        }
    }
}

/// Een versie in de lijst (zonder de inhoud).
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PipSamenvattingDto {
    pub id: Uuid,
    pub nummer: i32,
    pub status: String,
    pub leerroute: Option<String>,
    pub niveau: Option<String>,
    pub reden: Option<String>,
    pub dagtekening: Option<NaiveDate>,
    pub versie: i64,
    #[serde(rename = "_links")]
    pub links: PipLinks,
}

impl PipSamenvattingDto {
    pub fn from(persoon: Uuid, v: &PipSamenvatting) -> Self {
        let path = pip_path(persoon, v.id);
        PipSamenvattingDto {
            id: v.id,
            nummer: v.nummer,
            status: v.status.code().into(),
            leerroute: v.leerroute.map(|c| c.code().into()),
            niveau: v.niveau.map(|c| c.code().into()),
            reden: v.reden.map(|c| c.code().into()),
            dagtekening: v.dagtekening,
            versie: v.versie,
            links: PipLinks {
                beschikking: v
                    .dagtekening
                    .map(|_| Link::to(format!("{path}/beschikking"))),
                self_: Link::to(path),
            },
        }
    }
}

/// Alle PIP-versies van een persoon, nieuwste eerst.
#[derive(Serialize, ToSchema)]
pub struct PipLijst {
    pub pips: Vec<PipSamenvattingDto>,
    #[serde(rename = "_links")]
    pub links: PipLijstLinks,
}

#[derive(Serialize, ToSchema)]
pub struct PipLijstLinks {
    #[serde(rename = "self")]
    pub self_: Link,
    pub persoon: Link,
}

/// Een bezwaar of beroep.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RechtsmiddelDto {
    pub id: Uuid,
    /// bezwaar of beroep.
    pub soort: String,
    pub ontvangen_op: NaiveDate,
    pub beslist_op: Option<NaiveDate>,
    pub uitkomst: Option<String>,
    pub toelichting: String,
    /// Een bezwaar dat na de bezwaartermijn van zes weken binnenkwam (Awb art. 6:7, 6:8).
    pub te_laat_ontvangen: bool,
    pub versie: i64,
}

impl RechtsmiddelDto {
    pub fn from(r: &RechtsmiddelRecord, dagtekening: Option<NaiveDate>) -> Self {
        let m = &r.rechtsmiddel;
        RechtsmiddelDto {
            id: r.id,
            soort: m.soort.code().into(),
            ontvangen_op: m.ontvangen_op,
            beslist_op: m.beslist_op,
            uitkomst: m.uitkomst.map(|u| u.code().into()),
            toelichting: m.toelichting.clone(),
            te_laat_ontvangen: wegwijs_domain::trajectory::pip::rechtsmiddel::te_laat(
                m.soort,
                dagtekening,
                m.ontvangen_op,
            ),
            versie: r.versie,
        }
    }
}
