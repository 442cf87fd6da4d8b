//! The OpenAPI document: generated from the code, snapshot-tested, and following the NL API Design Rules.

use axum::http::StatusCode;
use serde_json::Value;

use crate::harness::TestApp;

#[tokio::test]
async fn openapi_document_follows_the_design_rules() {
    let app = TestApp::spawn().await;
    let res = app
        .api("GET", "/api/v1/openapi.json", None, None, None)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("api-version"), "1.0.0");
    let doc: Value = res.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")));
    let info = &doc["info"];
    for k in ["name", "email", "url"] {
        assert!(info["contact"][k].is_string(), "info.contact.{k}");
    }
    let version = info["version"].as_str().expect("version");
    assert_eq!(
        version
            .split('.')
            .filter(|p| p.parse::<u32>().is_ok())
            .count(),
        3,
        "semver"
    );
    for path in doc["paths"].as_object().expect("paths").keys() {
        assert!(path.starts_with("/api/v1/"), "{path}");
        assert!(!path.ends_with('/'), "{path}: no trailing slash");
        let literal: String = path.split('/').filter(|s| !s.starts_with('{')).collect();
        assert!(
            literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{path}: kebab-case"
        );
    }
    for (name, schema) in doc["components"]["schemas"].as_object().expect("schemas") {
        assert!(
            name.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
            "{name}: UpperCamelCase"
        );
        for prop in schema["properties"]
            .as_object()
            .into_iter()
            .flat_map(|p| p.keys())
        {
            let ok = prop.starts_with('_')
                || (prop.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && !prop.contains('_')
                    && !prop.contains('-'));
            assert!(ok, "{name}.{prop}: lowerCamelCase");
        }
    }
    insta::assert_json_snapshot!("openapi", doc);
}
