//! Reading PIP versions: the list of a person's versions and one whole version.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::trajectory::codes::{
    AlfaIndicator, Leerroute, Niveau, PipStatus, PipWijzigingsreden,
};
use wegwijs_domain::trajectory::pip::{PipBlokken, PipInhoud};

use super::items;
use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, on_pool};

/// One version as stored. `Debug` by hand: the content is personal data.
#[derive(Clone)]
pub struct PipVersie {
    pub id: Uuid,
    pub persoon_id: PersonId,
    pub gemeente_id: OrganisatieId,
    pub nummer: i32,
    pub status: PipStatus,
    pub inhoud: PipInhoud,
    pub dagtekening: Option<NaiveDate>,
    pub opgesteld_door: Option<GebruikerId>,
    pub opgesteld_door_naam: Option<String>,
    /// Who last saved the concept (four-eyes counts them as a drafter too).
    pub gewijzigd_door: Option<GebruikerId>,
    pub vastgesteld_door: Option<GebruikerId>,
    pub vastgesteld_door_naam: Option<String>,
    pub vastgesteld_op: Option<DateTime<Utc>>,
    pub ingetrokken_op: Option<NaiveDate>,
    pub intrekking_toelichting: Option<String>,
    pub versie: i64,
    pub aangemaakt_op: DateTime<Utc>,
    pub gewijzigd_op: DateTime<Utc>,
}

impl std::fmt::Debug for PipVersie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PipVersie")
            .field("id", &self.id)
            .field("nummer", &self.nummer)
            .field("status", &self.status)
            .field("versie", &self.versie)
            .finish_non_exhaustive()
    }
}

/// A line of the versions list (no content blocks).
#[derive(Debug, Clone)]
pub struct PipSamenvatting {
    pub id: Uuid,
    pub nummer: i32,
    pub status: PipStatus,
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
    pub reden: Option<PipWijzigingsreden>,
    pub dagtekening: Option<NaiveDate>,
    pub opgesteld_door: Option<GebruikerId>,
    pub versie: i64,
    pub gewijzigd_op: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    nummer: i32,
    status: String,
    leerroute: Option<String>,
    niveau: Option<String>,
    reden: Option<String>,
    dagtekening: Option<NaiveDate>,
    opgesteld_door: Option<Uuid>,
    versie: i64,
    gewijzigd_op: DateTime<Utc>,
}

fn corrupt(what: &str) -> StorageError {
    StorageError::Corrupt(format!("pip_versies.{what}"))
}

