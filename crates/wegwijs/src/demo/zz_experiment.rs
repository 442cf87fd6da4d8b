//! TEMPORARY experiment: multi-row inserts vs one statement per row. Removed before hand-off.
use chrono::{TimeZone, Utc};
use sqlx::QueryBuilder;
use wegwijs_storage::{Db, DbOptions};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "experiment"]
async fn multi_row() {
    let path = "/tmp/wegwijs-exp.db";
    for s in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{s}"));
    }
    let db = Db::connect(&format!("sqlite://{path}"), &DbOptions::default())
        .await
        .expect("c");
    db.migrate().await.expect("m");
    let now = Utc
        .with_ymd_and_hms(2026, 5, 1, 9, 0, 0)
        .single()
        .expect("t");
    let mut data = super::generate::generate(250_000, 2021, now.date_naive());
    super::insert::organisations_and_staff(&db, &mut data, "x", now)
        .await
        .expect("orgs");
    let pool = db.sqlite_writer().expect("sqlite").clone();
    let t = std::time::Instant::now();
    for chunk in data.persons.chunks(5000) {
        let mut tx = pool.begin().await.expect("b");
        for rows in chunk.chunks(100) {
            let mut qb: QueryBuilder<sqlx::Sqlite> = QueryBuilder::new(
                "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, bsn, v_nummer, voornamen, tussenvoegsel, geslachtsnaam, zoek_achternaam, \
    zoek_voornamen, geboortedatum, geslacht, geboorteland, nationaliteit, talen, tolk_nodig, tolk_taal, \
    alfabetisering, opleidingsniveau, werkervaring, doelgroep, regime, uitkering_pw, uitkering_pw_startdatum, \
    datum_koppeling, datum_brp_inschrijving, datum_kennisgeving_duo, datum_huisvesting, straat, huisnummer, \
    postcode, woonplaats, telefoon, email, aangemaakt_op, gewijzigd_op, gewijzigd_door) ",
            );
            qb.push_values(rows, |mut b, p| {
                let d = &p.details;
                b.push_bind(p.id.0)
                    .push_bind(p.gemeente.0)
                    .push_bind(p.regisseur.map(|r| r.0))
                    .push_bind(1i64)
                    .push_bind(d.bsn.as_ref().map(|b| b.as_str().to_string()))
                    .push_bind(d.v_nummer.as_ref().map(|v| v.as_str().to_string()))
                    .push_bind(d.voornamen.clone())
                    .push_bind(d.tussenvoegsel.clone())
                    .push_bind(d.geslachtsnaam.clone())
                    .push_bind(wegwijs_storage::persons::search_key(&d.geslachtsnaam))
                    .push_bind(wegwijs_storage::persons::search_key(&d.voornamen))
                    .push_bind(d.geboortedatum)
                    .push_bind(d.geslacht.map(|v| v.code()))
                    .push_bind(d.geboorteland.clone())
                    .push_bind(d.nationaliteit.clone())
                    .push_bind(d.talen.clone())
                    .push_bind(d.tolk_nodig)
                    .push_bind(d.tolk_taal.clone())
                    .push_bind(d.alfabetisering.map(|v| v.code()))
                    .push_bind(d.opleidingsniveau.map(|v| v.code()))
                    .push_bind(d.werkervaring.map(|v| v.code()))
                    .push_bind(d.doelgroep.map(|v| v.code()))
                    .push_bind(d.regime.map(|v| v.code()))
                    .push_bind(d.uitkering_pw)
                    .push_bind(d.uitkering_pw_startdatum)
                    .push_bind(d.datum_koppeling)
                    .push_bind(d.datum_brp_inschrijving)
                    .push_bind(d.datum_kennisgeving_duo)
                    .push_bind(d.datum_huisvesting)
                    .push_bind(d.straat.clone())
                    .push_bind(d.huisnummer.clone())
                    .push_bind(d.postcode.as_ref().map(|p| p.as_str().to_string()))
                    .push_bind(d.woonplaats.clone())
                    .push_bind(d.telefoon.clone())
                    .push_bind(d.email.clone())
                    .push_bind(now)
                    .push_bind(now)
                    .push_bind(None::<uuid::Uuid>);
            });
            qb.build().execute(&mut *tx).await.expect("insert");
        }
        tx.commit().await.expect("commit");
    }
    let persons = t.elapsed();
    let t = std::time::Instant::now();
    for chunk in data.households.chunks(2000) {
        let mut tx = pool.begin().await.expect("b");
        for rows in chunk.chunks(200) {
            let mut qb: QueryBuilder<sqlx::Sqlite> = QueryBuilder::new(
                "INSERT INTO huishoudens (id, gemeente_id, omschrijving, versie, aangemaakt_op, gewijzigd_op) ",
            );
            qb.push_values(rows, |mut b, h| {
                b.push_bind(h.id.0)
                    .push_bind(h.gemeente.0)
                    .push_bind(h.omschrijving.clone())
                    .push_bind(1i64)
                    .push_bind(now)
                    .push_bind(now);
            });
            qb.build().execute(&mut *tx).await.expect("hh");
            let leden: Vec<_> = rows
                .iter()
                .flat_map(|h| h.leden.iter().map(move |l| (h.id, *l)))
                .collect();
            let mut qb: QueryBuilder<sqlx::Sqlite> = QueryBuilder::new(
                "INSERT INTO huishouden_leden (huishouden_id, persoon_id, relatie, nareiziger) ",
            );
            qb.push_values(leden, |mut b, (h, l)| {
                b.push_bind(h.0)
                    .push_bind(l.persoon_id.0)
                    .push_bind(l.relatie.code())
                    .push_bind(l.nareiziger);
            });
            qb.build().execute(&mut *tx).await.expect("leden");
        }
        tx.commit().await.expect("commit");
    }
    println!(
        "EXP multi-row: persons {:.2}s households {:.2}s",
        persons.as_secs_f64(),
        t.elapsed().as_secs_f64()
    );
    db.close().await;
}
