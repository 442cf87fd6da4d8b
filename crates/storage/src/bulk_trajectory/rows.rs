//! The rows of the trajectory tables as the bulk loader takes them. Dates are days (`NaiveDate`);
//! the loader stores a row's moment (`gewijzigd_op`, `aangemaakt_op`) as 10:00 UTC on its day.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

pub struct BulkTaakstelling {
    pub gemeente: OrganisatieId,
    pub jaar: i32,
    pub halfjaar: i32,
    pub aantal: i32,
}

pub struct BulkKoppeling {
    pub persoon: PersonId,
    pub gemeente: OrganisatieId,
    /// (jaar, halfjaar) of the taakstelling the person counts for (status holders only).
    pub taakstelling: Option<(i32, i32)>,
    pub azc_locatie: Option<&'static str>,
    pub coa_contact: Option<String>,
    pub profiel: String,
    pub voorintake: String,
    pub overdracht: String,
    pub overdracht_datum: Option<NaiveDate>,
    pub door: Option<GebruikerId>,
    pub op: NaiveDate,
}

pub struct BulkIntake {
    pub persoon: PersonId,
    pub gemeente: OrganisatieId,
    pub gestart_op: NaiveDate,
    pub afgerond_op: Option<NaiveDate>,
}

pub struct BulkIntakeGesprek {
    pub id: Uuid,
    pub persoon: PersonId,
    pub datum: NaiveDate,
    pub plaats: &'static str,
    pub deelnemers: &'static str,
    pub tolk_taal: Option<String>,
    pub tolk_soort: Option<&'static str>,
    pub notities: &'static str,
    pub door: Option<GebruikerId>,
}

pub struct BulkIntakeSectie {
    pub persoon: PersonId,
    pub sectie: String,
    pub versie: i64,
    pub status: &'static str,
    pub inhoud: String,
    pub bijzonder: bool,
    pub door: Option<GebruikerId>,
    pub op: NaiveDate,
}

pub struct BulkPip {
    pub id: Uuid,
    pub persoon: PersonId,
    pub gemeente: OrganisatieId,
    pub nummer: i32,
    pub status: &'static str,
    pub reden: Option<&'static str>,
    pub reden_toelichting: Option<&'static str>,
    pub leerroute: Option<&'static str>,
    pub niveau: Option<&'static str>,
    pub alfabetisering: Option<&'static str>,
    pub intensiteit_uren: Option<i32>,
    pub aantal_voortgangsgesprekken: Option<i32>,
    pub inhoud: String,
    /// `None` while a concept.
    pub dagtekening: Option<NaiveDate>,
    pub door: Option<GebruikerId>,
    pub aangemaakt_op: NaiveDate,
    /// The day the version was last changed: its replacement's dagtekening when vervangen.
    pub gewijzigd_op: NaiveDate,
}

pub struct BulkPipDoel {
    pub pip_id: Uuid,
    pub doel_id: Uuid,
    pub volgorde: i32,
    pub leefdomein: &'static str,
    pub omschrijving: &'static str,
    pub streefdatum: Option<NaiveDate>,
    pub uitvoerder: &'static str,
    pub status: &'static str,
}

pub struct BulkPipActiviteit {
    pub pip_id: Uuid,
    pub activiteit_id: Uuid,
    pub volgorde: i32,
    pub doel_id: Option<Uuid>,
    pub omschrijving: &'static str,
    pub aanbieder: &'static str,
    pub uren_per_week: Option<f64>,
    pub startdatum: Option<NaiveDate>,
    pub einddatum: Option<NaiveDate>,
}

pub struct BulkVerlenging {
    pub id: Uuid,
    pub persoon: PersonId,
    pub grond: &'static str,
    pub besluitdatum: NaiveDate,
    pub nieuwe_einddatum: NaiveDate,
    pub toelichting: &'static str,
    pub door: Option<GebruikerId>,
}

pub struct BulkDuoBesluit {
    pub id: Uuid,
    pub persoon: PersonId,
    pub soort: &'static str,
    pub type_: &'static str,
    pub volledig: bool,
    pub onderdelen: &'static str,
    pub besluitdatum: NaiveDate,
    pub door: Option<GebruikerId>,
}

