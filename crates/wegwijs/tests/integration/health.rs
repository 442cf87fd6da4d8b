//! `/health` and the audit writer: an instance that cannot write audit rows says so (503,
//! problem+json) and shows no dossier; a writer task that dies is restarted.

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::harness::{TestApp, TestResponse, person_json};

async fn health(app: &TestApp) -> TestResponse {
    app.send(
        Request::builder()
            .uri("/health")
            .body(Body::empty())
            .expect("req"),
    )
    .await
}

/// Makes every audit insert fail inside the database.
async fn break_audit(app: &TestApp) {
    let sql: &[&'static str] = if app.is_postgres() {
        &[
            "CREATE FUNCTION fail_all_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             RAISE EXCEPTION 'audit storage broken'; END; $$",
            "CREATE TRIGGER fail_all_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_all_audit()",
        ]
    } else {
        &["CREATE TRIGGER fail_all_audit BEFORE INSERT ON audit_log \
           BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END"]
    };
    app.execute(sql).await;
}

async fn repair_audit(app: &TestApp) {
    let sql: &[&'static str] = if app.is_postgres() {
        &["DROP TRIGGER fail_all_audit ON audit_log"]
    } else {
        &["DROP TRIGGER fail_all_audit"]
    };
    app.execute(sql).await;
}

#[tokio::test]
async fn health_is_503_problem_json_while_audit_rows_cannot_be_written() {
    let app = TestApp::spawn().await;
    let ok = health(&app).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(ok.json()["auditWriter"]["running"], true);
    assert_eq!(ok.json()["auditWriter"]["restarts"], 0);

    break_audit(&app).await;
    let down = health(&app).await;
    assert_eq!(down.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(down.header("content-type"), "application/problem+json");
    let p = down.json();
    assert_eq!(p["status"], 503);
    assert!(
        p["detail"].as_str().is_some_and(|d| d.contains("auditlog")),
        "{p}"
    );
    assert!(
        !down.body.contains("audit storage broken"),
        "internals are not shown"
    );

    repair_audit(&app).await;
    assert_eq!(health(&app).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_dossier_is_not_shown_when_its_audit_row_cannot_be_written() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Zichtbaarniet", None))
        .await;
    let before = app.audit_count(&id).await;
    break_audit(&app).await;
    let page = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        !page.body.contains("Zichtbaarniet"),
        "no data without its audit row"
    );
    let api = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await;
    assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!api.body.contains("Zichtbaarniet"));
    let list = app.get_api(&r.regisseur, "/api/v1/personen").await;
    assert_eq!(list.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!list.body.contains("Zichtbaarniet"));
    repair_audit(&app).await;
    assert_eq!(
        app.audit_count(&id).await,
        before,
        "nothing was logged, nothing shown"
    );
    let shown = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Zichtbaarniet"));
}

#[tokio::test]
async fn a_dead_audit_writer_is_restarted_and_health_counts_it() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let writer = app.state.app.audit_writer();
    writer.inject_panic().await;
    // A request that was queued with the dying batch gets an error (not a hang); wait for the restart.
    for _ in 0..200 {
        if writer.health().restarts == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let h = health(&app).await;
    assert_eq!(h.status, StatusCode::OK, "{}", h.body);
    assert_eq!(h.json()["auditWriter"]["restarts"], 1);
    assert_eq!(h.json()["auditWriter"]["running"], true);
    let page = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
}
