//! The brede intake (issue 7, intake slice): conversations, versioned sections, afronding, and health
//! data visible only with a need, per role through HTTP, on both databases.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::harness::{TestApp, TestUser, person_json};

fn gezondheid() -> Value {
    json!({"versie": 0, "inhoud": {
        "lichamelijk": {"stand": "antwoord", "waarde": "Rugklachten na de reis"},
        "psychisch": {"stand": "geen_probleem"},
        "overigeOmstandigheden": {"stand": "niet_gevraagd"}
    }})
}

fn count(actions: &[String], code: &str) -> usize {
    actions.iter().filter(|a| *a == code).count()
}

async fn overview(app: &TestApp, user: &TestUser, id: &str) -> (StatusCode, Value) {
    let res = app
        .get_api(user, &format!("/api/v1/personen/{id}/brede-intake"))
        .await;
    let body = if res.status == StatusCode::OK {
        res.json()
    } else {
        Value::Null
    };
    (res.status, body)
}

fn has_health(body: &Value) -> bool {
    body["secties"]
        .as_array()
        .is_some_and(|s| s.iter().any(|x| x["sectie"] == "gezondheid"))
}

#[tokio::test]
async fn health_is_shown_only_to_the_own_regisseur_and_roles_with_a_recorded_need() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let sectie = format!("/api/v1/personen/{id}/brede-intake/secties/gezondheid");
    let versies = format!("{sectie}/versies");

    // Another regisseur of the same gemeente may not write it either.
    let res = app
        .put_api(&r.regisseur2, &sectie, &gezondheid(), "*")
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", res.body);
    let res = app.put_api(&r.regisseur, &sectie, &gezondheid(), "*").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "deels");
    assert_eq!(
        count(&app.audit_actions(&id).await, "gezondheid_gewijzigd"),
        1
    );

    // Own regisseur: sees it, and the view is logged as a special-category read.
    let (status, body) = overview(&app, &r.regisseur, &id).await;
    assert_eq!(status, StatusCode::OK);
    assert!(has_health(&body), "{body}");
    let s = body["secties"].as_array().expect("secties");
    let g = s
        .iter()
        .find(|x| x["sectie"] == "gezondheid")
        .expect("gezondheid");
    assert_eq!(
        g["inhoud"]["lichamelijk"]["waarde"],
        "Rugklachten na de reis"
    );
    assert_eq!(count(&app.audit_actions(&id).await, "gezondheid_inzien"), 1);
    assert_eq!(
        app.get_api(&r.regisseur, &versies).await.status,
        StatusCode::OK
    );
    assert_eq!(count(&app.audit_actions(&id).await, "gezondheid_inzien"), 2);

    // Another regisseur and the teamleider: the intake without health, and 403 on the section.
    for u in [&r.regisseur2, &r.teamleider] {
        let (status, body) = overview(&app, u, &id).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!has_health(&body), "{body}");
        assert!(!body.to_string().contains("Rugklachten"));
        // Life domains about health are special-category data too.
        assert_eq!(body["afgeschermd"][0], "gezondheid");
        assert_eq!(app.get_api(u, &versies).await.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(count(&app.audit_actions(&id).await, "gezondheid_inzien"), 2);

    // Roles without the trajectory at all: 403; another gemeente: 404.
    for u in [&r.beleid, &r.beheerder, &r.privacy] {
        assert_eq!(overview(&app, u, &id).await.0, StatusCode::FORBIDDEN);
        assert_eq!(app.get_api(u, &versies).await.status, StatusCode::FORBIDDEN);
    }
    for u in [&r.other_regisseur, &r.other_teamleider] {
        assert_eq!(overview(&app, u, &id).await.0, StatusCode::NOT_FOUND);
        assert_eq!(app.get_api(u, &versies).await.status, StatusCode::NOT_FOUND);
    }

    // The gemeente records a need for teamleiders: now they see it, logged as such.
    app.execute(&[
        "INSERT INTO gemeente_instellingen (gemeente_id, gewijzigd_op, gezondheid_rollen) \
         SELECT id, CURRENT_TIMESTAMP, 'teamleider' FROM organisaties WHERE naam = 'Weert'",
    ])
    .await;
    let (_, body) = overview(&app, &r.teamleider, &id).await;
    assert!(has_health(&body), "{body}");
    assert_eq!(count(&app.audit_actions(&id).await, "gezondheid_inzien"), 3);
    let (_, body) = overview(&app, &r.regisseur2, &id).await;
    assert!(!has_health(&body));
    assert_eq!(count(&app.audit_actions(&id).await, "gezondheid_inzien"), 3);
    for u in [&r.beleid, &r.beheerder, &r.privacy] {
        assert_eq!(overview(&app, u, &id).await.0, StatusCode::FORBIDDEN);
    }
}

