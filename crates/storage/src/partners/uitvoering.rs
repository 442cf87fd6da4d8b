//! What is recorded in the work itself: contact moments, attendance per session, measurements, hours
//! per professional, placements and handhaving. Rows carry plain codes (the domain parsed them
//! before); the author's organisation is stored so confidentiality and "own reports" can be decided in
//! the query.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

use crate::{Db, StorageResult, Tx, on_pool, on_tx_exec};

/// Who records, for which person (and referral), when.
#[derive(Debug, Clone, Copy)]
pub struct Auteur {
    pub gemeente: OrganisatieId,
    pub organisatie: OrganisatieId,
    pub persoon: PersonId,
    pub verwijzing: Option<Uuid>,
    pub door: Option<GebruikerId>,
    pub op: DateTime<Utc>,
}

/// Which rows a reader sees: everything of the person within the gemeente (the gemeente's view, minus
/// other organisations' own-organisation notes), or only what the reader's organisation wrote through
/// one of its referrals (a partner).
#[derive(Debug, Clone, Copy)]
pub enum Lezer {
    Gemeente { gemeente: OrganisatieId },
    Partner { organisatie: OrganisatieId },
}

impl Lezer {
    /// (condition on alias `t`, binds) with placeholders from `$2` (`$1` is the person).
    fn cond(self) -> (String, Uuid) {
        match self {
            Lezer::Gemeente { gemeente } => ("t.gemeente_id = $2".into(), gemeente.0),
            Lezer::Partner { organisatie } => ("t.organisatie_id = $2".into(), organisatie.0),
        }
    }
}

// ---- contact moments ----

#[derive(Debug, Clone)]
pub struct NieuwContact {
    pub soort: String,
    pub datum: NaiveDate,
    pub duur_minuten: Option<i32>,
    pub deelnemers: String,
    pub tolk: bool,
    pub tolk_taal: Option<String>,
    pub vertrouwelijkheid: String,
    pub samenvatting: String,
    pub vervolgafspraak: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactRow {
    pub id: Uuid,
    pub organisatie_id: Uuid,
    pub organisatie_naam: String,
    pub verwijzing_id: Option<Uuid>,
    pub soort: String,
    pub datum: NaiveDate,
    pub duur_minuten: Option<i32>,
    pub deelnemers: String,
    pub tolk: bool,
    pub tolk_taal: Option<String>,
    pub vertrouwelijkheid: String,
    pub samenvatting: String,
    pub vervolgafspraak: String,
    pub auteur_id: Option<Uuid>,
    pub auteur_naam: Option<String>,
}

pub async fn insert_contact(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    c: &NieuwContact,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO contactmomenten (id, persoon_id, gemeente_id, organisatie_id, verwijzing_id, soort, datum, duur_minuten, \
         deelnemers, tolk, tolk_taal, vertrouwelijkheid, samenvatting, vervolgafspraak, auteur_id, aangemaakt_op) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
    on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(a.persoon.0)
        .bind(a.gemeente.0)
        .bind(a.organisatie.0)
        .bind(a.verwijzing)
        .bind(&c.soort)
        .bind(c.datum)
        .bind(c.duur_minuten)
        .bind(&c.deelnemers)
        .bind(c.tolk)
        .bind(&c.tolk_taal)
        .bind(&c.vertrouwelijkheid)
        .bind(&c.samenvatting)
        .bind(&c.vervolgafspraak)
        .bind(a.door.map(|d| d.0))
        .bind(a.op)
        .execute(x)
        .await)?;
    Ok(())
}

/// The contact moments a reader may see (confidentiality is applied by the caller with
/// `domain::contact` on each row's author and organisation), newest first.
pub async fn contacts(db: &Db, persoon: PersonId, lezer: Lezer) -> StorageResult<Vec<ContactRow>> {
    let (cond, bind) = lezer.cond();
    let sql = format!(
        "SELECT t.id, t.organisatie_id, o.naam AS organisatie_naam, t.verwijzing_id, t.soort, t.datum, t.duur_minuten, t.deelnemers, \
         t.tolk, t.tolk_taal, t.vertrouwelijkheid, t.samenvatting, t.vervolgafspraak, t.auteur_id, g.naam AS auteur_naam \
         FROM contactmomenten t JOIN organisaties o ON o.id = t.organisatie_id LEFT JOIN gebruikers g ON g.id = t.auteur_id \
         WHERE t.persoon_id = $1 AND {cond} ORDER BY t.datum DESC, t.aangemaakt_op DESC LIMIT 500"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(persoon.0)
    .bind(bind)
    .fetch_all(p)
    .await)?)
}

/// The latest contact with the person by anyone (the "no contact for N days" signal counts all parties).
pub async fn last_contact(db: &Db, persoon: PersonId) -> StorageResult<Option<NaiveDate>> {
    const SQL: &str = "SELECT MAX(datum) FROM contactmomenten WHERE persoon_id = $1";
    Ok(on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(persoon.0)
        .fetch_one(p)
        .await)?)
}

