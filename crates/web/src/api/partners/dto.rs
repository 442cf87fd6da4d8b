//! The JSON shapes of the chain-partner resources. Codes and dates travel as strings and are parsed by
//! the domain, so a wrong value is a 400 with a Dutch reason per field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Een product van de sociale kaart.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AanbodDto {
    pub id: Uuid,
    pub gemeente_id: Uuid,
    pub partner_id: Uuid,
    pub partner_naam: String,
    pub naam: String,
    pub leefdomein: String,
    /// spuk_leerroute, spuk_mb, spuk_pvt, spuk_map, spuk_tolken, participatiewet, gemeente_overig
    pub financiering: String,
    /// uren, dagdelen, weken
    pub eenheid: String,
}

#[derive(Serialize, ToSchema)]
pub struct AanbodLijst {
    pub items: Vec<AanbodDto>,
}

/// Een verwijzing naar een product van een ketenpartner.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VerwijzingDto {
    pub id: Uuid,
    pub persoon_id: Uuid,
    pub persoon_naam: String,
    pub partner_id: Uuid,
    pub partner_naam: String,
    pub aanbod_id: Uuid,
    pub aanbod_naam: String,
    pub medewerker_id: Option<Uuid>,
    pub medewerker_naam: Option<String>,
    /// verstuurd, geaccepteerd, afgewezen, gestart, afgerond, gestopt, ingetrokken
    pub status: String,
    pub vraag: String,
    pub doel_ids: Vec<Uuid>,
    /// wettelijke_taak of toestemming
    pub grondslag: String,
    pub toestemming_datum: Option<NaiveDate>,
    pub geldig_tot: NaiveDate,
    pub gezondheid_delen: bool,
    pub verstuurd_op: NaiveDate,
    pub gestart_op: Option<NaiveDate>,
    pub beeindigd_op: Option<NaiveDate>,
    pub reden: Option<String>,
    pub toelichting: Option<String>,
    /// Versie voor optimistic locking: stuur mee bij een overgang of toewijzing.
    pub versie: i64,
}

impl From<&wegwijs_app::model::VerwijzingRow> for VerwijzingDto {
    fn from(v: &wegwijs_app::model::VerwijzingRow) -> Self {
        VerwijzingDto {
            id: v.id,
            persoon_id: v.persoon_id,
            persoon_naam: v.persoon_naam.clone(),
            partner_id: v.partner_id,
            partner_naam: v.partner_naam.clone(),
            aanbod_id: v.aanbod_id,
            aanbod_naam: v.aanbod_naam.clone(),
            medewerker_id: v.medewerker_id,
            medewerker_naam: v.medewerker_naam.clone(),
            status: v.status.clone(),
            vraag: v.vraag.clone(),
            doel_ids: v.doelen(),
            grondslag: v.grondslag.clone(),
            toestemming_datum: v.toestemming_datum,
            geldig_tot: v.geldig_tot,
            gezondheid_delen: v.gezondheid_delen,
            verstuurd_op: v.verstuurd_op,
            gestart_op: v.gestart_op,
            beeindigd_op: v.beeindigd_op,
            reden: v.reden.clone(),
            toelichting: v.toelichting.clone(),
            versie: v.versie,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VerwijzingLijst {
    pub items: Vec<VerwijzingDto>,
    pub pagina: u32,
    #[serde(rename = "paginaGrootte")]
    pub pagina_grootte: u32,
}

/// Een stap in de geschiedenis van een verwijzing.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StapDto {
    pub status: String,
    pub datum: NaiveDate,
    pub reden: Option<String>,
    pub toelichting: Option<String>,
    pub door: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct VerwijzingMetStappen {
    #[serde(flatten)]
    pub verwijzing: VerwijzingDto,
    pub stappen: Vec<StapDto>,
}

/// Verwijzen: welk product, wat wordt gevraagd, welke doelen uit het PIP, op welke grondslag en tot
/// wanneer gegevens worden gedeeld.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct VerwijzingInvoer {
    pub aanbod_id: String,
    #[schema(max_length = 2000)]
    pub vraag: String,
    #[serde(default)]
    pub doel_ids: Vec<String>,
    /// wettelijke_taak of toestemming
    pub grondslag: String,
    #[serde(default)]
    pub toestemming_datum: Option<String>,
    pub geldig_tot: String,
    #[serde(default)]
    pub gezondheid_delen: bool,
    #[serde(default)]
    pub gezondheid_rechtvaardiging: Option<String>,
    #[serde(default)]
    pub medewerker_id: Option<String>,
}

/// Een stap: accepteren, afwijzen (reden), starten (datum), afronden (datum), stoppen (datum, reden),
/// intrekken (gemeente; toelichting). `versie` is de versie die u zag.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OvergangInvoer {
    pub overgang: String,
    #[serde(default)]
    pub datum: Option<String>,
    #[serde(default)]
    pub reden: Option<String>,
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub toelichting: Option<String>,
    #[schema(minimum = 1)]
    pub versie: i64,
}

/// Toewijzen aan een medewerker van de partner (coördinator).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ToewijzingInvoer {
    pub medewerker_id: Uuid,
    #[schema(minimum = 1)]
    pub versie: i64,
}