pub struct BulkVoortgangsgesprek {
    pub id: Uuid,
    pub persoon: PersonId,
    pub gepland_op: NaiveDate,
    pub gehouden_op: Option<NaiveDate>,
    pub deelnemers: &'static str,
    pub verslag: &'static str,
    pub besluiten: &'static str,
    pub doelvoortgang: String,
    pub pip_aanpassen: bool,
    pub door: Option<GebruikerId>,
    /// Planned on this day (the previous review or the PIP's dagtekening).
    pub aangemaakt_op: NaiveDate,
}

pub struct BulkExamen {
    pub id: Uuid,
    pub persoon: PersonId,
    pub onderdeel: &'static str,
    pub niveau: Option<&'static str>,
    pub datum: NaiveDate,
    pub uitslag: &'static str,
    pub door: Option<GebruikerId>,
}

pub struct BulkUren {
    pub id: Uuid,
    pub persoon: PersonId,
    pub soort: &'static str,
    pub van: NaiveDate,
    pub tot: NaiveDate,
    pub uren: i32,
    pub tijdens_intake: bool,
    pub omschrijving: &'static str,
    pub door: Option<GebruikerId>,
}

pub struct BulkAfronding {
    pub persoon: PersonId,
    pub pvt_ondertekend_op: Option<NaiveDate>,
    pub map_eindgesprek_op: Option<NaiveDate>,
    pub z_eindgesprek_op: Option<NaiveDate>,
    pub onderwijsroute_afgerond: Option<NaiveDate>,
    pub voldaan_op: Option<NaiveDate>,
    pub voldaan_grond: Option<&'static str>,
    pub door: Option<GebruikerId>,
    pub op: NaiveDate,
}

/// Every trajectory row of a demo dataset, in the order they must be written.
#[derive(Default)]
pub struct Traject {
    pub taakstellingen: Vec<BulkTaakstelling>,
    pub koppelingen: Vec<BulkKoppeling>,
    pub intakes: Vec<BulkIntake>,
    pub intake_gesprekken: Vec<BulkIntakeGesprek>,
    pub intake_secties: Vec<BulkIntakeSectie>,
    pub pips: Vec<BulkPip>,
    pub pip_doelen: Vec<BulkPipDoel>,
    pub pip_activiteiten: Vec<BulkPipActiviteit>,
    pub verlengingen: Vec<BulkVerlenging>,
    pub duo_besluiten: Vec<BulkDuoBesluit>,
    pub voortgangsgesprekken: Vec<BulkVoortgangsgesprek>,
    pub examens: Vec<BulkExamen>,
    pub uren: Vec<BulkUren>,
    pub afrondingen: Vec<BulkAfronding>,
}

impl Traject {
    /// Appends `other`'s rows (the parts made in parallel, joined in order).
    pub fn append(&mut self, mut other: Traject) {
        self.taakstellingen.append(&mut other.taakstellingen);
        self.koppelingen.append(&mut other.koppelingen);
        self.intakes.append(&mut other.intakes);
        self.intake_gesprekken.append(&mut other.intake_gesprekken);
        self.intake_secties.append(&mut other.intake_secties);
        self.pips.append(&mut other.pips);
        self.pip_doelen.append(&mut other.pip_doelen);
        self.pip_activiteiten.append(&mut other.pip_activiteiten);
        self.verlengingen.append(&mut other.verlengingen);
        self.duo_besluiten.append(&mut other.duo_besluiten);
        self.voortgangsgesprekken
            .append(&mut other.voortgangsgesprekken);
        self.examens.append(&mut other.examens);
        self.uren.append(&mut other.uren);
        self.afrondingen.append(&mut other.afrondingen);
    }

    /// Rows per table, by table name (for the load summary and the tests).
    pub fn counts(&self) -> [(&'static str, usize); 14] {
        [
            ("taakstellingen", self.taakstellingen.len()),
            ("koppelingen", self.koppelingen.len()),
            ("intakes", self.intakes.len()),
            ("intake_gesprekken", self.intake_gesprekken.len()),
            ("intake_secties", self.intake_secties.len()),
            ("pip_versies", self.pips.len()),
            ("pip_doelen", self.pip_doelen.len()),
            ("pip_activiteiten", self.pip_activiteiten.len()),
            ("termijn_verlengingen", self.verlengingen.len()),
            ("duo_besluiten", self.duo_besluiten.len()),
            ("voortgangsgesprekken", self.voortgangsgesprekken.len()),
            ("examens", self.examens.len()),
            ("uren", self.uren.len()),
            ("traject_afronding", self.afrondingen.len()),
        ]
    }
}
