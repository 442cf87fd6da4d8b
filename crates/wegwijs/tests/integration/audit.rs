//! The verwerkingenlog: every read and write of personal data leaves exactly the rows described,
//! writes and their rows commit together, and the log cannot be changed.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, bsn, person_json};

#[tokio::test]
async fn creating_reading_and_changing_a_person_leave_exactly_one_row_each() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .post_api(
            &r.regisseur,
            "/api/v1/personen",
            &person_json("Amal", "Demouri", Some(&bsn(2))),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED);
    let id = res.json()["id"].as_str().expect("id").to_string();
    // Create answers with the stored record; the creation row is its audit.
    assert_eq!(app.audit_actions(&id).await, ["persoon_aangemaakt"]);

    let get = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(
        app.audit_actions(&id).await,
        ["persoon_aangemaakt", "persoon_inzien"]
    );

    let page = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let rows = wegwijs_storage::audit::for_person(
        &app.db,
        wegwijs_domain::ids::PersonId(id.parse().expect("uuid")),
        1,
        0,
    )
    .await
    .expect("rows");
    let last = &rows[0];
    assert_eq!(last.actie.code(), "persoon_inzien");
    assert_eq!(last.bron, "ui");
    assert_eq!(
        last.gebruiker_naam.as_deref(),
        Some("Test regisseur@weert.test")
    );
    assert_eq!(last.organisatie_naam.as_deref(), Some("Weert"));
    assert_eq!(last.verwerkingsactiviteit, "regie-inburgering");
    assert!(last.grondslag.contains("Wet inburgering 2021"));
    assert_eq!(
        last.trace_id,
        page.header("x-request-id"),
        "the row carries the request id"
    );

    let mut body = person_json("Amal", "Demouri-Haddad", Some(&bsn(2)));
    body["talen"] = json!("Arabisch, Engels");
    let put = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &body,
            &get.header("etag"),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let actions = app.audit_actions(&id).await;
    assert_eq!(
        actions[3..],
        ["persoon_gewijzigd", "persoon_inzien"],
        "{actions:?}"
    );
    let rows = wegwijs_storage::audit::for_person(
        &app.db,
        wegwijs_domain::ids::PersonId(id.parse().expect("uuid")),
        2,
        0,
    )
    .await
    .expect("rows");
    let change = rows
        .iter()
        .find(|r| r.actie.code() == "persoon_gewijzigd")
        .expect("change row");
    assert_eq!(
        change.details.as_deref(),
        Some("velden: geslachtsnaam, talen"),
        "names the changed fields, never values"
    );
}

#[tokio::test]
async fn a_list_logs_one_row_per_person_shown() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut ids = vec![];
    for i in 0..3 {
        ids.push(
            app.person(
                &r.regisseur,
                person_json("Amal", &format!("Demouri{i}"), None),
            )
            .await
            .0,
        );
    }
    let before: Vec<i64> = futures_counts(&app, &ids).await;
    let list = app
        .get_api(&r.regisseur, "/api/v1/personen?paginaGrootte=2")
        .await;
    assert_eq!(list.json()["personen"].as_array().map(Vec::len), Some(2));
    let after: Vec<i64> = futures_counts(&app, &ids).await;
    let added: i64 = after.iter().zip(&before).map(|(a, b)| a - b).sum();
    assert_eq!(added, 2, "exactly the two rows shown are logged");
}

async fn futures_counts(app: &TestApp, ids: &[String]) -> Vec<i64> {
    let mut out = vec![];
    for id in ids {
        out.push(app.audit_count(id).await);
    }
    out
}

#[tokio::test]
async fn a_failed_write_leaves_neither_the_change_nor_an_audit_row() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let rows_before = app.audit_count(&id).await;

    // Make the audit insert of a change fail inside the database, after the person row was updated.
    let sql = if app.is_postgres() {
        vec![
            "CREATE FUNCTION fail_change_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'persoon_gewijzigd' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_change_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_change_audit()",
        ]
    } else {
        vec![
            "CREATE TRIGGER fail_change_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'persoon_gewijzigd' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ]
    };
    app.execute(&sql).await;

    let put = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &person_json("Amal", "Gewijzigd", None),
            &etag,
        )
        .await;
    assert_eq!(put.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(put.header("content-type"), "application/problem+json");
    assert!(
        !put.body.contains("audit storage broken"),
        "internals are not shown"
    );
    let now = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(
        now["geslachtsnaam"], "Demouri",
        "the change was rolled back with its audit row"
    );
    assert_eq!(now["versie"], 1);
    let actions = app.audit_actions(&id).await;
    assert!(!actions.contains(&"persoon_gewijzigd".to_string()));
    assert_eq!(
        actions.len() as i64,
        rows_before + 1,
        "only the read just made was added"
    );
}

#[tokio::test]
async fn a_refused_write_leaves_no_audit_row() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let before = app.audit_count(&id).await;
    let bad = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &person_json("Amal", "", None),
            "\"1\"",
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let stale = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &person_json("Amal", "X", None),
            "\"7\"",
        )
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(app.audit_count(&id).await, before);
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    for s in [
        "UPDATE audit_log SET actie = 'iets_anders'",
        "DELETE FROM audit_log",
    ] {
        let mut tx = app.db.begin().await.expect("tx");
        let res = match &mut tx {
            wegwijs_storage::Tx::Sqlite(t) => sqlx::query(s).execute(&mut **t).await.map(|_| ()),
            wegwijs_storage::Tx::Pg(t) => sqlx::query(s).execute(&mut **t).await.map(|_| ()),
        };
        assert!(res.is_err(), "{s} must be refused");
        let _ = tx.rollback().await;
    }
    assert!(app.audit_count(&id).await >= 1);
}

#[tokio::test]
async fn who_saw_this_record_shows_the_readers_to_the_teamleider() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    app.get_page(&r.regisseur2, &format!("/personen/{id}"))
        .await;
    let page = app
        .get_page(&r.teamleider, &format!("/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Test regisseur2@weert.test"),
        "the reader is named"
    );
    assert!(
        page.body.contains("Persoon ingezien") || page.body.contains("ingezien"),
        "{}",
        page.body
    );
    let regisseur = app
        .get_page(&r.regisseur, &format!("/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(regisseur.status, StatusCode::FORBIDDEN);
    // Looking at the log is itself logged.
    assert!(
        app.audit_actions(&id)
            .await
            .contains(&"inzage_log_bekeken".to_string())
    );
}

#[tokio::test]
async fn a_registration_whose_audit_row_fails_is_not_kept() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let sql = if app.is_postgres() {
        vec![
            "CREATE FUNCTION fail_create_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'persoon_aangemaakt' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_create_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_create_audit()",
        ]
    } else {
        vec![
            "CREATE TRIGGER fail_create_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'persoon_aangemaakt' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ]
    };
    app.execute(&sql).await;
    let res = app
        .post_api(
            &r.regisseur,
            "/api/v1/personen",
            &person_json("Amal", "Demouri", Some(&bsn(50))),
        )
        .await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        wegwijs_storage::persons::count_all(&app.db)
            .await
            .expect("count"),
        0,
        "the person went with its audit row"
    );
}
