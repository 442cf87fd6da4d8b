//! Bulk INSERTs of the progress tables: termijn extensions, DUO decisions, reviews, exams, hours and
//! the completion row.

use super::{
    BulkAfronding, BulkDuoBesluit, BulkExamen, BulkUren, BulkVerlenging, BulkVoortgangsgesprek,
    moment, uid,
};
use crate::{StorageResult, Tx};

pub async fn insert_verlengingen(tx: &mut Tx, rows: &[BulkVerlenging]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO termijn_verlengingen (id, persoon_id, grond, besluitdatum, \
        nieuwe_einddatum, toelichting, aangemaakt_door, aangemaakt_op) ";
    bulk_insert!(tx, HEAD, 8, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.grond)
            .push_bind(r.besluitdatum)
            .push_bind(r.nieuwe_einddatum)
            .push_bind(r.toelichting)
            .push_bind(uid(r.door))
            .push_bind(moment(r.besluitdatum));
    });
    Ok(())
}

pub async fn insert_duo_besluiten(tx: &mut Tx, rows: &[BulkDuoBesluit]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO duo_besluiten (id, persoon_id, soort, type, volledig, onderdelen, \
        besluitdatum, aangemaakt_door, aangemaakt_op) ";
    bulk_insert!(tx, HEAD, 9, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.soort)
            .push_bind(r.type_)
            .push_bind(r.volledig)
            .push_bind(r.onderdelen)
            .push_bind(r.besluitdatum)
            .push_bind(uid(r.door))
            .push_bind(moment(r.besluitdatum));
    });
    Ok(())
}

pub async fn insert_voortgangsgesprekken(
    tx: &mut Tx,
    rows: &[BulkVoortgangsgesprek],
) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO voortgangsgesprekken (id, persoon_id, gepland_op, gehouden_op, \
        deelnemers, verslag, besluiten, doelvoortgang, pip_aanpassen, versie, aangemaakt_door, \
        aangemaakt_op, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 13, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.gepland_op)
            .push_bind(r.gehouden_op)
            .push_bind(r.deelnemers)
            .push_bind(r.verslag)
            .push_bind(r.besluiten)
            .push_bind(r.doelvoortgang.as_str())
            .push_bind(r.pip_aanpassen)
            .push_bind(1i64)
            .push_bind(uid(r.door))
            .push_bind(moment(r.aangemaakt_op))
            .push_bind(moment(r.gehouden_op.unwrap_or(r.aangemaakt_op)));
    });
    Ok(())
}

pub async fn insert_examens(tx: &mut Tx, rows: &[BulkExamen]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO examens (id, persoon_id, onderdeel, niveau, datum, uitslag, \
        aangemaakt_door, aangemaakt_op) ";
    bulk_insert!(tx, HEAD, 8, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.onderdeel)
            .push_bind(r.niveau)
            .push_bind(r.datum)
            .push_bind(r.uitslag)
            .push_bind(uid(r.door))
            .push_bind(moment(r.datum));
    });
    Ok(())
}

pub async fn insert_uren(tx: &mut Tx, rows: &[BulkUren]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO uren (id, persoon_id, soort, van, tot, uren, tijdens_intake, \
        omschrijving, aangemaakt_door, aangemaakt_op) ";
    bulk_insert!(tx, HEAD, 10, rows, |b, r| {
        b.push_bind(r.id)
            .push_bind(r.persoon.0)
            .push_bind(r.soort)
            .push_bind(r.van)
            .push_bind(r.tot)
            .push_bind(r.uren)
            .push_bind(r.tijdens_intake)
            .push_bind(r.omschrijving)
            .push_bind(uid(r.door))
            .push_bind(moment(r.tot));
    });
    Ok(())
}

pub async fn insert_afrondingen(tx: &mut Tx, rows: &[BulkAfronding]) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO traject_afronding (persoon_id, pvt_ondertekend_op, \
        map_eindgesprek_op, map_verwijtbaar, pvt_verwijtbaar, z_eindgesprek_op, \
        onderwijsroute_afgerond, voldaan_op, voldaan_grond, versie, gewijzigd_door, gewijzigd_op) ";
    bulk_insert!(tx, HEAD, 12, rows, |b, r| {
        b.push_bind(r.persoon.0)
            .push_bind(r.pvt_ondertekend_op)
            .push_bind(r.map_eindgesprek_op)
            .push_bind(None::<&str>)
            .push_bind(None::<&str>)
            .push_bind(r.z_eindgesprek_op)
            .push_bind(r.onderwijsroute_afgerond)
            .push_bind(r.voldaan_op)
            .push_bind(r.voldaan_grond)
            .push_bind(1i64)
            .push_bind(uid(r.door))
            .push_bind(moment(r.op));
    });
    Ok(())
}
