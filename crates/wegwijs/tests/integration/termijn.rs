//! The inburgeringstermijn over HTTP: from the first PIP, unmoved by later versions, lengthened by
//! verlengingen; access per gemeente and role.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, person_json};
use crate::progress::{d, pip};

#[tokio::test]
async fn termijn_runs_from_the_first_pip_and_version_2_keeps_it() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let url = format!("/api/v1/personen/{p}/termijnen");
    let res = app.get_api(&r.regisseur, &url).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.json()["termijn"].is_null(), "no PIP, no termijn");

    // A concept with an earlier date never starts the termijn.
    pip(&app, r.weert, &p, 1, "concept", Some(d("2025-12-01")), &[]).await;
    pip(
        &app,
        r.weert,
        &p,
        2,
        "vervangen",
        Some(d("2026-01-14")),
        &[],
    )
    .await;
    let t = app.get_api(&r.regisseur, &url).await.json();
    assert_eq!(t["termijn"]["startdatum"], "2026-01-15");
    assert_eq!(t["termijn"]["einddatum"], "2029-01-15", "exclusive, as DUO");
    assert_eq!(t["termijn"]["laatsteDag"], "2029-01-14");
    assert_eq!(t["termijn"]["schakelenUiterlijk"], "2027-07-14");

    // Version 3 (a new PIP after schakelen) does not move the start (Wet art. 11 lid 3).
    pip(
        &app,
        r.weert,
        &p,
        3,
        "vastgesteld",
        Some(d("2026-09-01")),
        &[],
    )
    .await;
    let t2 = app.get_api(&r.regisseur, &url).await.json();
    assert_eq!(t2["termijn"]["startdatum"], "2026-01-15");
    assert_eq!(t2["termijn"]["einddatum"], "2029-01-15");
}

#[tokio::test]
async fn a_verlenging_moves_the_end_and_must_lengthen_it() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let url = format!("/api/v1/personen/{p}/termijnen/verlengingen");
    let body = json!({"grond": "geen_verwijt", "besluitdatum": "2026-02-01", "nieuweEinddatum": "2029-07-15"});
    let no_pip = app.post_api(&r.regisseur, &url, &body).await;
    // The request is fine; the dossier has no termijn yet: 409, code `state`.
    assert_eq!(no_pip.status, StatusCode::CONFLICT, "{}", no_pip.body);
    assert_eq!(no_pip.json()["invalidParams"][0]["code"], "state");

    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(d("2026-01-14")),
        &[],
    )
    .await;
    let res = app.post_api(&r.regisseur, &url, &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let t = res.json();
    assert_eq!(t["termijn"]["einddatum"], "2029-07-15");
    assert_eq!(t["termijn"]["verlengd"], true);
    assert_eq!(t["verlengingen"][0]["grond"], "geen_verwijt");

    let shorter = json!({"grond": "geen_verwijt", "besluitdatum": "2026-02-01", "nieuweEinddatum": "2029-03-01"});
    let res = app.post_api(&r.regisseur, &url, &shorter).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["invalidParams"][0]["name"], "nieuweEinddatum");

    let unknown =
        json!({"grond": "pech", "besluitdatum": "2026-02-01", "nieuweEinddatum": "2030-01-01"});
    let res = app.post_api(&r.regisseur, &url, &unknown).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.json()["invalidParams"][0]["code"], "unknown_value");

    let acts = app.audit_actions(&p).await;
    assert_eq!(
        acts.iter()
            .filter(|a| *a == "termijn_verlenging_vastgelegd")
            .count(),
        1,
        "{acts:?}"
    );
    assert!(acts.iter().any(|a| a == "traject_inzien"), "{acts:?}");
}

#[tokio::test]
async fn another_gemeente_gets_404_and_beleid_403() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(d("2026-01-14")),
        &[],
    )
    .await;
    let before = app.audit_count(&p).await;
    for path in [
        "termijnen",
        "voortgangsgesprekken",
        "examens",
        "uren",
        "duo-besluiten",
        "afronding",
    ] {
        let url = format!("/api/v1/personen/{p}/{path}");
        assert_eq!(
            app.get_api(&r.other_regisseur, &url).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            app.get_api(&r.beleid, &url).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            app.get_api(&r.teamleider, &url).await.status,
            StatusCode::OK,
            "{path}"
        );
    }
    let body = json!({"onderdeel": "KNM", "datum": "2026-02-01", "uitslag": "Geslaagd"});
    let url = format!("/api/v1/personen/{p}/examens");
    assert_eq!(
        app.post_api(&r.other_regisseur, &url, &body).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_api(&r.teamleider, &url, &body).await.status,
        StatusCode::FORBIDDEN
    );
    let page = app
        .get_page(&r.beleid, &format!("/personen/{p}/voortgang"))
        .await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let page = app
        .get_page(&r.other_regisseur, &format!("/personen/{p}/voortgang"))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    // Six teamleider reads, nothing for the refusals.
    assert_eq!(app.audit_count(&p).await, before + 6);
}
