//! The koppeling as the API shows and takes it. The body of a PUT is the whole koppeling (what is
//! left out becomes onbekend), with `versie` (0 when none exists yet) and `persoonVersie`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;
use wegwijs_app::model::KoppelingRecord;
use wegwijs_domain::trajectory::koppeling::{
    CoaProfiel, Huishouden, KORT_MAX, Kansenverkenner, Overdracht, ProfielAntwoord, ProfielStatus,
    RawKoppeling, RawOverdracht, RawProfielAntwoord, RawToets, TEKST_MAX, Toets, ToetsInstrument,
};

use crate::api::schemas;

/// Eén gegeven uit het COA-profiel: `onbekend` (niet doorgegeven), `geen`, of `bekend` met toelichting.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfielGegeven {
    #[serde(default = "onbekend")]
    #[schema(schema_with = profiel_status)]
    pub status: String,
    /// Alleen bij `bekend`, en dan verplicht.
    #[serde(default)]
    #[schema(schema_with = tekst)]
    pub toelichting: String,
}

/// Het informatieprofiel van COA.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Profiel {
    /// onbekend, alleenstaand, alleenstaande_ouder, stel_zonder_kinderen, gezin_met_kinderen, anders.
    #[serde(default = "onbekend")]
    #[schema(schema_with = huishouden)]
    pub huishouden: String,
    #[serde(default)]
    #[schema(schema_with = tekst)]
    pub huishouden_toelichting: String,
    #[serde(default)]
    pub talen: ProfielGegeven,
    #[serde(default)]
    pub opleiding: ProfielGegeven,
    #[serde(default)]
    pub werk: ProfielGegeven,
    #[serde(default)]
    pub beperkingen: ProfielGegeven,
}

/// Een score op één onderdeel van een toets.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Score {
    #[schema(schema_with = kort_verplicht)]
    pub onderdeel: String,
    #[schema(minimum = 0, maximum = 1000)]
    pub score: u32,
}

/// Een toets (NOA of ander instrument) met zijn scores.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToetsDto {
    #[schema(schema_with = instrument)]
    pub instrument: String,
    /// Verplicht bij `anders`.
    #[serde(default)]
    #[schema(schema_with = kort)]
    pub instrument_naam: String,
    /// Vanaf 2000, niet in de toekomst.
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = crate::api::progress::dto::date_req)]
    pub datum: String,
    #[schema(min_items = 1, max_items = 8)]
    pub scores: Vec<Score>,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KansenverkennerDto {
    /// Vanaf 2000, niet in de toekomst.
    #[serde(deserialize_with = "crate::api::dates::iso_req")]
    #[schema(schema_with = crate::api::progress::dto::date_req)]
    pub datum: String,
    #[serde(default)]
    #[schema(schema_with = tekst)]
    pub samenvatting: String,
}

/// De warme overdracht: van wie (naam en organisatie) aan welke regisseur, wanneer, wat besproken is.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OverdrachtDto {
    #[schema(schema_with = kort_verplicht)]
    pub van_naam: String,
    #[schema(schema_with = kort_verplicht)]
    pub van_organisatie: String,
    /// Een medewerker van uw gemeente.
    pub naar: Uuid,
    /// Niet in de toekomst, niet voor de datum koppeling.
    #[serde(deserialize_with = "crate::api::dates::iso")]
    #[schema(schema_with = crate::api::progress::dto::date_req)]
    pub datum: String,
    #[serde(default)]
    #[schema(schema_with = tekst)]
    pub besproken: String,
}

/// De koppeling van een persoon (zonder koppeling: `versie` 0 en alles onbekend).
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KoppelingDto {
    /// Versie van de koppeling; 0 als er nog geen is. Stuur haar mee bij wijzigen.
    #[schema(minimum = 0)]
    pub versie: i64,
    /// Versie van de persoon: een gewijzigde datum koppeling wordt onder deze versie opgeslagen.
    #[schema(minimum = 1)]
    pub persoon_versie: i64,
    #[serde(default, deserialize_with = "crate::api::dates::iso_opt")]
    #[schema(schema_with = crate::api::progress::dto::date_opt)]
    pub datum_koppeling: Option<String>,
    #[serde(default)]
    #[schema(minimum = 2000, maximum = 2100)]
    pub taakstelling_jaar: Option<i32>,
    #[serde(default)]
    #[schema(minimum = 1, maximum = 2)]
    pub taakstelling_halfjaar: Option<i32>,
    #[serde(default)]
    #[schema(schema_with = kort_opt)]
    pub azc_locatie: Option<String>,
    #[serde(default)]
    #[schema(schema_with = kort_opt)]
    pub coa_contact: Option<String>,
    #[serde(default)]
    pub profiel: Profiel,
    #[serde(default)]
    pub kansenverkenner: Option<KansenverkennerDto>,
    #[serde(default)]
    #[schema(max_items = 3)]
    pub toetsen: Vec<ToetsDto>,
    #[serde(default)]
    pub overdracht: Option<OverdrachtDto>,
}

/// Left out: onbekend.
impl Default for ProfielGegeven {
    fn default() -> Self {
        ProfielGegeven {
            status: onbekend(),
            toelichting: String::new(),
        }
    }
}

/// Left out: everything onbekend.
impl Default for Profiel {
    fn default() -> Self {
        Profiel {
            huishouden: onbekend(),
            huishouden_toelichting: String::new(),
            talen: ProfielGegeven::default(),
            opleiding: ProfielGegeven::default(),
            werk: ProfielGegeven::default(),
            beperkingen: ProfielGegeven::default(),
        }
    }
}

