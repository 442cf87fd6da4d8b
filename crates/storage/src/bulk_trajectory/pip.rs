//! Bulk INSERTs of PIP versions with their goals and activities.

use chrono::{DateTime, Utc};

use super::{BulkPip, BulkPipActiviteit, BulkPipDoel, moment, uid};
use crate::{StorageResult, Tx};

pub async fn insert_pip_versies(tx: &mut Tx, rows: &[BulkPip]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO pip_versies (id, persoon_id, gemeente_id, nummer, status, reden, \
        reden_toelichting, leerroute, niveau, alfabetisering, intensiteit_uren, \
        aantal_voortgangsgesprekken, inhoud, dagtekening, opgesteld_door, vastgesteld_door, \
        vastgesteld_op, ingetrokken_op, versie, aangemaakt_op, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 21, rows, |b, r| {
        let vastgesteld: Option<DateTime<Utc>> = r.dagtekening.map(moment);
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.gemeente.0)
            .push_bind(r.nummer)
            .push_bind(r.status)
            .push_bind(r.reden)
            .push_bind(r.reden_toelichting)
            .push_bind(r.leerroute)
            .push_bind(r.niveau)
            .push_bind(r.alfabetisering)
            .push_bind(r.intensiteit_uren)
            .push_bind(r.aantal_voortgangsgesprekken)
            .push_bind(r.inhoud.as_str())
            .push_bind(r.dagtekening)
            .push_bind(uid(r.door))
            .push_bind(uid(r.dagtekening.and(r.door)))
            .push_bind(vastgesteld)
            .push_bind(None::<chrono::NaiveDate>)
            .push_bind(1i64)
            .push_bind(moment(r.aangemaakt_op))
            .push_bind(moment(r.gewijzigd_op));
    });
    Ok(())
}

pub async fn insert_pip_doelen(tx: &mut Tx, rows: &[BulkPipDoel]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO pip_doelen (pip_id, doel_id, volgorde, leefdomein, omschrijving, \
        streefdatum, uitvoerder, status) ";
    bulk_insert!(tx, HEAD, 8, rows, |b, r| {
        b.push_bind(r.pip_id)
            .push_bind(r.doel_id)
            .push_bind(r.volgorde)
            .push_bind(r.leefdomein)
            .push_bind(r.omschrijving)
            .push_bind(r.streefdatum)
            .push_bind(r.uitvoerder)
            .push_bind(r.status);
    });
    Ok(())
}

pub async fn insert_pip_activiteiten(tx: &mut Tx, rows: &[BulkPipActiviteit]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO pip_activiteiten (pip_id, activiteit_id, volgorde, doel_id, \
        omschrijving, aanbieder, uren_per_week, startdatum, einddatum) ";
    bulk_insert!(tx, HEAD, 9, rows, |b, r| {
        b.push_bind(r.pip_id)
            .push_bind(r.activiteit_id)
            .push_bind(r.volgorde)
            .push_bind(r.doel_id)
            .push_bind(r.omschrijving)
            .push_bind(r.aanbieder)
            .push_bind(r.uren_per_week)
            .push_bind(r.startdatum)
            .push_bind(r.einddatum);
    });
    Ok(())
}