// ---- attendance ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BijeenkomstRow {
    pub id: Uuid,
    pub verwijzing_id: Uuid,
    pub datum: NaiveDate,
    pub aanwezigheid: String,
    pub reden: Option<String>,
    pub uren_honderdsten: Option<i32>,
}

pub async fn insert_bijeenkomst(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    datum: NaiveDate,
    aanwezigheid: &str,
    reden: Option<&str>,
    uren_honderdsten: Option<i32>,
) -> StorageResult<()> {
    let verwijzing = a.verwijzing.unwrap_or_default();
    const SQL: &str = "INSERT INTO bijeenkomsten (id, verwijzing_id, persoon_id, datum, aanwezigheid, reden, uren_honderdsten, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    let res = on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(verwijzing)
        .bind(a.persoon.0)
        .bind(datum)
        .bind(aanwezigheid)
        .bind(reden)
        .bind(uren_honderdsten)
        .bind(a.door.map(|d| d.0))
        .bind(a.op)
        .execute(x)
        .await);
    match res {
        Err(e) if crate::StorageError::is_unique_violation(&e) => {
            Err(crate::StorageError::Duplicate {
                field: "datum",
                existing: None,
            })
        }
        other => other.map(|_| ()).map_err(Into::into),
    }
}

/// The sessions of one referral, oldest first.
pub async fn bijeenkomsten(db: &Db, verwijzing: Uuid) -> StorageResult<Vec<BijeenkomstRow>> {
    const SQL: &str = "SELECT id, verwijzing_id, datum, aanwezigheid, reden, uren_honderdsten FROM bijeenkomsten \
                       WHERE verwijzing_id = $1 ORDER BY datum, id";
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(verwijzing)
        .fetch_all(p)
        .await)?)
}

// ---- measurements ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MetingRow {
    pub id: Uuid,
    pub organisatie_id: Uuid,
    pub organisatie_naam: String,
    pub instrument: String,
    pub moment: String,
    pub datum: NaiveDate,
    /// JSON `[[code, value], ...]`.
    pub scores: String,
    pub toelichting: String,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_meting(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    instrument: &str,
    moment: &str,
    datum: NaiveDate,
    scores_json: &str,
    toelichting: &str,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO metingen (id, persoon_id, gemeente_id, organisatie_id, verwijzing_id, instrument, moment, datum, scores, toelichting, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(a.persoon.0)
        .bind(a.gemeente.0)
        .bind(a.organisatie.0)
        .bind(a.verwijzing)
        .bind(instrument)
        .bind(moment)
        .bind(datum)
        .bind(scores_json)
        .bind(toelichting)
        .bind(a.door.map(|d| d.0))
        .bind(a.op)
        .execute(x)
        .await)?;
    Ok(())
}

pub async fn metingen(db: &Db, persoon: PersonId, lezer: Lezer) -> StorageResult<Vec<MetingRow>> {
    let (cond, bind) = lezer.cond();
    let sql = format!(
        "SELECT t.id, t.organisatie_id, o.naam AS organisatie_naam, t.instrument, t.moment, t.datum, t.scores, t.toelichting \
         FROM metingen t JOIN organisaties o ON o.id = t.organisatie_id WHERE t.persoon_id = $1 AND {cond} \
         ORDER BY t.datum, t.aangemaakt_op LIMIT 500"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(persoon.0)
    .bind(bind)
    .fetch_all(p)
    .await)?)
}

// ---- hours per professional ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UrenRow {
    pub id: Uuid,
    pub organisatie_naam: String,
    pub medewerker_naam: Option<String>,
    pub verwijzing_id: Option<Uuid>,
    pub activiteit_id: Option<Uuid>,
    pub datum: NaiveDate,
    pub uren_honderdsten: i32,
    pub omschrijving: String,
}

pub async fn insert_uren(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    activiteit: Option<Uuid>,
    datum: NaiveDate,
    uren_honderdsten: i32,
    omschrijving: &str,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO urenregistraties (id, persoon_id, gemeente_id, organisatie_id, verwijzing_id, activiteit_id, medewerker_id, datum, uren_honderdsten, omschrijving, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
    on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(a.persoon.0)
        .bind(a.gemeente.0)
        .bind(a.organisatie.0)
        .bind(a.verwijzing)
        .bind(activiteit)
        .bind(a.door.map(|d| d.0))
        .bind(datum)
        .bind(uren_honderdsten)
        .bind(omschrijving)
        .bind(a.op)
        .execute(x)
        .await)?;
    Ok(())
}

