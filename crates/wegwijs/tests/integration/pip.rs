//! The PIP through the API: draft, decide, a new version replacing the first, differences, four-eyes,
//! stale versions, other gemeenten and roles, the audit rows and the beschikking PDF.

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use crate::harness::{TestApp, TestUser, person_json};

pub fn days_ago(n: i64) -> String {
    (Utc::now().date_naive() - Duration::days(n)).to_string()
}

/// A person of Weert with the dates the DUO rules need (kennisgeving 100 days ago, BRP 90 days ago).
pub async fn inburgeraar(app: &TestApp, user: &TestUser) -> String {
    let mut body = person_json("Layla", "Inktami", None);
    body["datumKennisgevingDuo"] = json!(days_ago(100));
    body["datumBrpInschrijving"] = json!(days_ago(90));
    app.person(user, body).await.0
}

/// A complete B1-route concept.
pub fn compleet(versie: i64) -> Value {
    json!({
        "versie": versie,
        "leerroute": "B", "niveau": "B1", "alfabetisering": "NVT",
        "pvtInhoud": "Kernwaarden en excursie", "pvtUren": 12,
        "mapInhoud": "Oriëntatie op werk", "mapUren": 64,
        "begeleiding": "Maatschappelijke begeleiding door VluchtelingenWerk",
        "aantalVoortgangsgesprekken": 12,
        "eigenVisie": "akkoord", "eigenVisieDatum": days_ago(5),
        "doelen": [{"leefdomein": "werk", "omschrijving": "Werk als kok vinden", "uitvoerder": "inburgeraar"}],
        "activiteiten": [{"omschrijving": "Taalcursus B1", "aanbieder": "Taalschool Weert", "urenPerWeek": 8.5,
                          "startdatum": days_ago(10), "einddatum": days_ago(-300)}]
    })
}

pub async fn new_concept(app: &TestApp, user: &TestUser, person: &str) -> (String, i64) {
    let res = app
        .post_api(user, &format!("/api/v1/personen/{person}/pips"), &json!({}))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let v = res.json();
    (
        v["id"].as_str().expect("id").to_string(),
        v["versie"].as_i64().expect("versie"),
    )
}

