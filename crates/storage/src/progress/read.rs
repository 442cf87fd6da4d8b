//! The reads of one person's progress, each filtered by the actor's gemeente in the SQL.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_domain::trajectory::codes::{
    DuoBesluitSoort, ExamenNiveau, ExamenOnderdeel, ExamenUitslag, Leerroute, Niveau,
    PipWijzigingsreden, UrenSoort, VoldaanGrond,
};
use wegwijs_domain::trajectory::deadlines::termijn::{Verlenging, VerlengingGrond};
use wegwijs_domain::trajectory::progress::afronding::{AfrondingInvoer, Verwijtbaar};
use wegwijs_domain::trajectory::progress::duo_besluit::{BesluitType, DuoBesluit};
use wegwijs_domain::trajectory::progress::exam::Examen;
use wegwijs_domain::trajectory::progress::hours::Uren;
use wegwijs_domain::trajectory::progress::review::{DoelVoortgang, Gesprek};
use wegwijs_domain::trajectory::progress::verlenging::VerlengingInvoer;

use super::{HuidigePip, PipDoel, Stored, StoredAfronding, StoredGesprek, Voortgang, corrupt};
use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, on_pool};

/// The person exists in the scope's gemeente (else NotFound): the child tables hold no gemeente.
async fn check(db: &Db, g: OrganisatieId, id: PersonId) -> StorageResult<()> {
    const SQL: &str = "SELECT COUNT(*) FROM personen WHERE id = $1 AND gemeente_id = $2";
    let n: i64 = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_one(p)
        .await)?;
    if n == 0 {
        Err(StorageError::NotFound)
    } else {
        Ok(())
    }
}

/// Everything on the voortgang page, for a person the scope allows.
pub async fn load(db: &Db, scope: PersonScope, id: PersonId) -> StorageResult<Voortgang> {
    let g = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    check(db, g, id).await?;
    Ok(Voortgang {
        eerste_pip_dagtekening: eerste_dagtekening(db, g, id).await?,
        huidige_pip: huidige_pip(db, g, id).await?,
        verlengingen: verlengingen(db, g, id).await?,
        gesprekken: gesprekken(db, g, id).await?,
        examens: examens(db, g, id).await?,
        uren: uren(db, g, id).await?,
        besluiten: besluiten(db, g, id).await?,
        afronding: afronding(db, g, id).await?,
    })
}

/// The lowest dagtekening of a PIP that was once vastgesteld (vastgesteld, vervangen or ingetrokken):
/// a concept never starts the termijn.
async fn eerste_dagtekening(
    db: &Db,
    g: OrganisatieId,
    id: PersonId,
) -> StorageResult<Option<NaiveDate>> {
    const SQL: &str = "SELECT MIN(dagtekening) FROM pip_versies WHERE persoon_id = $1 AND gemeente_id = $2 \
                       AND status IN ('vastgesteld', 'vervangen', 'ingetrokken') AND dagtekening IS NOT NULL";
    Ok(on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_one(p)
        .await)?)
}

type PipRow = (Uuid, i32, Option<String>, Option<String>, Option<NaiveDate>);

async fn huidige_pip(db: &Db, g: OrganisatieId, id: PersonId) -> StorageResult<Option<HuidigePip>> {
    const SQL: &str = "SELECT id, nummer, leerroute, niveau, dagtekening FROM pip_versies \
                       WHERE persoon_id = $1 AND gemeente_id = $2 AND status = 'vastgesteld' ORDER BY nummer DESC LIMIT 1";
    let row: Option<PipRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_optional(p)
        .await)?;
    let Some((pip, nummer, leerroute, niveau, dagtekening)) = row else {
        return Ok(None);
    };
    const DOELEN: &str = "SELECT doel_id, leefdomein, omschrijving FROM pip_doelen WHERE pip_id = $1 ORDER BY volgorde";
    let doelen: Vec<(Uuid, String, String)> =
        on_pool!(db, |p| sqlx::query_as(DOELEN).bind(pip).fetch_all(p).await)?;
    Ok(Some(HuidigePip {
        id: pip,
        nummer,
        leerroute: opt(leerroute.as_deref(), Leerroute::parse, "leerroute")?,
        niveau: opt(niveau.as_deref(), Niveau::parse, "niveau")?,
        dagtekening,
        doelen: doelen
            .into_iter()
            .map(|(doel_id, leefdomein, omschrijving)| PipDoel {
                doel_id,
                leefdomein,
                omschrijving,
            })
            .collect(),
    }))
}

