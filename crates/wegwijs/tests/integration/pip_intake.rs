//! The first PIP concept drafted from the brede intake as the intake API stores it: the
//! leerbaarheidstoets suggests the leerroute, a life domain with barriers becomes a goal.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestApp, TestUser};
use crate::pip::{inburgeraar, new_concept};

async fn put_sectie(app: &TestApp, user: &TestUser, person: &str, sectie: &str, inhoud: Value) {
    let path = format!("/api/v1/personen/{person}/brede-intake/secties/{sectie}");
    let res = app
        .put_api(user, &path, &json!({"versie": 0, "inhoud": inhoud}), "*")
        .await;
    assert_eq!(res.status, StatusCode::OK, "{sectie}: {}", res.body);
}

async fn concept(app: &TestApp, user: &TestUser, person: &str) -> Value {
    let (pip, _) = new_concept(app, user, person).await;
    let res = app
        .get_api(user, &format!("/api/v1/personen/{person}/pips/{pip}"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json()
}

#[tokio::test]
async fn a_b1_haalbaar_lbt_suggests_the_b1_route() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    put_sectie(
        &app,
        &r.regisseur,
        &p,
        "leerbaarheidstoets",
        json!({"stand": "afgenomen", "uitslag": "B1-route haalbaar", "datum": "2026-01-15"}),
    )
    .await;
    let c = concept(&app, &r.regisseur, &p).await;
    assert_eq!(c["leerroute"], "B", "{c}");
    assert_eq!(c["niveau"], "B1", "{c}");
}

#[tokio::test]
async fn a_niet_haalbaar_lbt_suggests_the_z_route_and_barriers_become_goals() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    put_sectie(
        &app,
        &r.regisseur,
        &p,
        "leerbaarheidstoets",
        json!({"stand": "afgenomen", "uitslag": "B1-route niet haalbaar", "datum": "2026-01-15"}),
    )
    .await;
    put_sectie(
        &app,
        &r.regisseur,
        &p,
        "leefdomein-financien",
        json!({"situatie": {"stand": "antwoord", "waarde": "Uitkering"},
               "belemmeringen": {"stand": "antwoord", "waarde": "Schulden bij de zorgverzekeraar"},
               "wensen": {"stand": "antwoord", "waarde": "Zelf de post regelen"}}),
    )
    .await;
    // Asked, nothing found: no goal.
    put_sectie(
        &app,
        &r.regisseur,
        &p,
        "leefdomein-huisvesting",
        json!({"situatie": {"stand": "geen_probleem"}, "belemmeringen": {"stand": "geen_probleem"},
               "wensen": {"stand": "geen_probleem"}}),
    )
    .await;
    let c = concept(&app, &r.regisseur, &p).await;
    assert_eq!(c["leerroute"], "Z", "{c}");
    let doelen = c["doelen"].as_array().expect("doelen");
    assert_eq!(doelen.len(), 1, "{c}");
    assert_eq!(doelen[0]["leefdomein"], "Financiën");
    let omschrijving = doelen[0]["omschrijving"].as_str().unwrap_or_default();
    assert!(
        omschrijving.contains("Schulden bij de zorgverzekeraar"),
        "{omschrijving}"
    );
    assert!(
        omschrijving.contains("Zelf de post regelen"),
        "{omschrijving}"
    );
}
