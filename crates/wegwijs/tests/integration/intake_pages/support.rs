//! Helpers shared by the intake page tests.

use axum::http::StatusCode;

use crate::harness::{TestApp, TestUser};

pub fn sectie(id: &str, key: &str) -> String {
    format!("/personen/{id}/intake/secties/{key}")
}

pub async fn versies(
    app: &TestApp,
    user: &TestUser,
    id: &str,
    key: &str,
) -> Vec<serde_json::Value> {
    let res = app
        .get_api(
            user,
            &format!("/api/v1/personen/{id}/brede-intake/secties/{key}/versies"),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json()["versies"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

pub fn opleiding_werk(versie: &str, land: &str) -> Vec<(&'static str, String)> {
    vec![
        ("versie", versie.into()),
        ("opleidingen__stand", "antwoord".into()),
        ("opleidingen__land__0", land.into()),
        ("opleidingen__niveau__0", "Middelbare school".into()),
        ("opleidingen__jaren__0", "6".into()),
        ("opleidingen__diploma__0", "ja".into()),
        ("opleidingen__land__1", "".into()),
        ("opleidingen__niveau__1", "".into()),
        ("opleidingen__jaren__1", "".into()),
        ("werkervaring__stand", "geen_probleem".into()),
    ]
}

pub async fn post(
    app: &TestApp,
    u: &TestUser,
    path: &str,
    f: &[(&'static str, String)],
) -> crate::harness::TestResponse {
    let fields: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(u, path, &fields).await
}
