//! The writes. Each runs in the caller's transaction (which also inserts the audit row) and first
//! checks that the person belongs to the writer's gemeente.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::progress::afronding::AfrondingInvoer;
use wegwijs_domain::trajectory::progress::duo_besluit::DuoBesluit;
use wegwijs_domain::trajectory::progress::exam::Examen;
use wegwijs_domain::trajectory::progress::hours::Uren;
use wegwijs_domain::trajectory::progress::review::Gesprek;
use wegwijs_domain::trajectory::progress::verlenging::VerlengingInvoer;

use crate::{StorageError, StorageResult, Tx, on_tx, on_tx_exec};

/// Who writes, for which person, when.
#[derive(Debug, Clone, Copy)]
pub struct Schrijver {
    pub gemeente: OrganisatieId,
    pub persoon: PersonId,
    pub door: Option<GebruikerId>,
    pub op: DateTime<Utc>,
}

async fn check(tx: &mut Tx, w: &Schrijver) -> StorageResult<()> {
    const SQL: &str = "SELECT COUNT(*) FROM personen WHERE id = $1 AND gemeente_id = $2";
    let n: i64 = on_tx!(tx, |c| sqlx::query_scalar(SQL)
        .bind(w.persoon.0)
        .bind(w.gemeente.0)
        .fetch_one(c)
        .await)?;
    if n == 0 {
        Err(StorageError::NotFound)
    } else {
        Ok(())
    }
}

pub async fn insert_verlenging(
    tx: &mut Tx,
    w: &Schrijver,
    id: Uuid,
    v: &VerlengingInvoer,
) -> StorageResult<()> {
    check(tx, w).await?;
    const SQL: &str = "INSERT INTO termijn_verlengingen (id, persoon_id, grond, besluitdatum, nieuwe_einddatum, toelichting, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(w.persoon.0)
        .bind(v.verlenging.grond.code())
        .bind(v.verlenging.besluitdatum)
        .bind(v.verlenging.nieuwe_einddatum)
        .bind(&v.toelichting)
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .execute(c)
        .await)?;
    Ok(())
}

fn doelvoortgang_json(g: &Gesprek) -> StorageResult<String> {
    serde_json::to_string(&g.doelvoortgang).map_err(|e| StorageError::Corrupt(e.to_string()))
}

pub async fn insert_gesprek(
    tx: &mut Tx,
    w: &Schrijver,
    id: Uuid,
    g: &Gesprek,
) -> StorageResult<()> {
    check(tx, w).await?;
    let json = doelvoortgang_json(g)?;
    const SQL: &str = "INSERT INTO voortgangsgesprekken (id, persoon_id, gepland_op, gehouden_op, deelnemers, verslag, besluiten, \
                       doelvoortgang, pip_aanpassen, pip_aanpassen_reden, versie, aangemaakt_door, aangemaakt_op, gewijzigd_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $12, $12)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(w.persoon.0)
        .bind(g.gepland_op)
        .bind(g.gehouden_op)
        .bind(&g.deelnemers)
        .bind(&g.verslag)
        .bind(&g.besluiten)
        .bind(&json)
        .bind(g.pip_aanpassen)
        .bind(g.pip_aanpassen_reden.map(|r| r.code()))
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .execute(c)
        .await)?;
    Ok(())
}

/// Replaces a review if `expected` is still its version; returns the new version.
pub async fn update_gesprek(
    tx: &mut Tx,
    w: &Schrijver,
    id: Uuid,
    g: &Gesprek,
    expected: i64,
) -> StorageResult<i64> {
    check(tx, w).await?;
    let json = doelvoortgang_json(g)?;
    const SQL: &str = "UPDATE voortgangsgesprekken SET gepland_op = $1, gehouden_op = $2, deelnemers = $3, verslag = $4, \
                       besluiten = $5, doelvoortgang = $6, pip_aanpassen = $7, pip_aanpassen_reden = $8, versie = versie + 1, \
                       gewijzigd_op = $9 WHERE id = $10 AND persoon_id = $11 AND versie = $12";
    let n = on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(g.gepland_op)
        .bind(g.gehouden_op)
        .bind(&g.deelnemers)
        .bind(&g.verslag)
        .bind(&g.besluiten)
        .bind(&json)
        .bind(g.pip_aanpassen)
        .bind(g.pip_aanpassen_reden.map(|r| r.code()))
        .bind(w.op)
        .bind(id)
        .bind(w.persoon.0)
        .bind(expected)
        .execute(c)
        .await)?;
    if n == 1 {
        return Ok(expected + 1);
    }
    const CUR: &str = "SELECT versie FROM voortgangsgesprekken WHERE id = $1 AND persoon_id = $2";
    let cur: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
        .bind(id)
        .bind(w.persoon.0)
        .fetch_optional(c)
        .await)?;
    Err(match cur {
        Some(current) => StorageError::Conflict { expected, current },
        None => StorageError::NotFound,
    })
}

pub async fn insert_examen(tx: &mut Tx, w: &Schrijver, id: Uuid, x: &Examen) -> StorageResult<()> {
    check(tx, w).await?;
    const SQL: &str = "INSERT INTO examens (id, persoon_id, onderdeel, niveau, datum, uitslag, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(w.persoon.0)
        .bind(x.onderdeel.code())
        .bind(x.niveau.map(|n| n.code()))
        .bind(x.datum)
        .bind(x.uitslag.code())
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .execute(c)
        .await)?;
    Ok(())
}

