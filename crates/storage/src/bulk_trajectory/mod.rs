//! Bulk loading of trajectory rows (schema 0009) for the demo generator and the benchmark: many rows
//! per statement, no pre-checks (the generator makes consistent, unique rows). Row types are plain
//! data; codes are `&'static str` from the domain's code lists, so a row costs few allocations.
//! The caller chooses the transactions (see `demo::insert_trajectory`).

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::{StorageResult, Tx};
pub use pip::{insert_pip_activiteiten, insert_pip_doelen, insert_pip_versies};
pub use progress::{
    insert_afrondingen, insert_duo_besluiten, insert_examens, insert_uren, insert_verlengingen,
    insert_voortgangsgesprekken,
};
pub use rows::*;

/// SQLite: one multi-row INSERT per chunk of `$rows`. PostgreSQL: one COPY of all `$rows`
/// (`copy_text`), built by the same row body.
macro_rules! bulk_insert {
    ($tx:expr, $head:expr, $cols:expr, $rows:expr, |$b:ident, $r:ident| $body:block) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                for chunk in
                    $rows.chunks(($crate::bulk_trajectory::PARAMS_PER_STATEMENT / $cols).max(1))
                {
                    let mut qb = sqlx::QueryBuilder::new($head);
                    qb.push_values(chunk, |mut $b, $r| $body);
                    qb.build().execute(&mut **t).await?;
                }
            }
            $crate::Tx::Pg(t) => {
                let statement = $crate::bulk_trajectory::copy_text::copy_statement($head);
                let mut copy = (&mut **t).copy_in_raw(&statement).await?;
                let mut text = $crate::bulk_trajectory::copy_text::CopyText::new();
                for $r in $rows.iter() {
                    {
                        let mut $b = text.row();
                        $body
                    }
                    text.end_row();
                    if text.full() {
                        copy.send(text.take().into_bytes()).await?;
                    }
                }
                copy.send(text.take().into_bytes()).await?;
                copy.finish().await?;
            }
        }
    };
}

mod copy_text;
mod pip;
mod progress;
mod rows;

/// Bind parameters per statement: well below SQLite's 32,766 and PostgreSQL's 65,535, and large
/// enough that statement overhead is small.
pub(crate) const PARAMS_PER_STATEMENT: usize = 6_000;

/// The stored moment of a demo event: 10:00 UTC on its day (only the day means anything).
pub fn moment(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc()
}

pub(crate) fn uid(g: Option<wegwijs_domain::ids::GebruikerId>) -> Option<Uuid> {
    g.map(|g| g.0)
}

pub async fn insert_taakstellingen(
    tx: &mut Tx,
    rows: &[BulkTaakstelling],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const HEAD: &str =
        "INSERT INTO taakstellingen (gemeente_id, jaar, halfjaar, aantal, versie, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 6, rows, |b, r| {
        b.push_bind(r.gemeente.0)
            .push_bind(r.jaar)
            .push_bind(r.halfjaar)
            .push_bind(r.aantal)
            .push_bind(1i64)
            .push_bind(now);
    });
    Ok(())
}

pub async fn insert_koppelingen(tx: &mut Tx, rows: &[BulkKoppeling]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO koppelingen (persoon_id, gemeente_id, taakstelling_jaar, \
        taakstelling_halfjaar, azc_locatie, coa_contact, profiel, voorintake, overdracht, \
        overdracht_datum, versie, gewijzigd_door, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 13, rows, |b, r| {
        b.push_bind(r.persoon.0)
            .push_bind(r.gemeente.0)
            .push_bind(r.taakstelling.map(|t| t.0))
            .push_bind(r.taakstelling.map(|t| t.1))
            .push_bind(r.azc_locatie)
            .push_bind(r.coa_contact.as_deref())
            .push_bind(r.profiel.as_str())
            .push_bind(r.voorintake.as_str())
            .push_bind(r.overdracht.as_str())
            .push_bind(r.overdracht_datum)
            .push_bind(1i64)
            .push_bind(uid(r.door))
            .push_bind(moment(r.op));
    });
    Ok(())
}

pub async fn insert_intakes(tx: &mut Tx, rows: &[BulkIntake]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO intakes (persoon_id, gemeente_id, gestart_op, afgerond_op, \
        versie, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 6, rows, |b, r| {
        b.push_bind(r.persoon.0)
            .push_bind(r.gemeente.0)
            .push_bind(r.gestart_op)
            .push_bind(r.afgerond_op)
            .push_bind(1i64)
            .push_bind(moment(r.afgerond_op.unwrap_or(r.gestart_op)));
    });
    Ok(())
}

pub async fn insert_intake_gesprekken(
    tx: &mut Tx,
    rows: &[BulkIntakeGesprek],
) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO intake_gesprekken (id, persoon_id, datum, plaats, deelnemers, \
        tolk_taal, tolk_soort, notities, versie, aangemaakt_door, aangemaakt_op) ";
    bulk_insert!(tx, HEAD, 11, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.datum)
            .push_bind(r.plaats)
            .push_bind(r.deelnemers)
            .push_bind(r.tolk_taal.as_deref())
            .push_bind(r.tolk_soort)
            .push_bind(r.notities)
            .push_bind(1i64)
            .push_bind(uid(r.door))
            .push_bind(moment(r.datum));
    });
    Ok(())
}

pub async fn insert_intake_secties(tx: &mut Tx, rows: &[BulkIntakeSectie]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO intake_secties (persoon_id, sectie, versie, status, inhoud, \
        bijzonder, gewijzigd_door, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 8, rows, |b, r| {
        b.push_bind(r.persoon.0)
            .push_bind(r.sectie.as_str())
            .push_bind(r.versie)
            .push_bind(r.status)
            .push_bind(r.inhoud.as_str())
            .push_bind(r.bijzonder)
            .push_bind(uid(r.door))
            .push_bind(moment(r.op));
    });
    Ok(())
}