fn req<T>(v: &str, parse: impl Fn(&str) -> Option<T>, what: &str) -> StorageResult<T> {
    parse(v).ok_or_else(|| corrupt(what))
}

fn opt<T>(
    v: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
) -> StorageResult<Option<T>> {
    v.map(|v| req(v, parse, what)).transpose()
}

type VerlengingRow = (Uuid, String, NaiveDate, NaiveDate, String, DateTime<Utc>);

async fn verlengingen(
    db: &Db,
    g: OrganisatieId,
    id: PersonId,
) -> StorageResult<Vec<Stored<VerlengingInvoer>>> {
    const SQL: &str = "SELECT x.id, x.grond, x.besluitdatum, x.nieuwe_einddatum, x.toelichting, x.aangemaakt_op \
                       FROM termijn_verlengingen x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2 ORDER BY x.nieuwe_einddatum, x.id";
    let rows: Vec<VerlengingRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(
            |(rid, grond, besluitdatum, nieuwe_einddatum, toelichting, at)| {
                Ok(Stored {
                    id: rid,
                    value: VerlengingInvoer {
                        verlenging: Verlenging {
                            grond: req(&grond, VerlengingGrond::parse, "grond")?,
                            besluitdatum,
                            nieuwe_einddatum,
                        },
                        toelichting,
                    },
                    aangemaakt_op: at,
                })
            },
        )
        .collect()
}

#[derive(sqlx::FromRow)]
struct GesprekRow {
    id: Uuid,
    gepland_op: NaiveDate,
    gehouden_op: Option<NaiveDate>,
    deelnemers: String,
    verslag: String,
    besluiten: String,
    doelvoortgang: String,
    pip_aanpassen: bool,
    pip_aanpassen_reden: Option<String>,
    versie: i64,
}

async fn gesprekken(db: &Db, g: OrganisatieId, id: PersonId) -> StorageResult<Vec<StoredGesprek>> {
    const SQL: &str = "SELECT x.id, x.gepland_op, x.gehouden_op, x.deelnemers, x.verslag, x.besluiten, x.doelvoortgang, \
                       x.pip_aanpassen, x.pip_aanpassen_reden, x.versie \
                       FROM voortgangsgesprekken x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2 ORDER BY x.gepland_op, x.id";
    let rows: Vec<GesprekRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(|r| {
            let doelvoortgang: Vec<DoelVoortgang> =
                serde_json::from_str(&r.doelvoortgang).map_err(|_| corrupt("doelvoortgang"))?;
            Ok(StoredGesprek {
                id: r.id,
                versie: r.versie,
                gesprek: Gesprek {
                    gepland_op: r.gepland_op,
                    gehouden_op: r.gehouden_op,
                    deelnemers: r.deelnemers,
                    verslag: r.verslag,
                    besluiten: r.besluiten,
                    doelvoortgang,
                    pip_aanpassen: r.pip_aanpassen,
                    pip_aanpassen_reden: opt(
                        r.pip_aanpassen_reden.as_deref(),
                        PipWijzigingsreden::parse,
                        "reden",
                    )?,
                },
            })
        })
        .collect()
}

type ExamenRow = (
    Uuid,
    String,
    Option<String>,
    NaiveDate,
    String,
    DateTime<Utc>,
);

async fn examens(db: &Db, g: OrganisatieId, id: PersonId) -> StorageResult<Vec<Stored<Examen>>> {
    const SQL: &str = "SELECT x.id, x.onderdeel, x.niveau, x.datum, x.uitslag, x.aangemaakt_op \
                       FROM examens x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2 ORDER BY x.datum, x.id";
    let rows: Vec<ExamenRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(|(rid, onderdeel, niveau, datum, uitslag, at)| {
            Ok(Stored {
                id: rid,
                value: Examen {
                    onderdeel: req(&onderdeel, ExamenOnderdeel::parse, "onderdeel")?,
                    niveau: opt(niveau.as_deref(), ExamenNiveau::parse, "niveau")?,
                    datum,
                    uitslag: req(&uitslag, ExamenUitslag::parse, "uitslag")?,
                },
                aangemaakt_op: at,
            })
        })
        .collect()
}

type UrenRow = (
    Uuid,
    String,
    NaiveDate,
    NaiveDate,
    i32,
    bool,
    String,
    DateTime<Utc>,
);

