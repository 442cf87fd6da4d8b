//! Households: members, relations and family reunification.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, person_json};

#[tokio::test]
async fn a_household_links_persons_and_shows_on_each_dossier() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Yusuf", "Demouri", None))
        .await;
    let (b, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let (c, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Rami", "geslachtsnaam": "Demouri", "geboortedatum": "2018-06-01"}),
        )
        .await;
    let body = json!({"omschrijving": "Gezin Demouri", "leden": [
        {"persoonId": a, "relatie": "referentiepersoon"},
        {"persoonId": b, "relatie": "partner", "nareiziger": true},
        {"persoonId": c, "relatie": "kind", "nareiziger": true}
    ]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &body)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let h = res.json();
    assert_eq!(h["leden"].as_array().map(Vec::len), Some(3));
    assert_eq!(h["leden"][0]["relatie"], "referentiepersoon");
    let person = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{b}"))
        .await
        .json();
    assert_eq!(
        person["_links"]["huishouden"]["href"],
        format!("/api/v1/huishoudens/{}", h["id"].as_str().expect("id"))
    );
    let page = app.get_page(&r.regisseur, &format!("/personen/{a}")).await;
    assert!(
        page.body.contains("Gezin Demouri")
            && page.body.contains("Rami Demouri")
            && page.body.contains("nareiziger")
    );
}

#[tokio::test]
async fn household_rules_are_enforced() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Yusuf", "Demouri", None))
        .await;
    let (b, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let (outsider, _) = app
        .person(&r.other_regisseur, person_json("Ander", "Buiten", None))
        .await;
    let two_refs = json!({"omschrijving": "X", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}, {"persoonId": b, "relatie": "referentiepersoon"}]});
    assert_eq!(
        app.post_api(&r.regisseur, "/api/v1/huishoudens", &two_refs)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let other_gemeente = json!({"omschrijving": "X", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}, {"persoonId": outsider, "relatie": "partner"}]});
    assert_eq!(
        app.post_api(&r.regisseur, "/api/v1/huishoudens", &other_gemeente)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let bad_relation =
        json!({"omschrijving": "X", "leden": [{"persoonId": a, "relatie": "buurman"}]});
    assert_eq!(
        app.post_api(&r.regisseur, "/api/v1/huishoudens", &bad_relation)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let ok = json!({"omschrijving": "Eerste", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}]});
    assert_eq!(
        app.post_api(&r.regisseur, "/api/v1/huishoudens", &ok)
            .await
            .status,
        StatusCode::CREATED
    );
    let again = json!({"omschrijving": "Tweede", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &again)
        .await;
    assert_eq!(
        res.status,
        StatusCode::CONFLICT,
        "a person is in one household at a time (a conflict with the other one)"
    );
    let list = app
        .get_api(&r.regisseur, "/api/v1/huishoudens")
        .await
        .json();
    assert_eq!(
        list["totaal"], 1,
        "the refused households were not half-saved"
    );
}

#[tokio::test]
async fn household_updates_need_the_current_version() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Yusuf", "Demouri", None))
        .await;
    let (b, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let res = app.post_api(&r.regisseur, "/api/v1/huishoudens", &json!({"omschrijving": "Gezin", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}]})).await;
    let id = res.json()["id"].as_str().expect("id").to_string();
    let body = json!({"omschrijving": "Gezin Demouri", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}, {"persoonId": b, "relatie": "partner"}]});
    let ok = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/huishoudens/{id}"),
            &body,
            "\"1\"",
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let stale = app
        .put_api(
            &r.regisseur2,
            &format!("/api/v1/huishoudens/{id}"),
            &body,
            "\"1\"",
        )
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
}
