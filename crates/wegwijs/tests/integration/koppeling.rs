//! `/api/v1/personen/{id}/koppeling` and `/personen/{id}/koppeling` (issue 7, koppeling slice).

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestApp, TestResponse, TestUser};

async fn put(app: &TestApp, user: &TestUser, id: &str, body: &Value) -> TestResponse {
    app.api(
        "PUT",
        &format!("/api/v1/personen/{id}/koppeling"),
        Some(&user.api_key),
        Some(&body.to_string()),
        None,
    )
    .await
}

fn body(naar: &str, versie: i64, persoon_versie: i64) -> Value {
    json!({
        "versie": versie, "persoonVersie": persoon_versie,
        "datumKoppeling": "2025-01-10", "taakstellingJaar": 2025, "taakstellingHalfjaar": 1,
        "azcLocatie": "AZC Budel", "coaContact": "J. de Vries",
        "profiel": {"huishouden": "gezin_met_kinderen", "talen": {"status": "bekend", "toelichting": "Arabisch"},
                    "werk": {"status": "geen"}},
        "kansenverkenner": {"datum": "2024-12-01", "samenvatting": "Wil de zorg in."},
        "toetsen": [{"instrument": "noa", "datum": "2024-12-15", "scores": [{"onderdeel": "Taal", "score": 62}]}],
        "overdracht": {"vanNaam": "P. Jansen", "vanOrganisatie": "COA", "naar": naar,
                       "datum": "2025-01-20", "besproken": "School van de kinderen."}
    })
}

#[tokio::test]
async fn a_koppeling_round_trips_with_its_date_on_the_person_and_is_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Demouri"}),
        )
        .await;
    let path = format!("/api/v1/personen/{id}/koppeling");
    let empty = app.get_api(&r.regisseur, &path).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    assert_eq!(empty.json()["versie"], 0);
    assert_eq!(empty.json()["profiel"]["werk"]["status"], "onbekend");
    let naar = r.regisseur2.id.to_string();
    let res = put(&app, &r.regisseur, &id, &body(&naar, 0, 1)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let got = res.json();
    assert_eq!(got["versie"], 1);
    assert_eq!(
        got["persoonVersie"], 2,
        "the date changed, so the person's version moved"
    );
    assert_eq!(got["profiel"]["werk"]["status"], "geen");
    assert_eq!(got["toetsen"][0]["scores"][0]["score"], 62);
    assert_eq!(got["overdracht"]["naar"], naar);
    let person = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(person["datumKoppeling"], "2025-01-10");
    // Same date again: the person's version stays.
    let mut again = body(&naar, 1, 2);
    again["azcLocatie"] = json!("AZC Weert");
    let res = put(&app, &r.regisseur, &id, &again).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["persoonVersie"], 2);
    let actions = app.audit_actions(&id).await;
    assert!(
        actions
            .iter()
            .filter(|a| *a == "koppeling_gewijzigd")
            .count()
            == 2,
        "{actions:?}"
    );
    assert!(
        actions.iter().any(|a| a == "koppeling_inzien"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn bad_input_gets_field_errors_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Demouri"}),
        )
        .await;
    let mut b = body(&r.regisseur2.id.to_string(), 0, 1);
    b["taakstellingHalfjaar"] = json!(3);
    b["overdracht"]["datum"] = json!("2025-01-01");
    b["profiel"]["huishouden"] = json!("groot");
    b["azcLocatie"] = json!("x".repeat(201));
    let res = put(&app, &r.regisseur, &id, &b).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let names: Vec<String> = res.json()["invalidParams"]
        .as_array()
        .expect("invalidParams")
        .iter()
        .map(|p| p["name"].as_str().unwrap_or_default().to_string())
        .collect();
    for f in [
        "taakstellingHalfjaar",
        "overdracht.datum",
        "profiel.huishouden",
        "azcLocatie",
    ] {
        assert!(names.iter().any(|n| n == f), "{f} in {names:?}");
    }
    // A handover to someone outside the gemeente's regisseurs is refused too.
    let res = put(
        &app,
        &r.regisseur,
        &id,
        &body(&r.other_regisseur.id.to_string(), 0, 1),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let got = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}/koppeling"))
        .await
        .json();
    assert_eq!(got["versie"], 0, "nothing saved");
    assert!(
        !app.audit_actions(&id)
            .await
            .iter()
            .any(|a| a == "koppeling_gewijzigd")
    );
}

#[tokio::test]
async fn a_stale_version_is_409_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Demouri"}),
        )
        .await;
    let naar = r.regisseur.id.to_string();
    assert_eq!(
        put(&app, &r.regisseur, &id, &body(&naar, 0, 1))
            .await
            .status,
        StatusCode::OK
    );
    let mut stale = body(&naar, 0, 2);
    stale["azcLocatie"] = json!("AZC Overloon");
    let res = put(&app, &r.regisseur, &id, &stale).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    // A person form saved meanwhile makes the koppeling's date change stale as well.
    let mut other_date = body(&naar, 1, 1);
    other_date["datumKoppeling"] = json!("2025-01-11");
    let res = put(&app, &r.regisseur, &id, &other_date).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    let got = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}/koppeling"))
        .await
        .json();
    assert_eq!(got["azcLocatie"], "AZC Budel");
    assert_eq!(got["datumKoppeling"], "2025-01-10");
}

#[tokio::test]
async fn another_gemeente_gets_404_and_beleid_gets_403() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Demouri"}),
        )
        .await;
    let path = format!("/api/v1/personen/{id}/koppeling");
    assert_eq!(
        app.get_api(&r.other_regisseur, &path).await.status,
        StatusCode::NOT_FOUND
    );
    let res = put(
        &app,
        &r.other_regisseur,
        &id,
        &body(&r.other_regisseur.id.to_string(), 0, 1),
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get_api(&r.beleid, &path).await.status,
        StatusCode::FORBIDDEN
    );
    // A teamleider reads but does not edit.
    assert_eq!(
        app.get_api(&r.teamleider, &path).await.status,
        StatusCode::OK
    );
    let res = put(
        &app,
        &r.teamleider,
        &id,
        &body(&r.regisseur.id.to_string(), 0, 1),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}