/// Aanwezigheid bij een bijeenkomst.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BijeenkomstInvoer {
    pub datum: String,
    /// aanwezig, afwezig_met_reden, afwezig_zonder_bericht
    pub aanwezigheid: String,
    #[serde(default)]
    pub reden: Option<String>,
    /// Uren als tekst, bijv. "2,5"; alleen bij aanwezig.
    #[serde(default)]
    pub uren: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BijeenkomstDto {
    pub id: Uuid,
    pub datum: NaiveDate,
    pub aanwezigheid: String,
    pub reden: Option<String>,
    /// Honderdsten van een uur (250 = 2,5 uur).
    pub uren_honderdsten: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct BijeenkomstLijst {
    pub items: Vec<BijeenkomstDto>,
}

/// Een contactmoment.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactInvoer {
    /// gesprek, huisbezoek, driegesprek, casusoverleg, telefonisch, whatsapp_video
    pub soort: String,
    pub datum: String,
    #[serde(default)]
    pub duur_minuten: Option<String>,
    /// Eén deelnemer per regel.
    #[serde(default)]
    pub deelnemers: Option<String>,
    #[serde(default)]
    pub tolk: bool,
    #[serde(default)]
    pub tolk_taal: Option<String>,
    /// normaal, gevoelig, eigen_organisatie
    pub vertrouwelijkheid: String,
    pub samenvatting: String,
    #[serde(default)]
    pub vervolgafspraak: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContactDto {
    pub id: Uuid,
    pub organisatie: String,
    pub verwijzing_id: Option<Uuid>,
    pub soort: String,
    pub datum: NaiveDate,
    pub duur_minuten: Option<i32>,
    pub deelnemers: Vec<String>,
    pub tolk_taal: Option<String>,
    pub vertrouwelijkheid: String,
    pub samenvatting: String,
    pub vervolgafspraak: String,
    pub auteur: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ContactLijst {
    pub items: Vec<ContactDto>,
}

/// Een score: domein of vaardigheid met trede (1-5) of niveau (a0-b2).
#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoreDto {
    pub domein: String,
    pub score: String,
}

/// Een meting met een instrument (zrm_2017 of taal).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MetingInvoer {
    pub instrument: String,
    /// start, tussentijds, eind, ad_hoc
    pub moment: String,
    pub datum: String,
    pub scores: Vec<ScoreDto>,
    #[serde(default)]
    pub toelichting: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MetingDto {
    pub id: Uuid,
    pub organisatie: String,
    pub instrument: String,
    pub moment: String,
    pub datum: NaiveDate,
    pub scores: Vec<ScoreDto>,
    pub toelichting: String,
}

#[derive(Serialize, ToSchema)]
pub struct MetingLijst {
    pub items: Vec<MetingDto>,
}

/// Uren van een professional voor deze persoon.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UrenregistratieInvoer {
    #[serde(default)]
    pub activiteit_id: Option<String>,
    pub datum: String,
    /// In kwartieren: "1,25", "0.5", "3".
    pub uren: String,
    #[serde(default)]
    pub omschrijving: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UrenregistratieDto {
    pub id: Uuid,
    pub organisatie: String,
    pub medewerker: Option<String>,
    pub verwijzing_id: Option<Uuid>,
    pub activiteit_id: Option<Uuid>,
    pub datum: NaiveDate,
    pub uren_honderdsten: i32,
    pub omschrijving: String,
}

#[derive(Serialize, ToSchema)]
pub struct UrenregistratieLijst {
    pub items: Vec<UrenregistratieDto>,
}

/// Een plaatsing (werkervaringsplek, stage, ...).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlaatsingInvoer {
    pub soort: String,
    pub organisatie: String,
    pub start: String,
    #[serde(default)]
    pub eind: Option<String>,
    /// Uren per week als tekst, 1 tot en met 40.
    pub uren_per_week: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PlaatsingDto {
    pub id: Uuid,
    pub organisatie: String,
    pub soort: String,
    pub plek: String,
    pub start: NaiveDate,
    pub eind: Option<NaiveDate>,
    /// Honderdsten van een uur per week.
    pub uren_per_week_honderdsten: i32,
    /// Einde van de lopende cyclus van 15 weken (werkervaringsplek).
    pub cyclus_einde: Option<NaiveDate>,
    pub uitstroom: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlaatsingLijst {
    pub items: Vec<PlaatsingDto>,
}

/// Een handhavingsbesluit: boete (art. 22 of 23 Wet inburgering 2021), waarschuwing of maatregel
/// Participatiewet. Het boetebedrag berekent Wegwijs.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HandhavingInvoer {
    /// boete_wi2021, waarschuwing, maatregel_participatiewet
    pub soort: String,
    #[serde(default)]
    pub overtreding: Option<String>,
    #[serde(default)]
    pub verwijtbaarheid: Option<String>,
    pub besluit_datum: String,
    #[serde(default)]
    pub nieuwe_termijn: Option<String>,
    #[serde(default)]
    pub schriftelijk_gewaarschuwd: bool,
    #[serde(default)]
    pub herhaald_opgeroepen: bool,
    #[serde(default)]
    pub bijstand_verlaagd: bool,
    #[serde(default)]
    #[schema(max_length = 2000)]
    pub toelichting: Option<String>,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HandhavingDto {
    pub id: Uuid,
    pub soort: String,
    pub overtreding: Option<String>,
    pub verwijtbaarheid: Option<String>,
    pub besluit_datum: NaiveDate,
    pub bedrag_centen: i64,
    /// De berekening, één stap per regel.
    pub berekening: String,
    pub nieuwe_termijn: Option<NaiveDate>,
    pub onherroepelijk: bool,
    pub toelichting: String,
}

#[derive(Serialize, ToSchema)]
pub struct HandhavingLijst {
    pub items: Vec<HandhavingDto>,
}