fn opt_code<T>(
    v: Option<String>,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> StorageResult<Option<T>> {
    v.map(|s| parse(&s).ok_or_else(|| corrupt(what)))
        .transpose()
}

/// A person's versions, newest first, within the scope.
pub async fn list(
    db: &Db,
    scope: PersonScope,
    persoon: PersonId,
) -> StorageResult<Vec<PipSamenvatting>> {
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok(vec![]);
    };
    const SQL: &str = "SELECT id, nummer, status, leerroute, niveau, reden, dagtekening, opgesteld_door, versie, gewijzigd_op \
                       FROM pip_versies WHERE persoon_id = $1 AND gemeente_id = $2 ORDER BY nummer DESC";
    let rows: Vec<SummaryRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)?;
    rows.into_iter()
        .map(|r| {
            Ok(PipSamenvatting {
                id: r.id,
                nummer: r.nummer,
                status: PipStatus::parse(&r.status).ok_or_else(|| corrupt("status"))?,
                leerroute: opt_code(r.leerroute, Leerroute::parse, "leerroute")?,
                niveau: opt_code(r.niveau, Niveau::parse, "niveau")?,
                reden: opt_code(r.reden, PipWijzigingsreden::parse, "reden")?,
                dagtekening: r.dagtekening,
                opgesteld_door: r.opgesteld_door.map(GebruikerId),
                versie: r.versie,
                gewijzigd_op: r.gewijzigd_op,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct VersieRow {
    id: Uuid,
    persoon_id: Uuid,
    gemeente_id: Uuid,
    nummer: i32,
    status: String,
    reden: Option<String>,
    reden_toelichting: Option<String>,
    leerroute: Option<String>,
    niveau: Option<String>,
    alfabetisering: Option<String>,
    intensiteit_uren: Option<i32>,
    aantal_voortgangsgesprekken: Option<i32>,
    inhoud: String,
    dagtekening: Option<NaiveDate>,
    opgesteld_door: Option<Uuid>,
    opgesteld_door_naam: Option<String>,
    gewijzigd_door: Option<Uuid>,
    vastgesteld_door: Option<Uuid>,
    vastgesteld_door_naam: Option<String>,
    vastgesteld_op: Option<DateTime<Utc>>,
    ingetrokken_op: Option<NaiveDate>,
    intrekking_toelichting: Option<String>,
    versie: i64,
    aangemaakt_op: DateTime<Utc>,
    gewijzigd_op: DateTime<Utc>,
}

/// One version of a person, within the scope (404 outside it or for another person's version).
pub async fn get(
    db: &Db,
    scope: PersonScope,
    persoon: PersonId,
    id: Uuid,
) -> StorageResult<PipVersie> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = "SELECT v.id, v.persoon_id, v.gemeente_id, v.nummer, v.status, v.reden, v.reden_toelichting, \
                       v.leerroute, v.niveau, v.alfabetisering, v.intensiteit_uren, v.aantal_voortgangsgesprekken, v.inhoud, \
                       v.dagtekening, v.opgesteld_door, o.naam AS opgesteld_door_naam, v.gewijzigd_door, v.vastgesteld_door, \
                       b.naam AS vastgesteld_door_naam, v.vastgesteld_op, v.ingetrokken_op, v.intrekking_toelichting, \
                       v.versie, v.aangemaakt_op, v.gewijzigd_op \
                       FROM pip_versies v LEFT JOIN gebruikers o ON o.id = v.opgesteld_door \
                       LEFT JOIN gebruikers b ON b.id = v.vastgesteld_door \
                       WHERE v.id = $1 AND v.persoon_id = $2 AND v.gemeente_id = $3";
    let row: Option<VersieRow> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(id)
        .bind(persoon.0)
        .bind(gemeente.0)
        .fetch_optional(p)
        .await)?;
    let r = row.ok_or(StorageError::NotFound)?;
    let blokken: PipBlokken = serde_json::from_str(&r.inhoud).map_err(|_| corrupt("inhoud"))?;
    let (doelen, activiteiten) = items::read(db, r.id).await?;
    let uint = |v: Option<i32>, what: &str| {
        v.map(|n| u32::try_from(n).map_err(|_| corrupt(what)))
            .transpose()
    };
    Ok(PipVersie {
        id: r.id,
        persoon_id: PersonId(r.persoon_id),
        gemeente_id: OrganisatieId(r.gemeente_id),
        nummer: r.nummer,
        status: PipStatus::parse(&r.status).ok_or_else(|| corrupt("status"))?,
        inhoud: PipInhoud {
            leerroute: opt_code(r.leerroute, Leerroute::parse, "leerroute")?,
            niveau: opt_code(r.niveau, Niveau::parse, "niveau")?,
            alfabetisering: opt_code(r.alfabetisering, AlfaIndicator::parse, "alfabetisering")?,
            intensiteit_uren: uint(r.intensiteit_uren, "intensiteit_uren")?,
            aantal_voortgangsgesprekken: uint(
                r.aantal_voortgangsgesprekken,
                "aantal_voortgangsgesprekken",
            )?,
            reden: opt_code(r.reden, PipWijzigingsreden::parse, "reden")?,
            reden_toelichting: r.reden_toelichting.unwrap_or_default(),
            blokken,
            doelen,
            activiteiten,
        },
        dagtekening: r.dagtekening,
        opgesteld_door: r.opgesteld_door.map(GebruikerId),
        opgesteld_door_naam: r.opgesteld_door_naam,
        gewijzigd_door: r.gewijzigd_door.map(GebruikerId),
        vastgesteld_door: r.vastgesteld_door.map(GebruikerId),
        vastgesteld_door_naam: r.vastgesteld_door_naam,
        vastgesteld_op: r.vastgesteld_op,
        ingetrokken_op: r.ingetrokken_op,
        intrekking_toelichting: r.intrekking_toelichting,
        versie: r.versie,
        aangemaakt_op: r.aangemaakt_op,
        gewijzigd_op: r.gewijzigd_op,
    })
}