pub async fn fill(app: &TestApp, user: &TestUser, person: &str, pip: &str, body: &Value) -> Value {
    let res = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{person}/pips/{pip}"),
            Some(&user.api_key),
            Some(&body.to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json()
}

pub async fn decide(
    app: &TestApp,
    user: &TestUser,
    person: &str,
    pip: &str,
    dag: &str,
    versie: i64,
) -> crate::harness::TestResponse {
    app.post_api(
        user,
        &format!("/api/v1/personen/{person}/pips/{pip}/vaststelling"),
        &json!({"dagtekening": dag, "versie": versie}),
    )
    .await
}

#[tokio::test]
async fn a_concept_is_drafted_filled_in_and_decided() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let filled = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    assert_eq!(filled["status"], "concept");
    assert_eq!(filled["doelen"][0]["omschrijving"], "Werk als kok vinden");
    let res = decide(
        &app,
        &r.regisseur,
        &p,
        &pip,
        &days_ago(1),
        filled["versie"].as_i64().expect("v"),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "vastgesteld");
    assert_eq!(res.json()["dagtekening"], days_ago(1));
    // A decision is immutable.
    let again = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{p}/pips/{pip}"),
            Some(&r.regisseur.api_key),
            Some(&compleet(res.json()["versie"].as_i64().expect("v")).to_string()),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let list = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips"))
        .await
        .json();
    assert_eq!(list["pips"][0]["id"], pip.as_str());
    let actions = app.audit_actions(&p).await;
    for a in ["pip_opgesteld", "pip_vastgesteld", "pip_inzien"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}

#[tokio::test]
async fn version_two_replaces_version_one_and_the_differences_are_shown() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (one, v) = new_concept(&app, &r.regisseur, &p).await;
    let f = fill(&app, &r.regisseur, &p, &one, &compleet(v)).await;
    assert_eq!(
        decide(
            &app,
            &r.regisseur,
            &p,
            &one,
            &days_ago(20),
            f["versie"].as_i64().expect("v")
        )
        .await
        .status,
        StatusCode::OK
    );
    // Only one concept at a time; the new one starts as a copy with the same goal id.
    let (two, v2) = new_concept(&app, &r.regisseur, &p).await;
    let second = app
        .post_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/pips"),
            &json!({}),
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    let copy = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips/{two}"))
        .await
        .json();
    let first = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips/{one}"))
        .await
        .json();
    assert_eq!(copy["doelen"][0]["doelId"], first["doelen"][0]["doelId"]);
    let mut body = compleet(v2);
    body["doelen"] = json!([{"doelId": copy["doelen"][0]["doelId"], "leefdomein": "werk", "omschrijving": "Werk als kok in Weert"},
                            {"leefdomein": "gezondheid", "omschrijving": "Huisarts kiezen"}]);
    body["verplichtingen"] = json!("Naar elk voortgangsgesprek komen");
    // Without a reason the replacement is refused (Besluit 5.3 lid 6).
    let f2 = fill(&app, &r.regisseur, &p, &two, &body).await;
    let refused = decide(
        &app,
        &r.regisseur,
        &p,
        &two,
        &days_ago(1),
        f2["versie"].as_i64().expect("v"),
    )
    .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    body["versie"] = f2["versie"].clone();
    body["reden"] = json!("anders");
    body["redenToelichting"] = json!("Doelen aangescherpt na het voortgangsgesprek");
    let f2 = fill(&app, &r.regisseur, &p, &two, &body).await;
    let ok = decide(
        &app,
        &r.regisseur,
        &p,
        &two,
        &days_ago(1),
        f2["versie"].as_i64().expect("v"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let old = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips/{one}"))
        .await
        .json();
    assert_eq!(old["status"], "vervangen");
    let d = app
        .get_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/pips/{two}/verschillen?met={one}"),
        )
        .await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.body);
    let d = d.json();
    let soorten: Vec<&str> = d["doelen"]
        .as_array()
        .expect("doelen")
        .iter()
        .filter_map(|x| x["wijziging"].as_str())
        .collect();
    assert_eq!(soorten, vec!["gewijzigd", "toegevoegd"]);
    assert!(
        d["velden"]
            .as_array()
            .expect("velden")
            .iter()
            .any(|x| x["veld"] == "verplichtingen")
    );
    // The page shows them too.
    let page = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{p}/pips/{two}/verschillen?met={one}"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Huisarts kiezen"));
}

#[tokio::test]
async fn four_eyes_needs_a_colleague_and_a_stale_version_saves_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::caseload::set_settings(&mut tx, r.weert, false, 0, Utc::now())
        .await
        .expect("settings");
    tx.commit().await.expect("commit");
    app.execute(&["UPDATE gemeente_instellingen SET pip_vier_ogen = TRUE"])
        .await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let f = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    let versie = f["versie"].as_i64().expect("v");
    let own = decide(&app, &r.regisseur, &p, &pip, &days_ago(1), versie).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN, "{}", own.body);
    assert!(
        own.json()["detail"]
            .as_str()
            .unwrap_or("")
            .contains("vier-ogen")
    );
    let stale = decide(&app, &r.teamleider, &p, &pip, &days_ago(1), versie - 1).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let stale_put = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{p}/pips/{pip}"),
            Some(&r.regisseur.api_key),
            Some(&compleet(versie - 1).to_string()),
            None,
        )
        .await;
    assert_eq!(stale_put.status, StatusCode::CONFLICT);
    let ok = decide(&app, &r.teamleider, &p, &pip, &days_ago(1), versie).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
}

