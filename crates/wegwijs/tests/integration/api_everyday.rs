//! The API in everyday use (issue 6): one list envelope, the caseload's filter codes and defaults,
//! unknown parameters refused, type errors per field in Dutch, assigning a regisseur.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestApp, TestResponse, bsn, person_json};

fn problem(res: &TestResponse, status: StatusCode) -> Value {
    assert_eq!(res.status, status, "{}", res.body);
    assert_eq!(res.header("content-type"), "application/problem+json");
    assert_eq!(res.header("api-version"), "1.0.0");
    res.json()
}

/// The first invalid parameter as (name, code, reason).
fn first_invalid(p: &Value) -> (String, String, String) {
    let e = &p["invalidParams"][0];
    let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
    (s("name"), s("code"), s("reason"))
}

fn ids(list: &Value, key: &str) -> Vec<String> {
    list[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is a list: {list}"))
        .iter()
        .map(|p| p["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn every_list_has_the_same_envelope_with_links_that_page() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut people = vec![];
    for i in 0..4 {
        let (id, _) = app
            .person(&r.regisseur, person_json("Lid", &format!("Gezin{i}"), None))
            .await;
        people.push(id);
    }
    for (i, pair) in people.chunks(2).enumerate() {
        let body = json!({"omschrijving": format!("Gezin {i}"), "leden": [
            {"persoonId": pair[0], "relatie": "referentiepersoon"},
            {"persoonId": pair[1], "relatie": "partner"}
        ]});
        let res = app
            .post_api(&r.regisseur, "/api/v1/huishoudens", &body)
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    }
    let lists = [
        ("/api/v1/personen?paginaGrootte=3", "personen", 4),
        ("/api/v1/huishoudens?paginaGrootte=1", "huishoudens", 2),
    ];
    for (path, key, total) in lists {
        let first = app.get_api(&r.regisseur, path).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let first = first.json();
        for k in [
            key,
            "pagina",
            "paginaGrootte",
            "totaal",
            "totaalBegrensd",
            "_links",
        ] {
            assert!(first.get(k).is_some(), "{path}: {k} in {first}");
        }
        assert_eq!(first["totaal"], total, "{path}");
        assert!(first["_links"]["self"]["href"].is_string(), "{path}");
        assert!(first["_links"].get("prev").is_none(), "{path}: first page");
        let next = first["_links"]["next"]["href"]
            .as_str()
            .unwrap_or_else(|| panic!("{path}: a next link: {first}"));
        let second = app.get_api(&r.regisseur, next).await;
        assert_eq!(second.status, StatusCode::OK, "{next}: {}", second.body);
        let second = second.json();
        assert_eq!(second["pagina"], 2, "{next}");
        assert!(second["_links"]["prev"]["href"].is_string(), "{next}");
        let a = ids(&first, key);
        let b = ids(&second, key);
        assert!(a.iter().all(|id| !b.contains(id)), "{path}: pages overlap");
    }
    // The log of one person: the same envelope (teamleider may read it).
    let log = app
        .get_api(
            &r.teamleider,
            &format!("/api/v1/personen/{}/verwerkingen", people[0]),
        )
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    let log = log.json();
    assert!(log["verwerkingen"].is_array(), "{log}");
    assert_eq!(log["paginaGrootte"], 100);
    assert!(log["totaal"].as_i64().is_some_and(|t| t >= 1), "{log}");
    assert_eq!(
        log["_links"]["self"]["href"],
        format!("/api/v1/personen/{}/verwerkingen?pagina=1", people[0])
    );
}

#[tokio::test]
async fn the_regisseur_filter_takes_the_caseloads_codes_and_defaults() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (mine, _) = app
        .person(&r.regisseur, person_json("Eigen", "Persoon", None))
        .await;
    let (theirs, _) = app
        .person(&r.regisseur2, person_json("Andere", "Persoon", None))
        .await;
    let list = |user, q: &'static str| {
        let app = &app;
        async move {
            let res = app.get_api(user, &format!("/api/v1/personen{q}")).await;
            assert_eq!(res.status, StatusCode::OK, "{q}: {}", res.body);
            ids(&res.json(), "personen")
        }
    };
    // A regisseur starts with their own caseload, as on the caseload page.
    assert_eq!(list(&r.regisseur, "").await, vec![mine.clone()]);
    assert_eq!(
        list(&r.regisseur, "?regisseur=mij").await,
        vec![mine.clone()]
    );
    let all = list(&r.regisseur, "?regisseur=alle").await;
    assert!(all.contains(&mine) && all.contains(&theirs), "{all:?}");
    // A teamleider starts with the whole gemeente.
    assert_eq!(list(&r.teamleider, "").await.len(), 2);
    let by_id = format!("?regisseur={}", r.regisseur2.id);
    let res = app
        .get_api(&r.teamleider, &format!("/api/v1/personen{by_id}"))
        .await;
    assert_eq!(ids(&res.json(), "personen"), vec![theirs]);
    // The caseload page takes the same code.
    let page = app.get_page(&r.regisseur, "/caseload?regisseur=alle").await;
    assert_eq!(page.status, StatusCode::OK);
    for bad in ["iedereen", "", "%20"] {
        let res = app
            .get_api(&r.regisseur, &format!("/api/v1/personen?regisseur={bad}"))
            .await;
        let p = problem(&res, StatusCode::BAD_REQUEST);
        assert_eq!(first_invalid(&p).0, "regisseur", "{bad:?}: {p}");
    }
}

#[tokio::test]
async fn unknown_query_parameters_are_refused_on_every_operation() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let key = Some(r.regisseur.api_key.as_str());
    let body = person_json("Amal", "Demouri", None).to_string();
    let cases: Vec<(&str, String, Option<&str>, Option<&str>)> = vec![
        ("GET", "/api/v1/personen?bestaatNiet=1".into(), None, None),
        ("GET", "/api/v1/personen?paginagrootte=5".into(), None, None),
        (
            "GET",
            format!("/api/v1/personen/{id}?bestaatNiet=1"),
            None,
            None,
        ),
        (
            "POST",
            "/api/v1/personen?bestaatNiet=1".into(),
            Some(&body),
            None,
        ),
        (
            "PUT",
            format!("/api/v1/personen/{id}?bestaatNiet=1"),
            Some(&body),
            Some(&etag),
        ),
        (
            "GET",
            "/api/v1/huishoudens?bestaatNiet=1".into(),
            None,
            None,
        ),
    ];
    for (method, path, body, if_match) in cases {
        let res = app.api(method, &path, key, body, if_match).await;
        let p = problem(&res, StatusCode::BAD_REQUEST);
        let (name, code, reason) = first_invalid(&p);
        assert_eq!(code, "unknown_field", "{method} {path}: {p}");
        assert!(name == "bestaatNiet" || name == "paginagrootte", "{p}");
        assert!(reason.contains("Onbekend"), "Dutch: {reason}");
    }
    let log = app
        .get_api(
            &r.teamleider,
            &format!("/api/v1/personen/{id}/verwerkingen?bestaatNiet=1"),
        )
        .await;
    problem(&log, StatusCode::BAD_REQUEST);
    // A name that could carry a value (digits) is not repeated.
    let res = app
        .get_api(&r.regisseur, &format!("/api/v1/personen?{}=1", bsn(4)))
        .await;
    let p = problem(&res, StatusCode::BAD_REQUEST);
    assert!(!res.body.contains(&bsn(4)), "{p}");
    // Nothing was changed by the refused PUT.
    let got = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await;
    assert_eq!(got.header("etag"), etag);
}

