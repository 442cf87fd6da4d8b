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
            if method == "put" {
                // A PUT guarded by If-Match answers 412/428; one whose body carries `versie` (the
                // trajectory resources, issue 7 design) answers 409 when that version is stale.
                let if_match = op["parameters"].as_array().is_some_and(|ps| {
                    ps.iter().any(|p| {
                        p["name"]
                            .as_str()
                            .is_some_and(|n| n.eq_ignore_ascii_case("if-match"))
                    })
                });
                let codes: &[&str] = if if_match { &["412", "428"] } else { &["409"] };
                for code in codes {
                    assert!(responses.contains_key(*code), "{what}: {code} declared");
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

/// The request schema of an operation, followed through its `$ref`.
fn request_schema<'a>(doc: &'a Value, path: &str, method: &str) -> &'a Value {
    let body = &doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"];
    let name = body["$ref"]
        .as_str()
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or_else(|| panic!("{method} {path}: a named request schema"));
    &doc["components"]["schemas"][name]
}

/// Two request types with one name would make utoipa keep only one of them: a client following the
/// document would then send fields the endpoint refuses (intake and progress both had "Afronding").
#[tokio::test]
async fn each_request_body_documents_its_own_fields() {
    let app = TestApp::spawn().await;
    let doc: Value = app
        .api("GET", "/api/v1/openapi.json", None, None, None)
        .await
        .json();
    let cases = [
        ("/personen/{id}/voortgangsgesprekken", "post", "geplandOp"),
        ("/personen/{id}/afronding", "put", "voldaanOp"),
        ("/personen/{id}/brede-intake/gesprekken", "post", "plaats"),
        ("/personen/{id}/pips/{pipId}", "put", "versie"),
    ];
    for (path, method, field) in cases {
        let schema = request_schema(&doc, path, method);
        assert!(
            schema["properties"].get(field).is_some(),
            "{method} {path}: documents `{field}`: {schema}"
        );
    }
}
