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
    assert_eq!(
        doc["servers"][0]["url"], "/api/v1",
        "the major version is in the server URL"
    );
    for path in doc["paths"].as_object().expect("paths").keys() {
        assert!(
            path.starts_with('/') && !path.starts_with("/api/"),
            "{path}: relative to the server URL"
        );
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
    every_operation_is_complete(&doc);
    insta::assert_json_snapshot!("openapi", doc);
}

/// Whether the operation's JSON body requires `versie` (optimistic concurrency in the body).
fn body_has_versie(doc: &Value, op: &Value) -> bool {
    let schema = &op["requestBody"]["content"]["application/json"]["schema"];
    let name = schema["$ref"]
        .as_str()
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or("");
    doc["components"]["schemas"][name]["required"]
        .as_array()
        .is_some_and(|r| r.iter().any(|f| f == "versie"))
}

/// Every operation describes itself, declares the answers it can give (with `API-Version` on every
/// one), and lists return the shared envelope.
fn every_operation_is_complete(doc: &Value) {
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let what = format!("{method} {path}");
            assert!(
                op["description"].as_str().is_some_and(|d| d.len() > 20),
                "{what}: description"
            );
            let responses = op["responses"].as_object().expect("responses");
            for code in ["400", "401", "403"] {
                assert!(responses.contains_key(code), "{what}: {code} declared");
            }
            if path.contains('{') {
                assert!(responses.contains_key("404"), "{what}: 404 declared");
            }
            if op["requestBody"].is_object() {
                assert!(responses.contains_key("415"), "{what}: 415 declared");
            }
            // Issue 7 design: a PUT whose body carries `versie` answers a stale version with 409;
            // the others use If-Match (412/428).
            if method == "put" && body_has_versie(doc, op) {
                assert!(responses.contains_key("409"), "{what}: 409 declared");
            } else if method == "put" {
                for code in ["412", "428"] {
                    assert!(responses.contains_key(code), "{what}: {code} declared");
                }
            }
            for (code, response) in responses {
                assert!(
                    response["headers"]["API-Version"].is_object(),
                    "{what} {code}: API-Version header"
                );
            }
        }
    }
    let schemas = &doc["components"]["schemas"];
    for (list, items) in [
        ("PersoonLijst", "personen"),
        ("HuishoudenLijst", "huishoudens"),
        ("VerwerkingLijst", "verwerkingen"),
    ] {
        let required: Vec<&str> = schemas[list]["required"]
            .as_array()
            .expect("required")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for k in [items, "pagina", "paginaGrootte", "totaal", "_links"] {
            assert!(required.contains(&k), "{list}.{k}");
        }
    }
    let invoer = &schemas["PersoonInvoer"]["properties"];
    assert_eq!(invoer["geboortedatum"]["format"], "date");
    assert!(
        invoer["doelgroep"]["enum"]
            .as_array()
            .is_some_and(|e| e.contains(&Value::from("asielstatushouder"))),
        "code lists are enums"
    );
    assert_eq!(
        schemas["PersoonInvoer"]["required"],
        serde_json::json!(["voornamen", "geslachtsnaam"])
    );
    assert_eq!(invoer["voornamen"]["maxLength"], 200);
}