#[tokio::test]
async fn type_errors_are_listed_per_field_in_dutch_without_the_value() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let key = Some(r.regisseur.api_key.as_str());
    for (path, field) in [
        ("/api/v1/personen?pagina=geheim", "pagina"),
        ("/api/v1/personen?paginaGrootte=1.5", "paginaGrootte"),
        ("/api/v1/huishoudens?pagina=geheim", "pagina"),
    ] {
        let res = app.api("GET", path, key, None, None).await;
        let p = problem(&res, StatusCode::BAD_REQUEST);
        let (name, code, reason) = first_invalid(&p);
        assert_eq!((name.as_str(), code.as_str()), (field, "invalid"), "{p}");
        assert!(reason.contains("geheel getal"), "{reason}");
        assert!(
            !res.body.contains("geheim") && !res.body.contains("invalid digit"),
            "{p}"
        );
    }
    for (body, field, words) in [
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "tolkNodig": "geheim"}),
            "tolkNodig",
            "true of false",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": 7}),
            "geslachtsnaam",
            "tekst",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "regisseurId": "geheim"}),
            "regisseurId",
            "UUID",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "geboortedatum": "28-02-1994"}),
            "geboortedatum",
            "jjjj-mm-dd",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "geslacht": "MAN"}),
            "geslacht",
            "Kies uit",
        ),
        (
            json!({"voornamen": "A", "geslachtsnaam": "B", "bsn": ""}),
            "bsn",
            "null",
        ),
    ] {
        let res = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
        let p = problem(&res, StatusCode::BAD_REQUEST);
        let (name, _, reason) = first_invalid(&p);
        assert_eq!(name, field, "{body}: {p}");
        assert!(reason.contains(words), "{body}: {reason}");
        for english in ["invalid type", "expected", "geheim"] {
            assert!(!res.body.contains(english), "{body}: {p}");
        }
    }
    let nested =
        json!({"omschrijving": "Gezin", "leden": [{"persoonId": "geheim", "relatie": "kind"}]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &nested)
        .await;
    let p = problem(&res, StatusCode::BAD_REQUEST);
    assert_eq!(first_invalid(&p).0, "leden[0].persoonId", "{p}");
    let list = app.get_api(&r.regisseur, "/api/v1/personen").await.json();
    assert_eq!(list["totaal"], 0, "nothing was saved");
}

