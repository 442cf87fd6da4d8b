//! Goals and activities of one version: written whole with the version, read in their order.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::trajectory::pip::{Activiteit, Doel, DoelStatus};

use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx_exec};

#[derive(sqlx::FromRow)]
struct DoelRow {
    doel_id: Uuid,
    leefdomein: String,
    omschrijving: String,
    streefdatum: Option<NaiveDate>,
    uitvoerder: String,
    status: String,
}

#[derive(sqlx::FromRow)]
struct ActiviteitRow {
    activiteit_id: Uuid,
    doel_id: Option<Uuid>,
    omschrijving: String,
    aanbieder: String,
    uren_per_week: Option<f64>,
    startdatum: Option<NaiveDate>,
    einddatum: Option<NaiveDate>,
}

pub(super) async fn read(db: &Db, pip: Uuid) -> StorageResult<(Vec<Doel>, Vec<Activiteit>)> {
    const DOELEN: &str = "SELECT doel_id, leefdomein, omschrijving, streefdatum, uitvoerder, status \
                          FROM pip_doelen WHERE pip_id = $1 ORDER BY volgorde";
    const ACTIVITEITEN: &str = "SELECT activiteit_id, doel_id, omschrijving, aanbieder, uren_per_week, startdatum, einddatum \
                                FROM pip_activiteiten WHERE pip_id = $1 ORDER BY volgorde";
    let doelen: Vec<DoelRow> =
        on_pool!(db, |p| sqlx::query_as(DOELEN).bind(pip).fetch_all(p).await)?;
    let activiteiten: Vec<ActiviteitRow> = on_pool!(db, |p| sqlx::query_as(ACTIVITEITEN)
        .bind(pip)
        .fetch_all(p)
        .await)?;
    let doelen = doelen
        .into_iter()
        .map(|r| {
            Ok(Doel {
                doel_id: r.doel_id,
                leefdomein: r.leefdomein,
                omschrijving: r.omschrijving,
                streefdatum: r.streefdatum,
                uitvoerder: r.uitvoerder,
                status: DoelStatus::parse(&r.status)
                    .ok_or_else(|| StorageError::Corrupt("pip_doelen.status".into()))?,
            })
        })
        .collect::<StorageResult<Vec<_>>>()?;
    let activiteiten = activiteiten
        .into_iter()
        .map(|r| Activiteit {
            activiteit_id: r.activiteit_id,
            doel_id: r.doel_id,
            omschrijving: r.omschrijving,
            aanbieder: r.aanbieder,
            uren_per_week: r.uren_per_week,
            startdatum: r.startdatum,
            einddatum: r.einddatum,
        })
        .collect();
    Ok((doelen, activiteiten))
}

/// Replaces the goals and activities of a version (a concept being edited, or a new one).
pub(super) async fn replace(
    tx: &mut Tx,
    pip: Uuid,
    doelen: &[Doel],
    activiteiten: &[Activiteit],
) -> StorageResult<()> {
    on_tx_exec!(tx, |c| sqlx::query(
        "DELETE FROM pip_activiteiten WHERE pip_id = $1"
    )
    .bind(pip)
    .execute(c)
    .await)?;
    on_tx_exec!(tx, |c| sqlx::query(
        "DELETE FROM pip_doelen WHERE pip_id = $1"
    )
    .bind(pip)
    .execute(c)
    .await)?;
    const DOEL: &str = "INSERT INTO pip_doelen (pip_id, doel_id, volgorde, leefdomein, omschrijving, streefdatum, uitvoerder, status) \
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    for (i, d) in doelen.iter().enumerate() {
        let volgorde = i32::try_from(i).unwrap_or(i32::MAX);
        on_tx_exec!(tx, |c| sqlx::query(DOEL)
            .bind(pip)
            .bind(d.doel_id)
            .bind(volgorde)
            .bind(&d.leefdomein)
            .bind(&d.omschrijving)
            .bind(d.streefdatum)
            .bind(&d.uitvoerder)
            .bind(d.status.code())
            .execute(c)
            .await)?;
    }
    const ACT: &str = "INSERT INTO pip_activiteiten (pip_id, activiteit_id, volgorde, doel_id, omschrijving, aanbieder, uren_per_week, startdatum, einddatum) \
                       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    for (i, a) in activiteiten.iter().enumerate() {
        let volgorde = i32::try_from(i).unwrap_or(i32::MAX);
        on_tx_exec!(tx, |c| sqlx::query(ACT)
            .bind(pip)
            .bind(a.activiteit_id)
            .bind(volgorde)
            .bind(a.doel_id)
            .bind(&a.omschrijving)
            .bind(&a.aanbieder)
            .bind(a.uren_per_week)
            .bind(a.startdatum)
            .bind(a.einddatum)
            .execute(c)
            .await)?;
    }
    Ok(())
}
