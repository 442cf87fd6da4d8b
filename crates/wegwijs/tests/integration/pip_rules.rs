//! A refused decision names its rule (422 problem+json, `code: "duo_regel"`) and saves nothing.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, person_json};
use crate::pip::{compleet, days_ago, decide, fill, inburgeraar, new_concept};

async fn refused(
    body_change: impl Fn(&mut serde_json::Value),
    dag: &str,
    regel: &str,
    words: &str,
) {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut body = compleet(v);
    body_change(&mut body);
    let f = fill(&app, &r.regisseur, &p, &pip, &body).await;
    let res = decide(
        &app,
        &r.regisseur,
        &p,
        &pip,
        dag,
        f["versie"].as_i64().expect("v"),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(res.header("content-type"), "application/problem+json");
    let j = res.json();
    assert_eq!(j["code"], "duo_regel");
    assert_eq!(j["regel"], regel, "{j}");
    let detail = j["detail"].as_str().unwrap_or("");
    assert!(
        detail.contains(&format!("Regel {regel}")) && detail.contains(words),
        "{detail}"
    );
    let after = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips/{pip}"))
        .await
        .json();
    assert_eq!(after["status"], "concept", "nothing saved");
}

#[tokio::test]
async fn m1_dagtekening_before_the_kennisgeving_is_refused() {
    refused(
        |_| {},
        &days_ago(101),
        "M-1",
        "start van de inburgeringsplicht",
    )
    .await;
}

#[tokio::test]
async fn m3_dagtekening_before_vestiging_is_refused() {
    refused(|_| {}, &days_ago(95), "M-3", "vestiging").await;
}

#[tokio::test]
async fn m4_a2_with_the_onderwijsroute_is_refused() {
    refused(
        |b| {
            b["leerroute"] = json!("O");
            b["niveau"] = json!("A2");
            b["mapInhoud"] = json!(null);
            b["mapUren"] = json!(null);
        },
        &days_ago(1),
        "M-4",
        "onderwijsroute",
    )
    .await;
}

#[tokio::test]
async fn m4_a2_on_the_b1_route_in_the_first_pip_is_refused() {
    refused(
        |b| b["niveau"] = json!("A2"),
        &days_ago(1),
        "M-4",
        "eerste PIP",
    )
    .await;
}

#[tokio::test]
async fn m5_intensity_for_a_gezinsmigrant_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut body = person_json("Ana", "Silva", None);
    body["doelgroep"] = json!("gezinsmigrant");
    body["datumKennisgevingDuo"] = json!(days_ago(100));
    body["datumBrpInschrijving"] = json!(days_ago(90));
    let p = app.person(&r.regisseur, body).await.0;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut c = compleet(v);
    c["intensiteitUren"] = json!(800);
    let f = fill(&app, &r.regisseur, &p, &pip, &c).await;
    let res = decide(
        &app,
        &r.regisseur,
        &p,
        &pip,
        &days_ago(1),
        f["versie"].as_i64().expect("v"),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(res.json()["regel"], "M-5");
}

#[tokio::test]
async fn a_dagtekening_in_the_future_and_a_missing_voortgang_count_are_refused() {
    refused(|_| {}, &days_ago(-3), "A-2", "toekomst").await;
    refused(
        |b| b["aantalVoortgangsgesprekken"] = json!(null),
        &days_ago(1),
        "F-3",
        "voortgangsgesprekken",
    )
    .await;
}

#[tokio::test]
async fn no_map_in_the_onderwijsroute_even_in_a_concept() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut c = compleet(v);
    c["leerroute"] = json!("O");
    let res = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{p}/pips/{pip}"),
            Some(&r.regisseur.api_key),
            Some(&c.to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(res.json()["invalidParams"][0]["name"], "mapInhoud");
}

#[tokio::test]
async fn a_refused_decision_shows_the_rule_on_the_page() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut c = compleet(v);
    c["niveau"] = json!("A2");
    let f = fill(&app, &r.regisseur, &p, &pip, &c).await;
    let versie = f["versie"].as_i64().expect("v").to_string();
    let dag = days_ago(1);
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{p}/pips/{pip}/vaststellen"),
            &[("dagtekening", dag.as_str()), ("versie", versie.as_str())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("Regel M-4 (DUO): niveau A2 mag niet met de B1-route"),
        "{}",
        res.body
    );
    // The summary links to the field that breaks the rule, on the concept's edit page.
    assert!(
        res.body.contains(&format!(
            "href=\"/personen/{p}/pips/{pip}/bewerken#niveau\""
        )),
        "{}",
        res.body
    );
}