#[tokio::test]
async fn a_teamleider_assigns_a_regisseur_through_the_api() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let path = format!("/api/v1/personen/{id}/regisseur");
    let to = |who: &crate::harness::TestUser| json!({"regisseurId": who.id.to_string()});

    // Only a teamleider of the person's gemeente.
    let res = app
        .put_api(&r.regisseur, &path, &to(&r.regisseur2), &etag)
        .await;
    problem(&res, StatusCode::FORBIDDEN);
    let res = app
        .put_api(&r.other_teamleider, &path, &to(&r.regisseur2), &etag)
        .await;
    problem(&res, StatusCode::NOT_FOUND);
    // Only a regisseur of the same gemeente.
    let res = app
        .put_api(&r.teamleider, &path, &to(&r.other_regisseur), &etag)
        .await;
    let p = problem(&res, StatusCode::BAD_REQUEST);
    assert_eq!(first_invalid(&p).0, "regisseurId", "{p}");
    // Versions: required and current.
    let res = app
        .api(
            "PUT",
            &path,
            Some(&r.teamleider.api_key),
            Some(&to(&r.regisseur2).to_string()),
            None,
        )
        .await;
    problem(&res, StatusCode::PRECONDITION_REQUIRED);
    let res = app
        .put_api(&r.teamleider, &path, &to(&r.regisseur2), "\"7\"")
        .await;
    problem(&res, StatusCode::PRECONDITION_FAILED);
    let res = app
        .put_api(&r.teamleider, &path, &to(&r.regisseur2), "7")
        .await;
    problem(&res, StatusCode::BAD_REQUEST);
    let unchanged = app
        .get_api(&r.teamleider, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(unchanged["regisseurId"], r.regisseur.id.to_string());
    assert_eq!(unchanged["versie"], 1);

    let res = app
        .put_api(&r.teamleider, &path, &to(&r.regisseur2), &etag)
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.header("etag"), "\"2\"");
    let moved = res.json();
    assert_eq!(moved["regisseurId"], r.regisseur2.id.to_string());
    assert_eq!(moved["versie"], 2);
    assert!(
        app.audit_actions(&id)
            .await
            .contains(&"regisseur_gewijzigd".to_string()),
        "audited"
    );
    // Out of every caseload, with null.
    let res = app
        .put_api(&r.teamleider, &path, &json!({"regisseurId": null}), "\"2\"")
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["regisseurId"], Value::Null);
    let geen = app
        .get_api(&r.teamleider, "/api/v1/personen?regisseur=geen")
        .await
        .json();
    assert_eq!(ids(&geen, "personen"), vec![id.clone()]);
    // A replacement of the details does not take a regisseur, not even null.
    let mut body = person_json("Amal", "Demouri", None);
    body["regisseurId"] = Value::Null;
    let res = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &body,
            "\"3\"",
        )
        .await;
    let p = problem(&res, StatusCode::BAD_REQUEST);
    assert_eq!(first_invalid(&p).0, "regisseurId", "{p}");
}

#[tokio::test]
async fn a_member_of_another_huishouden_is_a_conflict() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Yusuf", "Demouri", None))
        .await;
    let (b, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let first = json!({"omschrijving": "Gezin Demouri", "leden": [{"persoonId": a, "relatie": "referentiepersoon"}]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &first)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let second = json!({"omschrijving": "Gezin twee", "leden": [
        {"persoonId": b, "relatie": "referentiepersoon"}, {"persoonId": a, "relatie": "partner"}
    ]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &second)
        .await;
    let p = problem(&res, StatusCode::CONFLICT);
    assert_eq!(first_invalid(&p).1, "in_use", "{p}");
    // Too many members or a description too long, counted as sent: 400.
    let spaces = json!({"omschrijving": format!("Gezin{}", " ".repeat(200)), "leden": [{"persoonId": b, "relatie": "kind"}]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &spaces)
        .await;
    let p = problem(&res, StatusCode::BAD_REQUEST);
    assert_eq!(first_invalid(&p).0, "omschrijving", "{p}");
}