type SchemaRef = utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>;
fn onbekend() -> String {
    "onbekend".into()
}
fn profiel_status() -> SchemaRef {
    schemas::codes(ProfielStatus::CODES, false, None).into()
}
fn huishouden() -> SchemaRef {
    schemas::codes(Huishouden::CODES, false, None).into()
}
fn instrument() -> SchemaRef {
    schemas::codes(ToetsInstrument::CODES, false, None).into()
}
fn tekst() -> SchemaRef {
    schemas::multi_line(TEKST_MAX, false, false, None).into()
}
// The koppeling's short texts take line breaks like its long ones (`profiel::text`).
fn kort() -> SchemaRef {
    schemas::multi_line(KORT_MAX, false, false, None).into()
}
fn kort_opt() -> SchemaRef {
    schemas::multi_line(KORT_MAX, false, true, None).into()
}
fn kort_verplicht() -> SchemaRef {
    schemas::multi_line(KORT_MAX, true, false, None).into()
}

fn code(c: &str) -> String {
    crate::api::values::code_for_domain(Some(c))
}

fn gegeven(a: &ProfielAntwoord) -> ProfielGegeven {
    ProfielGegeven {
        status: a.status.code().into(),
        toelichting: a.toelichting.clone(),
    }
}

fn raw_gegeven(g: &ProfielGegeven) -> RawProfielAntwoord {
    RawProfielAntwoord {
        status: code(&g.status),
        toelichting: g.toelichting.clone(),
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

impl KoppelingDto {
    pub fn from_record(r: &KoppelingRecord) -> KoppelingDto {
        let k = &r.koppeling;
        let p: &CoaProfiel = &k.profiel;
        KoppelingDto {
            versie: r.versie,
            persoon_versie: r.persoon_versie,
            datum_koppeling: k.datum_koppeling.map(date),
            taakstelling_jaar: k.taakstelling.map(|h| h.jaar),
            taakstelling_halfjaar: k.taakstelling.map(|h| i32::from(h.halfjaar)),
            azc_locatie: k.azc_locatie.clone(),
            coa_contact: k.coa_contact.clone(),
            profiel: Profiel {
                huishouden: p.huishouden.code().into(),
                huishouden_toelichting: p.huishouden_toelichting.clone(),
                talen: gegeven(&p.talen),
                opleiding: gegeven(&p.opleiding),
                werk: gegeven(&p.werk),
                beperkingen: gegeven(&p.beperkingen),
            },
            kansenverkenner: k
                .voorintake
                .kansenverkenner
                .as_ref()
                .map(|v: &Kansenverkenner| KansenverkennerDto {
                    datum: date(v.datum),
                    samenvatting: v.samenvatting.clone(),
                }),
            toetsen: k
                .voorintake
                .toetsen
                .iter()
                .map(|t: &Toets| ToetsDto {
                    instrument: t.instrument.code().into(),
                    instrument_naam: t.instrument_naam.clone(),
                    datum: date(t.datum),
                    scores: t
                        .scores
                        .iter()
                        .map(|s| Score {
                            onderdeel: s.onderdeel.clone(),
                            score: s.score,
                        })
                        .collect(),
                })
                .collect(),
            overdracht: k.overdracht.as_ref().map(|o: &Overdracht| OverdrachtDto {
                van_naam: o.van_naam.clone(),
                van_organisatie: o.van_organisatie.clone(),
                naar: o.naar.0,
                datum: date(o.datum),
                besproken: o.besproken.clone(),
            }),
        }
    }

    /// The body as the domain parser takes it (numbers back to text: one parser for form and API).
    pub fn to_raw(&self) -> RawKoppeling {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let num = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
        RawKoppeling {
            datum_koppeling: opt(&self.datum_koppeling),
            taakstelling_jaar: num(self.taakstelling_jaar),
            taakstelling_halfjaar: num(self.taakstelling_halfjaar),
            azc_locatie: opt(&self.azc_locatie),
            coa_contact: opt(&self.coa_contact),
            huishouden: code(&self.profiel.huishouden),
            huishouden_toelichting: self.profiel.huishouden_toelichting.clone(),
            talen: raw_gegeven(&self.profiel.talen),
            opleiding: raw_gegeven(&self.profiel.opleiding),
            werk: raw_gegeven(&self.profiel.werk),
            beperkingen: raw_gegeven(&self.profiel.beperkingen),
            kansenverkenner_datum: self
                .kansenverkenner
                .as_ref()
                .map(|k| k.datum.clone())
                .unwrap_or_default(),
            kansenverkenner_samenvatting: self
                .kansenverkenner
                .as_ref()
                .map(|k| k.samenvatting.clone())
                .unwrap_or_default(),
            toetsen: self
                .toetsen
                .iter()
                .map(|t| RawToets {
                    instrument: code(&t.instrument),
                    instrument_naam: t.instrument_naam.clone(),
                    datum: t.datum.clone(),
                    scores: t
                        .scores
                        .iter()
                        .map(|s| (s.onderdeel.clone(), s.score.to_string()))
                        .collect(),
                })
                .collect(),
            overdracht: self
                .overdracht
                .as_ref()
                .map(|o| RawOverdracht {
                    van_naam: o.van_naam.clone(),
                    van_organisatie: o.van_organisatie.clone(),
                    naar: o.naar.to_string(),
                    datum: o.datum.clone(),
                    besproken: o.besproken.clone(),
                })
                .unwrap_or_default(),
        }
    }
}