pub async fn insert_uren(tx: &mut Tx, w: &Schrijver, id: Uuid, u: &Uren) -> StorageResult<()> {
    check(tx, w).await?;
    let n = i32::try_from(u.uren).map_err(|_| StorageError::Corrupt("uren".into()))?;
    const SQL: &str = "INSERT INTO uren (id, persoon_id, soort, van, tot, uren, tijdens_intake, omschrijving, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(w.persoon.0)
        .bind(u.soort.code())
        .bind(u.van)
        .bind(u.tot)
        .bind(n)
        .bind(u.tijdens_intake)
        .bind(&u.omschrijving)
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .execute(c)
        .await)?;
    Ok(())
}

pub async fn insert_duo_besluit(
    tx: &mut Tx,
    w: &Schrijver,
    id: Uuid,
    b: &DuoBesluit,
) -> StorageResult<()> {
    check(tx, w).await?;
    let onderdelen: Vec<&str> = b.onderdelen.iter().map(|o| o.code()).collect();
    const SQL: &str = "INSERT INTO duo_besluiten (id, persoon_id, soort, type, volledig, onderdelen, besluitdatum, aangemaakt_door, aangemaakt_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(w.persoon.0)
        .bind(b.soort.code())
        .bind(b.type_.code())
        .bind(b.volledig)
        .bind(onderdelen.join(","))
        .bind(b.besluitdatum)
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .execute(c)
        .await)?;
    Ok(())
}

/// Stores the whole afronding if `expected` is the stored version (0: none stored yet); returns the
/// new version.
pub async fn save_afronding(
    tx: &mut Tx,
    w: &Schrijver,
    a: &AfrondingInvoer,
    expected: i64,
) -> StorageResult<i64> {
    check(tx, w).await?;
    const CUR: &str = "SELECT versie FROM traject_afronding WHERE persoon_id = $1";
    let cur: Option<i64> = on_tx!(tx, |c| sqlx::query_scalar(CUR)
        .bind(w.persoon.0)
        .fetch_optional(c)
        .await)?;
    if cur.unwrap_or(0) != expected {
        return Err(StorageError::Conflict {
            expected,
            current: cur.unwrap_or(0),
        });
    }
    const INSERT: &str = "INSERT INTO traject_afronding (pvt_ondertekend_op, pvt_verwijtbaar, map_eindgesprek_op, map_verwijtbaar, \
                          z_eindgesprek_op, onderwijsroute_afgerond, voldaan_op, voldaan_grond, gewijzigd_door, gewijzigd_op, persoon_id, versie) \
                          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)";
    const UPDATE: &str = "UPDATE traject_afronding SET pvt_ondertekend_op = $1, pvt_verwijtbaar = $2, map_eindgesprek_op = $3, \
                          map_verwijtbaar = $4, z_eindgesprek_op = $5, onderwijsroute_afgerond = $6, voldaan_op = $7, voldaan_grond = $8, \
                          gewijzigd_door = $9, gewijzigd_op = $10, versie = versie + 1 WHERE persoon_id = $11 AND versie = $12";
    let sql = if cur.is_some() { UPDATE } else { INSERT };
    let n = on_tx_exec!(tx, |c| sqlx::query(sql)
        .bind(a.pvt_ondertekend_op)
        .bind(a.pvt_verwijtbaar.map(|v| v.code()))
        .bind(a.map_eindgesprek_op)
        .bind(a.map_verwijtbaar.map(|v| v.code()))
        .bind(a.z_eindgesprek_op)
        .bind(a.onderwijsroute_afgerond_op)
        .bind(a.voldaan_op)
        .bind(a.voldaan_grond.map(|g| g.code()))
        .bind(w.door.map(|d| d.0))
        .bind(w.op)
        .bind(w.persoon.0)
        .bind(expected)
        .execute(c)
        .await);
    match n {
        Ok(1) => Ok(expected + 1),
        Ok(_) => Err(StorageError::Conflict {
            expected,
            current: expected + 1,
        }),
        // Two first saves at once: the loser hits the primary key.
        Err(e) if StorageError::is_unique_violation(&e) => Err(StorageError::Conflict {
            expected,
            current: 1,
        }),
        Err(e) => Err(e.into()),
    }
}

/// A PIP version straight into `pip_versies` (and its goals), for tests and demo data while the PIP
/// slice's own storage is not merged. Returns the version's id.
#[expect(
    clippy::too_many_arguments,
    reason = "a test fixture: one column per argument reads plainly"
)]
pub async fn insert_pip_for_tests(
    tx: &mut Tx,
    gemeente: OrganisatieId,
    persoon: PersonId,
    nummer: i32,
    status: &str,
    leerroute: &str,
    niveau: &str,
    dagtekening: Option<NaiveDate>,
    doelen: &[(Uuid, &str)],
) -> StorageResult<Uuid> {
    let id = Uuid::now_v7();
    let now = Utc::now();
    const SQL: &str = "INSERT INTO pip_versies (id, persoon_id, gemeente_id, nummer, status, leerroute, niveau, dagtekening, aangemaakt_op, gewijzigd_op) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)";
    on_tx_exec!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(persoon.0)
        .bind(gemeente.0)
        .bind(nummer)
        .bind(status)
        .bind(leerroute)
        .bind(niveau)
        .bind(dagtekening)
        .bind(now)
        .execute(c)
        .await)?;
    const DOEL: &str = "INSERT INTO pip_doelen (pip_id, doel_id, volgorde, leefdomein, omschrijving, status) VALUES ($1, $2, $3, 'werk', $4, 'bezig')";
    for (i, (doel, omschrijving)) in doelen.iter().enumerate() {
        let volgorde = i32::try_from(i).unwrap_or(i32::MAX);
        on_tx_exec!(tx, |c| sqlx::query(DOEL)
            .bind(id)
            .bind(*doel)
            .bind(volgorde)
            .bind(*omschrijving)
            .execute(c)
            .await)?;
    }
    Ok(id)
}