#[tokio::test]
async fn sections_are_versioned_a_stale_save_is_a_conflict_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Yonas", "Tesfay", None))
        .await;
    let lbt = format!("/api/v1/personen/{id}/brede-intake/secties/leerbaarheidstoets");
    let body = |versie: i64| {
        json!({"versie": versie, "inhoud": {"stand": "afgenomen", "uitslag": "B1-route haalbaar",
            "datum": "2026-01-15", "scores": [{"onderdeel": "taal", "score": 71}]}})
    };
    let res = app.put_api(&r.regisseur, &lbt, &body(0), "*").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["versie"], 1);
    assert_eq!(res.json()["status"], "compleet");
    let stale = app.put_api(&r.regisseur2, &lbt, &body(0), "*").await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(
        app.put_api(&r.regisseur2, &lbt, &body(1), "*").await.status,
        StatusCode::OK
    );
    let v = app
        .get_api(&r.regisseur, &format!("{lbt}/versies"))
        .await
        .json();
    assert_eq!(v["versies"].as_array().map(Vec::len), Some(2));
    assert!(v["versies"][0]["gewijzigdDoor"].is_string());

    // Unknown states, unknown DUO codes, a future date, an unknown section: refused, nothing saved.
    let bad = json!({"versie": 2, "inhoud": {"stand": "afgenomen", "uitslag": "Misschien", "datum": "2026-01-15"}});
    assert_eq!(
        app.put_api(&r.regisseur, &lbt, &bad, "*").await.status,
        StatusCode::BAD_REQUEST
    );
    let future = json!({"versie": 2, "inhoud": {"stand": "afgenomen", "uitslag": "Onbekend", "datum": "2999-01-15"}});
    let res = app.put_api(&r.regisseur, &lbt, &future, "*").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("toekomst"), "{}", res.body);
    let other = format!("/api/v1/personen/{id}/brede-intake/secties/leefdomein-justitie");
    assert_eq!(
        app.put_api(
            &r.regisseur,
            &other,
            &json!({"versie": 0, "inhoud": {}}),
            "*"
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    let v = app
        .get_api(&r.regisseur, &format!("{lbt}/versies"))
        .await
        .json();
    assert_eq!(v["versies"].as_array().map(Vec::len), Some(2));
    assert!(
        app.audit_actions(&id)
            .await
            .iter()
            .any(|a| a == "intake_gewijzigd")
    );
}

#[tokio::test]
async fn conversations_start_the_intake_and_afronding_needs_the_mandatory_components() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Sara", "Mehari", None))
        .await;
    let base = format!("/api/v1/personen/{id}/brede-intake");
    let future = json!({"datum": "2999-01-01", "plaats": "azc"});
    let res = app
        .post_api(&r.regisseur, &format!("{base}/gesprekken"), &future)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("datum"), "{}", res.body);
    let ok = json!({"datum": "2026-01-10", "plaats": "gemeentehuis", "tolkTaal": "Tigrinya",
        "tolkSoort": "telefonisch", "rechtZonderPartnerGewezen": true});
    let res = app
        .post_api(&r.regisseur, &format!("{base}/gesprekken"), &ok)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let (_, body) = overview(&app, &r.regisseur, &id).await;
    assert_eq!(body["gestartOp"], "2026-01-10");
    assert_eq!(body["gesprekken"][0]["rechtZonderPartnerGewezen"], true);
    assert_eq!(body["ontbrekend"].as_array().map(Vec::len), Some(4));

    let afronding = format!("{base}/afronding");
    let res = app
        .post_api(&r.regisseur, &afronding, &json!({"versie": body["versie"]}))
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("Leerbaarheidstoets"), "{}", res.body);

    let g = json!({"stand": "geen_probleem"});
    let sections = [
        (
            "leerbaarheidstoets",
            json!({"stand": "overgeslagen", "reden": "ontheffing_visueel"}),
        ),
        (
            "opleiding-werk",
            json!({"opleidingen": {"stand": "antwoord", "waarde": [{"land": "Eritrea",
            "niveau": "middelbare school", "jaren": 8, "diploma": true, "waarderingAangevraagd": false}]},
            "werkervaring": g}),
        ),
        (
            "gezondheid",
            json!({"lichamelijk": g, "psychisch": g, "overigeOmstandigheden": g}),
        ),
        (
            "gezin-kinderopvang",
            json!({"gezin": g, "kinderopvang": g,
            "vve": {"stand": "antwoord", "waarde": {"geinformeerd": "ja", "datum": "2026-01-10"}}}),
        ),
    ];
    for (s, inhoud) in sections {
        let res = app
            .put_api(
                &r.regisseur,
                &format!("{base}/secties/{s}"),
                &json!({"versie": 0, "inhoud": inhoud}),
                "*",
            )
            .await;
        assert_eq!(res.status, StatusCode::OK, "{s}: {}", res.body);
        assert_eq!(res.json()["status"], "compleet", "{s}");
    }
    let (_, body) = overview(&app, &r.regisseur, &id).await;
    assert_eq!(body["ontbrekend"], json!([]));
    let stale = app
        .post_api(&r.regisseur, &afronding, &json!({"versie": 99}))
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let res = app
        .post_api(&r.regisseur, &afronding, &json!({"versie": body["versie"]}))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let (_, body) = overview(&app, &r.regisseur, &id).await;
    assert!(body["afgerondOp"].is_string());
    // The intake stays revisable after it was closed (and after the PIP).
    let res = app
        .put_api(&r.regisseur, &format!("{base}/secties/wensen"),
            &json!({"versie": 0, "inhoud": {"wensen": {"stand": "antwoord", "waarde": "Verpleegkundige worden"}}}), "*")
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
}
