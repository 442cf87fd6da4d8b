//! Bad input gets a clear problem+json answer, never a 500, and nothing is saved.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestApp, TestResponse, person_json};

fn assert_problem(res: &TestResponse, status: StatusCode) -> Value {
    assert_eq!(res.status, status, "{}", res.body);
    assert_eq!(res.header("content-type"), "application/problem+json");
    assert_eq!(res.header("api-version"), "1.0.0");
    let p = res.json();
    assert_eq!(p["status"], status.as_u16());
    assert!(
        p["title"].is_string() && p["detail"].is_string() && p["type"].is_string(),
        "{p}"
    );
    p
}

fn invalid_names(p: &Value) -> Vec<String> {
    p["invalidParams"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["name"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn invalid_field_values_are_listed_per_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "bsn": "123456780"}),
            "bsn",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "geboortedatum": "2031-02-30"}),
            "geboortedatum",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "geboortedatum": "2999-01-01"}),
            "geboortedatum",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "doelgroep": "toerist"}),
            "doelgroep",
        ),
        (
            json!({"voornamen": "A".repeat(5000), "geslachtsnaam": "B"}),
            "voornamen",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": ""}),
            "geslachtsnaam",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "vNummer": "12"}),
            "vNummer",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "postcode": "0123 AB"}),
            "postcode",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "tolkNodig": true}),
            "tolkTaal",
        ),
    ];
    for (body, field) in cases {
        let res = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
        let p = assert_problem(&res, StatusCode::BAD_REQUEST);
        assert!(
            invalid_names(&p).contains(&field.to_string()),
            "{field}: {p}"
        );
    }
    let bsn = app
        .post_api(
            &r.regisseur,
            "/api/v1/personen",
            &json!({"voornamen": "A", "geslachtsnaam": "B", "bsn": "123456780"}),
        )
        .await;
    assert!(
        bsn.body.contains("elfproef"),
        "the message says why: {}",
        bsn.body
    );
    let list = app.get_api(&r.regisseur, "/api/v1/personen").await.json();
    assert_eq!(list["totaal"], 0, "nothing was saved");
}

#[tokio::test]
async fn malformed_or_mistyped_json_is_a_problem_not_a_crash() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let key = Some(r.regisseur.api_key.as_str());
    for body in [
        r#"{"bsn":"#,
        "[]",
        r#"{"voornamen":"A","geslachtsnaam":"B","tolkNodig":"misschien"}"#,
        r#"{"voornamen":"A","geslachtsnaam":"B","onbekendVeld":1}"#,
    ] {
        let res = app
            .api("POST", "/api/v1/personen", key, Some(body), None)
            .await;
        assert_problem(&res, StatusCode::BAD_REQUEST);
    }
    let huge = format!(
        r#"{{"voornamen":"{}","geslachtsnaam":"B"}}"#,
        "x".repeat(200_000)
    );
    let res = app
        .api("POST", "/api/v1/personen", key, Some(&huge), None)
        .await;
    assert!(res.status.is_client_error(), "{}", res.status);
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.json()["totaal"],
        0
    );
}

#[tokio::test]
async fn unknown_paths_ids_and_parameters_get_problem_json() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    assert_problem(
        &app.get_api(&r.regisseur, "/api/v1/bestaat-niet").await,
        StatusCode::NOT_FOUND,
    );
    assert_problem(
        &app.get_api(&r.regisseur, "/api/v1/personen/geen-uuid")
            .await,
        StatusCode::NOT_FOUND,
    );
    let missing = format!("/api/v1/personen/{}", uuid::Uuid::now_v7());
    assert_problem(
        &app.get_api(&r.regisseur, &missing).await,
        StatusCode::NOT_FOUND,
    );
    assert_problem(
        &app.get_api(&r.regisseur, "/api/v1/personen?pagina=x").await,
        StatusCode::BAD_REQUEST,
    );
    assert_problem(
        &app.get_api(&r.regisseur, "/api/v1/personen?sorteer=leeftijd")
            .await,
        StatusCode::BAD_REQUEST,
    );
    assert_problem(
        &app.get_api(&r.regisseur, "/api/v1/personen?paginaGrootte=5000")
            .await,
        StatusCode::BAD_REQUEST,
    );
}

#[tokio::test]
async fn a_duplicate_bsn_in_the_same_gemeente_points_to_the_existing_person() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let bsn = crate::harness::bsn(7);
    let (first, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", Some(&bsn)))
        .await;
    let dup = app
        .post_api(
            &r.regisseur2,
            "/api/v1/personen",
            &person_json("Ander", "Iemand", Some(&bsn)),
        )
        .await;
    let p = assert_problem(&dup, StatusCode::CONFLICT);
    assert_eq!(p["instance"], format!("/api/v1/personen/{first}"));
    assert_eq!(invalid_names(&p), ["bsn"]);
    // Another gemeente keeps its own register.
    let elsewhere = app
        .post_api(
            &r.other_regisseur,
            "/api/v1/personen",
            &person_json("Amal", "Demouri", Some(&bsn)),
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::CREATED);
    let mut v = person_json("Ander", "Iemand", None);
    v["vNummer"] = json!("1234567890");
    app.person(&r.regisseur, v.clone()).await;
    let dup_v = app.post_api(&r.regisseur, "/api/v1/personen", &v).await;
    assert_eq!(
        invalid_names(&assert_problem(&dup_v, StatusCode::CONFLICT)),
        ["vNummer"]
    );
}