#[tokio::test]
async fn other_gemeente_gets_404_and_beleid_gets_403() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, _) = new_concept(&app, &r.regisseur, &p).await;
    let other = app
        .get_api(
            &r.other_regisseur,
            &format!("/api/v1/personen/{p}/pips/{pip}"),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let other_new = app
        .post_api(
            &r.other_regisseur,
            &format!("/api/v1/personen/{p}/pips"),
            &json!({}),
        )
        .await;
    assert_eq!(other_new.status, StatusCode::NOT_FOUND);
    let beleid = app
        .get_api(&r.beleid, &format!("/api/v1/personen/{p}/pips"))
        .await;
    assert_eq!(beleid.status, StatusCode::FORBIDDEN);
    let page = app
        .get_page(&r.beleid, &format!("/personen/{p}/pips"))
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_beschikking_downloads_as_pdf_and_each_download_is_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let concept = app
        .get_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/pips/{pip}/beschikking"),
        )
        .await;
    assert_eq!(
        concept.status,
        StatusCode::CONFLICT,
        "a concept has no beschikking"
    );
    assert!(
        concept.body.contains("nog geen beschikking"),
        "{}",
        concept.body
    );
    let f = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    assert_eq!(
        decide(
            &app,
            &r.regisseur,
            &p,
            &pip,
            &days_ago(1),
            f["versie"].as_i64().expect("v")
        )
        .await
        .status,
        StatusCode::OK
    );
    let api = app
        .get_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/pips/{pip}/beschikking"),
        )
        .await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    assert_eq!(api.header("content-type"), "application/pdf");
    assert!(api.header("content-disposition").starts_with("attachment"));
    assert!(api.body.starts_with("%PDF-"));
    let page = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{p}/pips/{pip}/beschikking.pdf"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.starts_with("%PDF-"));
    let n = app
        .audit_actions(&p)
        .await
        .iter()
        .filter(|a| *a == "beschikking_gedownload")
        .count();
    assert_eq!(n, 2);
}

/// The OpenAPI paths are relative to `/api/v1`; a client that joins them to the host alone still
/// reaches the API with its key, while the browser at the same address keeps the page.
#[tokio::test]
async fn an_api_key_on_a_path_without_the_prefix_is_answered_by_the_api() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let f = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    let versie = f["versie"].as_i64().expect("v");
    let decided = decide(&app, &r.regisseur, &p, &pip, &days_ago(1), versie).await;
    assert_eq!(decided.status, StatusCode::OK);

    let list = app
        .get_api(&r.regisseur, &format!("/personen/{p}/pips"))
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.header("content-type").starts_with("application/json"));
    assert_eq!(
        list.body,
        app.get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips"))
            .await
            .body
    );
    let pdf = app
        .get_api(
            &r.regisseur,
            &format!("/personen/{p}/pips/{pip}/beschikking"),
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with("%PDF-"));

    // The same rules as under the prefix: another gemeente's key sees nothing, a wrong key is 401.
    let other = app
        .get_api(&r.other_regisseur, &format!("/personen/{p}/pips"))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    let wrong = app
        .api(
            "GET",
            &format!("/personen/{p}/pips"),
            Some("ww_fout"),
            None,
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(
        wrong
            .header("content-type")
            .starts_with("application/problem+json")
    );

    // The scheme name is case-insensitive (RFC 9110): a client writing "bearer" is no browser.
    let lower = axum::http::Request::builder()
        .uri(format!("/personen/{p}/pips"))
        .header("authorization", format!("bearer {}", r.regisseur.api_key))
        .body(axum::body::Body::empty())
        .expect("request");
    assert_eq!(app.send(lower).await.status, StatusCode::OK);

    let page = app
        .get_page(&r.regisseur, &format!("/personen/{p}/pips"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn a_late_bezwaar_is_flagged() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let f = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    assert_eq!(
        decide(
            &app,
            &r.regisseur,
            &p,
            &pip,
            &days_ago(60),
            f["versie"].as_i64().expect("v")
        )
        .await
        .status,
        StatusCode::OK
    );
    let res = app
        .post_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/pips/{pip}/rechtsmiddelen"),
            &json!({"soort": "bezwaar", "ontvangenOp": days_ago(2)}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["rechtsmiddelen"][0]["teLaatOntvangen"], true);
    assert!(
        app.audit_actions(&p)
            .await
            .iter()
            .any(|a| a == "rechtsmiddel_vastgelegd")
    );
}

#[tokio::test]
async fn goal_and_activity_dates_outside_1900_to_2100_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut body = compleet(v);
    body["doelen"][0]["streefdatum"] = json!("0001-01-01");
    body["activiteiten"][0]["einddatum"] = json!("9999-12-31");
    let res = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{p}/pips/{pip}"),
            Some(&r.regisseur.api_key),
            Some(&body.to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let params = res.json()["invalidParams"].clone();
    let year_errors = params
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|p| p["reason"] == "Vul een jaar tussen 1900 en 2100 in.")
                .count()
        })
        .unwrap_or(0);
    assert_eq!(year_errors, 2, "{params}");
}