pub async fn uren(db: &Db, persoon: PersonId, lezer: Lezer) -> StorageResult<Vec<UrenRow>> {
    let (cond, bind) = lezer.cond();
    let sql = format!(
        "SELECT t.id, o.naam AS organisatie_naam, g.naam AS medewerker_naam, t.verwijzing_id, t.activiteit_id, t.datum, t.uren_honderdsten, t.omschrijving \
         FROM urenregistraties t JOIN organisaties o ON o.id = t.organisatie_id LEFT JOIN gebruikers g ON g.id = t.medewerker_id \
         WHERE t.persoon_id = $1 AND {cond} ORDER BY t.datum DESC, t.aangemaakt_op DESC LIMIT 1000"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(persoon.0)
    .bind(bind)
    .fetch_all(p)
    .await)?)
}

// ---- placements ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlaatsingRow {
    pub id: Uuid,
    pub organisatie_naam: String,
    pub soort: String,
    pub plek: String,
    pub start: NaiveDate,
    pub eind: Option<NaiveDate>,
    pub uren_per_week_honderdsten: i32,
    pub uitstroom: Option<String>,
    pub versie: i64,
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_plaatsing(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    soort: &str,
    plek: &str,
    start: NaiveDate,
    eind: Option<NaiveDate>,
    uren_per_week_honderdsten: i32,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO plaatsingen (id, persoon_id, gemeente_id, organisatie_id, verwijzing_id, soort, plek, start, eind, uren_per_week_honderdsten, versie, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12)";
    on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(a.persoon.0)
        .bind(a.gemeente.0)
        .bind(a.organisatie.0)
        .bind(a.verwijzing)
        .bind(soort)
        .bind(plek)
        .bind(start)
        .bind(eind)
        .bind(uren_per_week_honderdsten)
        .bind(a.door.map(|d| d.0))
        .bind(a.op)
        .execute(x)
        .await)?;
    Ok(())
}

pub async fn plaatsingen(
    db: &Db,
    persoon: PersonId,
    lezer: Lezer,
) -> StorageResult<Vec<PlaatsingRow>> {
    let (cond, bind) = lezer.cond();
    let sql = format!(
        "SELECT t.id, o.naam AS organisatie_naam, t.soort, t.plek, t.start, t.eind, t.uren_per_week_honderdsten, t.uitstroom, t.versie \
         FROM plaatsingen t JOIN organisaties o ON o.id = t.organisatie_id WHERE t.persoon_id = $1 AND {cond} \
         ORDER BY t.start DESC, t.id LIMIT 200"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(
        sql.clone()
    ))
    .bind(persoon.0)
    .bind(bind)
    .fetch_all(p)
    .await)?)
}

// ---- handhaving (gemeente only) ----

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HandhavingRow {
    pub id: Uuid,
    pub soort: String,
    pub overtreding: Option<String>,
    pub verwijtbaarheid: Option<String>,
    pub besluit_datum: NaiveDate,
    pub bedrag_centen: i64,
    pub berekening: String,
    pub nieuwe_termijn: Option<NaiveDate>,
    pub onherroepelijk: bool,
    pub toelichting: String,
}

#[derive(Debug, Clone)]
pub struct NieuweHandhaving {
    pub soort: String,
    pub overtreding: Option<String>,
    pub verwijtbaarheid: Option<String>,
    pub besluit_datum: NaiveDate,
    pub bedrag_centen: i64,
    pub berekening: String,
    pub nieuwe_termijn: Option<NaiveDate>,
    pub toelichting: String,
}

pub async fn insert_handhaving(
    tx: &mut Tx,
    a: &Auteur,
    id: Uuid,
    h: &NieuweHandhaving,
) -> StorageResult<()> {
    const SQL: &str = "INSERT INTO handhaving (id, persoon_id, gemeente_id, soort, overtreding, verwijtbaarheid, besluit_datum, bedrag_centen, berekening, \
         nieuwe_termijn, onherroepelijk, toelichting, aangemaakt_door, aangemaakt_op) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, FALSE, $11, $12, $13)";
    on_tx_exec!(tx, |x| sqlx::query(SQL)
        .bind(id)
        .bind(a.persoon.0)
        .bind(a.gemeente.0)
        .bind(&h.soort)
        .bind(&h.overtreding)
        .bind(&h.verwijtbaarheid)
        .bind(h.besluit_datum)
        .bind(h.bedrag_centen)
        .bind(&h.berekening)
        .bind(h.nieuwe_termijn)
        .bind(&h.toelichting)
        .bind(a.door.map(|d| d.0))
        .bind(a.op)
        .execute(x)
        .await)?;
    Ok(())
}

pub async fn handhaving(
    db: &Db,
    persoon: PersonId,
    gemeente: OrganisatieId,
) -> StorageResult<Vec<HandhavingRow>> {
    const SQL: &str = "SELECT id, soort, overtreding, verwijtbaarheid, besluit_datum, bedrag_centen, berekening, nieuwe_termijn, onherroepelijk, toelichting \
         FROM handhaving WHERE persoon_id = $1 AND gemeente_id = $2 ORDER BY besluit_datum, aangemaakt_op";
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?)
}