async fn uren(db: &Db, g: OrganisatieId, id: PersonId) -> StorageResult<Vec<Stored<Uren>>> {
    const SQL: &str = "SELECT x.id, x.soort, x.van, x.tot, x.uren, x.tijdens_intake, x.omschrijving, x.aangemaakt_op \
                       FROM uren x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2 ORDER BY x.van, x.id";
    let rows: Vec<UrenRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(
            |(rid, soort, van, tot, n, tijdens_intake, omschrijving, at)| {
                Ok(Stored {
                    id: rid,
                    value: Uren {
                        soort: req(&soort, UrenSoort::parse, "soort")?,
                        van,
                        tot,
                        uren: u32::try_from(n).map_err(|_| corrupt("uren"))?,
                        tijdens_intake,
                        omschrijving,
                    },
                    aangemaakt_op: at,
                })
            },
        )
        .collect()
}

type BesluitRow = (Uuid, String, String, bool, String, NaiveDate, DateTime<Utc>);

async fn besluiten(
    db: &Db,
    g: OrganisatieId,
    id: PersonId,
) -> StorageResult<Vec<Stored<DuoBesluit>>> {
    const SQL: &str = "SELECT x.id, x.soort, x.type, x.volledig, x.onderdelen, x.besluitdatum, x.aangemaakt_op \
                       FROM duo_besluiten x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2 ORDER BY x.besluitdatum, x.id";
    let rows: Vec<BesluitRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(
            |(rid, soort, type_, volledig, onderdelen, besluitdatum, at)| {
                let soort = req(&soort, DuoBesluitSoort::parse, "soort")?;
                let onderdelen = onderdelen
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|o| req(o, ExamenOnderdeel::parse, "onderdelen"))
                    .collect::<StorageResult<Vec<_>>>()?;
                Ok(Stored {
                    id: rid,
                    value: DuoBesluit {
                        soort,
                        type_: BesluitType::from_codes(soort, &type_)
                            .ok_or_else(|| corrupt("type"))?,
                        volledig,
                        onderdelen,
                        besluitdatum,
                    },
                    aangemaakt_op: at,
                })
            },
        )
        .collect()
}

#[derive(sqlx::FromRow)]
struct AfrondingRow {
    pvt_ondertekend_op: Option<NaiveDate>,
    pvt_verwijtbaar: Option<String>,
    map_eindgesprek_op: Option<NaiveDate>,
    map_verwijtbaar: Option<String>,
    z_eindgesprek_op: Option<NaiveDate>,
    onderwijsroute_afgerond: Option<NaiveDate>,
    voldaan_op: Option<NaiveDate>,
    voldaan_grond: Option<String>,
    versie: i64,
}

async fn afronding(
    db: &Db,
    g: OrganisatieId,
    id: PersonId,
) -> StorageResult<Option<StoredAfronding>> {
    const SQL: &str = "SELECT x.pvt_ondertekend_op, x.pvt_verwijtbaar, x.map_eindgesprek_op, x.map_verwijtbaar, \
                       x.z_eindgesprek_op, x.onderwijsroute_afgerond, x.voldaan_op, x.voldaan_grond, x.versie \
                       FROM traject_afronding x JOIN personen p ON p.id = x.persoon_id \
                       WHERE x.persoon_id = $1 AND p.gemeente_id = $2";
    let row: Option<AfrondingRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id.0)
        .bind(g.0)
        .fetch_optional(p)
        .await)?;
    row.map(|r| {
        Ok(StoredAfronding {
            versie: r.versie,
            afronding: AfrondingInvoer {
                pvt_ondertekend_op: r.pvt_ondertekend_op,
                pvt_verwijtbaar: opt(
                    r.pvt_verwijtbaar.as_deref(),
                    Verwijtbaar::parse,
                    "verwijtbaar",
                )?,
                map_eindgesprek_op: r.map_eindgesprek_op,
                map_verwijtbaar: opt(
                    r.map_verwijtbaar.as_deref(),
                    Verwijtbaar::parse,
                    "verwijtbaar",
                )?,
                z_eindgesprek_op: r.z_eindgesprek_op,
                onderwijsroute_afgerond_op: r.onderwijsroute_afgerond,
                voldaan_op: r.voldaan_op,
                voldaan_grond: opt(
                    r.voldaan_grond.as_deref(),
                    VoldaanGrond::parse,
                    "voldaan_grond",
                )?,
            },
        })
    })
    .transpose()
}
