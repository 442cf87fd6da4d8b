//! The repository contract, the same on SQLite and PostgreSQL.

use chrono::{Duration, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::{PersonDetails, RawPerson};
use wegwijs_storage::persons::{self, ListQuery, Sort};
use wegwijs_storage::{StorageError, sessions};

use crate::harness::TestApp;

fn details(
    voornamen: &str,
    geslachtsnaam: &str,
    geboren: Option<&str>,
    koppeling: Option<&str>,
) -> PersonDetails {
    let raw = RawPerson {
        voornamen: Some(voornamen.into()),
        geslachtsnaam: Some(geslachtsnaam.into()),
        geboortedatum: geboren.map(Into::into),
        datum_koppeling: koppeling.map(Into::into),
        ..RawPerson::default()
    };
    PersonDetails::parse(&raw, NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")).expect("valid")
}

#[tokio::test]
async fn scoped_reads_never_return_another_gemeentes_person() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = PersonId(Uuid::now_v7());
    let mut tx = app.db.begin().await.expect("tx");
    persons::insert(
        &mut tx,
        id,
        r.weert,
        None,
        &details("A", "B", None, None),
        None,
        Utc::now(),
    )
    .await
    .expect("insert");
    tx.commit().await.expect("commit");
    assert!(
        persons::get(&app.db, PersonScope::Gemeente(r.weert), id)
            .await
            .is_ok()
    );
    assert!(matches!(
        persons::get(&app.db, PersonScope::Gemeente(r.nederweert), id).await,
        Err(StorageError::NotFound)
    ));
    assert!(matches!(
        persons::get(&app.db, PersonScope::Nothing, id).await,
        Err(StorageError::NotFound)
    ));
    let page = persons::list(
        &app.db,
        PersonScope::Gemeente(r.nederweert),
        &ListQuery {
            per_pagina: 10,
            ..Default::default()
        },
    )
    .await
    .expect("list");
    assert_eq!(page.totaal, 0);
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = PersonId(Uuid::now_v7());
    let mut tx = app.db.begin().await.expect("tx");
    persons::insert(
        &mut tx,
        id,
        r.weert,
        None,
        &details("A", "Oud", None, None),
        None,
        Utc::now(),
    )
    .await
    .expect("insert");
    assert_eq!(
        persons::update(
            &mut tx,
            id,
            r.weert,
            &details("A", "Nieuw", None, None),
            1,
            r.regisseur.id,
            Utc::now()
        )
        .await
        .expect("update"),
        2
    );
    let stale = persons::update(
        &mut tx,
        id,
        r.weert,
        &details("A", "Verloren", None, None),
        1,
        r.regisseur.id,
        Utc::now(),
    )
    .await;
    assert!(
        matches!(
            stale,
            Err(StorageError::Conflict {
                expected: 1,
                current: 2
            })
        ),
        "{stale:?}"
    );
    let other_gemeente = persons::update(
        &mut tx,
        id,
        r.nederweert,
        &details("A", "X", None, None),
        2,
        r.regisseur.id,
        Utc::now(),
    )
    .await;
    assert!(matches!(other_gemeente, Err(StorageError::NotFound)));
    tx.commit().await.expect("commit");
    let p = persons::get(&app.db, PersonScope::Gemeente(r.weert), id)
        .await
        .expect("get");
    assert_eq!(p.details.geslachtsnaam, "Nieuw");
    assert_eq!(p.versie, 2);
}

#[tokio::test]
async fn sorting_is_the_same_on_both_backends() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut tx = app.db.begin().await.expect("tx");
    for (name, born, linked) in [
        ("Bravo", Some("1980-01-01"), None),
        ("Alfa", Some("1990-01-01"), Some("2025-01-01")),
        ("Charlie", None, Some("2026-01-01")),
    ] {
        persons::insert(
            &mut tx,
            PersonId(Uuid::now_v7()),
            r.weert,
            None,
            &details("X", name, born, linked),
            None,
            Utc::now(),
        )
        .await
        .expect("insert");
    }
    tx.commit().await.expect("commit");
    let names = |sort: Sort| {
        let db = app.db.clone();
        let scope = PersonScope::Gemeente(r.weert);
        async move {
            let q = ListQuery {
                sort,
                per_pagina: 10,
                ..Default::default()
            };
            persons::list(&db, scope, &q)
                .await
                .expect("list")
                .items
                .into_iter()
                .map(|p| p.geslachtsnaam)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(names(Sort::Naam).await, ["Alfa", "Bravo", "Charlie"]);
    assert_eq!(
        names(Sort::KoppelingNieuwste).await,
        ["Charlie", "Alfa", "Bravo"],
        "unknown dates last"
    );
    assert_eq!(
        names(Sort::Geboortedatum).await,
        ["Bravo", "Alfa", "Charlie"],
        "unknown dates last"
    );
}

#[tokio::test]
async fn expired_sessions_are_not_found_and_are_swept() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let now = Utc::now();
    let mut tx = app.db.begin().await.expect("tx");
    let new = sessions::NewSession {
        token_hash: "verlopen",
        gebruiker_id: r.regisseur.id,
        csrf_token: "x",
        tweede_factor_nodig: false,
        verloopt_op: now - Duration::minutes(1),
    };
    sessions::insert(&mut tx, &new, now - Duration::hours(2))
        .await
        .expect("insert");
    tx.commit().await.expect("commit");
    assert!(
        sessions::find(&app.db, "verlopen", now)
            .await
            .expect("find")
            .is_none()
    );
    assert!(sessions::delete_expired(&app.db, now).await.expect("sweep") >= 1);
}

#[tokio::test]
async fn the_schema_is_migrated_and_versioned() {
    let app = TestApp::spawn().await;
    assert!(app.db.schema_version().await.expect("version") >= 1);
    app.db.migrate().await.expect("migrating twice is a no-op");
}
