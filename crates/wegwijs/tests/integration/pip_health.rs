//! PIP goals in a health life domain are special-category data, like the intake's health section:
//! the person's regisseur sees them (audited as such); a colleague without a recorded need gets the
//! plan without them, cannot download the letter that holds them, and cannot erase them by saving.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::TestApp;
use crate::pip::{compleet, days_ago, decide, fill, inburgeraar, new_concept};

#[tokio::test]
async fn health_goals_are_hidden_without_a_need_and_kept_when_a_colleague_saves() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut c = compleet(v);
    c["doelen"] = json!([
        {"leefdomein": "werk", "omschrijving": "Werk als kok vinden", "uitvoerder": "inburgeraar"},
        {"leefdomein": "geestelijke-gezondheid", "omschrijving": "Contact met de praktijkondersteuner GGZ",
         "uitvoerder": "huisarts"}
    ]);
    fill(&app, &r.regisseur, &p, &pip, &c).await;
    let path = format!("/api/v1/personen/{p}/pips/{pip}");

    // The teamleider has no recorded need (the default): the goal is left out and counted.
    let tl = app.get_api(&r.teamleider, &path).await;
    assert_eq!(tl.status, StatusCode::OK, "{}", tl.body);
    assert!(!tl.body.contains("praktijkondersteuner"), "{}", tl.body);
    assert_eq!(tl.json()["verborgenDoelen"], 1);
    let page = app
        .get_page(&r.teamleider, &format!("/personen/{p}/pips/{pip}"))
        .await;
    assert!(!page.body.contains("praktijkondersteuner"));
    assert!(page.body.contains("voor u verborgen"), "{}", page.body);

    // A colleague regisseur (not the person's own) has no need either; saving what they see keeps
    // the hidden goal.
    let mut zicht = app.get_api(&r.regisseur2, &path).await.json();
    assert_eq!(zicht["verborgenDoelen"], 1);
    let mut body = compleet(zicht["versie"].as_i64().expect("versie"));
    body["doelen"] = zicht["doelen"].take();
    body["doelen"][0]["omschrijving"] = json!("Werk als kok in Weert vinden");
    let res = app
        .api(
            "PUT",
            &path,
            Some(&r.regisseur2.api_key),
            Some(&body.to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);

    // The person's regisseur sees both goals, and that view is audited as special-category data.
    let before = health_reads(&app, &p).await;
    let own = app.get_api(&r.regisseur, &path).await;
    assert!(own.body.contains("praktijkondersteuner"), "{}", own.body);
    assert!(own.body.contains("Werk als kok in Weert vinden"));
    assert_eq!(own.json()["verborgenDoelen"], 0);
    assert_eq!(health_reads(&app, &p).await, before + 1);

    // The letter is the whole decision: 403 without the need, audited as such with it.
    let versie = own.json()["versie"].as_i64().expect("versie");
    assert_eq!(
        decide(&app, &r.regisseur, &p, &pip, &days_ago(1), versie)
            .await
            .status,
        StatusCode::OK
    );
    let letter = format!("{path}/beschikking");
    assert_eq!(
        app.get_api(&r.teamleider, &letter).await.status,
        StatusCode::FORBIDDEN
    );
    let before = health_reads(&app, &p).await;
    let pdf = app.get_api(&r.regisseur, &letter).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(health_reads(&app, &p).await, before + 1);
}

async fn health_reads(app: &TestApp, person: &str) -> usize {
    app.audit_actions(person)
        .await
        .iter()
        .filter(|a| *a == "gezondheid_inzien")
        .count()
}
