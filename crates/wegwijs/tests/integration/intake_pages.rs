//! The brede intake pages (issue 7, intake slice): section forms posted as plain HTML forms, field
//! errors next to the field, stale versions, health data hidden without a need, and page access per
//! role, on both databases.

use axum::http::StatusCode;

use crate::harness::{TestApp, TestUser, person_json};

fn sectie(id: &str, key: &str) -> String {
    format!("/personen/{id}/intake/secties/{key}")
}

async fn versies(app: &TestApp, user: &TestUser, id: &str, key: &str) -> Vec<serde_json::Value> {
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

fn opleiding_werk(versie: &str, land: &str) -> Vec<(&'static str, String)> {
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

async fn post(
    app: &TestApp,
    u: &TestUser,
    path: &str,
    f: &[(&'static str, String)],
) -> crate::harness::TestResponse {
    let fields: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(u, path, &fields).await
}

#[tokio::test]
async fn a_section_round_trips_through_plain_form_posts_with_its_history() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let path = sectie(&id, "opleiding-werk");

    let res = app.get_page(&r.regisseur, &path).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains(r#"name="versie" value="0""#));
    assert!(res.body.contains("Dit onderdeel is nog niet opgeslagen"));

    let res = post(&app, &r.regisseur, &path, &opleiding_werk("0", "Syrië")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("/personen/{id}/intake?melding=sectie-opgeslagen")
    );

    // The API reads exactly what the form meant: empty rows dropped, checkboxes as booleans.
    let v = versies(&app, &r.regisseur, &id, "opleiding-werk").await;
    assert_eq!(v.len(), 1);
    let inhoud = &v[0]["inhoud"];
    assert_eq!(
        inhoud["opleidingen"]["waarde"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(inhoud["opleidingen"]["waarde"][0]["land"], "Syrië");
    assert_eq!(inhoud["opleidingen"]["waarde"][0]["diploma"], true);
    assert_eq!(
        inhoud["opleidingen"]["waarde"][0]["waarderingAangevraagd"],
        false
    );
    assert_eq!(inhoud["werkervaring"]["stand"], "geen_probleem");

    // The form shows it back, and a second save is version 2 with version 1 still listed.
    let res = app.get_page(&r.regisseur, &path).await;
    assert!(res.body.contains(r#"value="Syrië""#), "{}", res.body);
    assert!(res.body.contains(r#"id="werkervaring__stand-geen_probleem" name="werkervaring__stand" value="geen_probleem" checked"#));
    assert!(res.body.contains(r#"name="versie" value="1""#));
    let res = post(&app, &r.regisseur, &path, &opleiding_werk("1", "Eritrea")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = app.get_page(&r.regisseur, &path).await;
    assert!(res.body.contains("Versie 2") && res.body.contains("Versie 1"));
    assert!(
        res.body.contains("Middelbare school in Eritrea")
            && res.body.contains("Middelbare school in Syrië")
    );

    // The leerbaarheidstoets with DUO's uitslag, a date and a score.
    let lbt = sectie(&id, "leerbaarheidstoets");
    let f = vec![
        ("versie", "0".to_string()),
        ("stand", "afgenomen".into()),
        ("uitslag", "B1-route haalbaar".into()),
        ("datum", "15-01-2025".into()),
        ("score_onderdeel__0", "Taal".into()),
        ("score__0", "42".into()),
    ];
    let res = post(&app, &r.regisseur, &lbt, &f).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let v = versies(&app, &r.regisseur, &id, "leerbaarheidstoets").await;
    assert_eq!(v[0]["inhoud"]["uitslag"], "B1-route haalbaar");
    assert_eq!(v[0]["inhoud"]["datum"], "2025-01-15");
    assert_eq!(v[0]["inhoud"]["scores"][0]["score"], 42);
    assert_eq!(v[0]["status"], "compleet");
    let res = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{id}/intake?melding=sectie-opgeslagen"),
        )
        .await;
    assert!(res.body.contains("Onderdeel opgeslagen als nieuwe versie"));
    assert!(res.body.contains("Compleet"));
}

#[tokio::test]
async fn a_field_error_is_shown_next_to_the_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let f = vec![
        ("versie", "0".to_string()),
        ("nederlandseContacten__stand", "antwoord".into()),
        ("nederlandseContacten", "veel".into()),
        ("netwerk__stand", "antwoord".into()),
        ("netwerk", "   ".into()),
    ];
    let res = post(&app, &r.regisseur, &sectie(&id, "sociaal-netwerk"), &f).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains(r#"id="nederlandseContacten-fout""#),
        "{}",
        res.body
    );
    assert!(res.body.contains(r##"href="#nederlandseContacten""##));
    assert!(res.body.contains(r#"value="veel""#), "the input is kept");
    assert!(
        versies(&app, &r.regisseur, &id, "sociaal-netwerk")
            .await
            .is_empty()
    );

    // The domain's own rule (an answer needs text) lands next to its question too.
    let f = vec![
        ("versie", "0".to_string()),
        ("netwerk__stand", "antwoord".into()),
        ("netwerk", "   ".into()),
    ];
    let res = post(&app, &r.regisseur, &sectie(&id, "sociaal-netwerk"), &f).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains(r#"id="netwerk-fout""#), "{}", res.body);
    assert!(res.body.contains("Sociaal netwerk: vul het antwoord in"));

    // The LBT taken without DUO's uitslag.
    let f = vec![
        ("versie", "0".to_string()),
        ("stand", "afgenomen".into()),
        ("datum", "15-01-2025".into()),
    ];
    let res = post(&app, &r.regisseur, &sectie(&id, "leerbaarheidstoets"), &f).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains(r#"id="uitslag-fout""#) && res.body.contains(r##"href="#uitslag""##));
}

#[tokio::test]
async fn a_stale_versie_is_refused_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let path = sectie(&id, "opleiding-werk");
    let res = post(&app, &r.regisseur, &path, &opleiding_werk("0", "Syrië")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // A second form opened on version 0 (another window) saves late.
    let res = post(&app, &r.regisseur, &path, &opleiding_werk("0", "Irak")).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(res.body.contains("Intussen gewijzigd") && res.body.contains("Er is niets opgeslagen"));
    assert!(res.body.contains(r#"value="Irak""#), "the input is kept");
    assert!(
        res.body.contains(r#"name="versie" value="1""#),
        "now based on the stored version"
    );
    let v = versies(&app, &r.regisseur, &id, "opleiding-werk").await;
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["inhoud"]["opleidingen"]["waarde"][0]["land"], "Syrië");
}

#[tokio::test]
async fn the_health_section_is_hidden_from_a_regisseur_who_is_not_the_persons_own() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let path = sectie(&id, "gezondheid");
    let f = vec![
        ("versie", "0".to_string()),
        ("lichamelijk__stand", "antwoord".into()),
        ("lichamelijk", "Rugklachten na de reis".into()),
    ];
    let res = post(&app, &r.regisseur, &path, &f).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let overview = format!("/personen/{id}/intake");
    let own = app.get_page(&r.regisseur, &overview).await;
    assert!(own.body.contains(&format!(r#"href="{path}""#)));
    assert!(
        app.get_page(&r.regisseur, &path)
            .await
            .body
            .contains("Rugklachten na de reis")
    );

    for u in [&r.regisseur2, &r.teamleider] {
        let res = app.get_page(u, &overview).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(
            res.body
                .contains("Gezondheid en persoonlijke omstandigheden")
        );
        assert!(
            res.body
                .contains("afgeschermd. Alleen zichtbaar voor de eigen regisseur"),
            "{}",
            res.body
        );
        assert!(!res.body.contains(&format!(r#"href="{path}""#)));
        assert!(!res.body.contains("Rugklachten"));
        let res = app.get_page(u, &path).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(!res.body.contains("Rugklachten"));
    }
    let res = post(&app, &r.regisseur2, &path, &f).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_teamleider_reads_the_pages_and_beleid_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let res = post(
        &app,
        &r.regisseur,
        &sectie(&id, "financien"),
        &[
            ("versie", "0".to_string()),
            ("inkomen__stand", "antwoord".into()),
            ("inkomen", "Bijstand".into()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let res = app
        .get_page(&r.teamleider, &format!("/personen/{id}/intake"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(!res.body.contains("Intake afronden") && !res.body.contains("Gesprek toevoegen"));
    let res = app.get_page(&r.teamleider, &sectie(&id, "financien")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Bijstand") && !res.body.contains(r#"name="versie""#));
    let res = post(
        &app,
        &r.teamleider,
        &sectie(&id, "financien"),
        &[("versie", "1".to_string())],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .get_page(
            &r.teamleider,
            &format!("/personen/{id}/intake/gesprekken/nieuw"),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    for path in [
        format!("/personen/{id}/intake"),
        sectie(&id, "financien"),
        format!("/personen/{id}/intake/gesprekken/nieuw"),
    ] {
        let res = app.get_page(&r.beleid, &path).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!res.body.contains("Bijstand"));
    }
    let res = app
        .get_page(&r.other_regisseur, &format!("/personen/{id}/intake"))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn conversations_third_party_dates_and_afronding_through_the_pages() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert!(
        dossier
            .body
            .contains(&format!(r#"href="/personen/{id}/intake">Brede intake"#))
    );

    let gesprekken = format!("/personen/{id}/intake/gesprekken");
    assert_eq!(
        app.get_page(&r.regisseur, &format!("{gesprekken}/nieuw"))
            .await
            .status,
        StatusCode::OK
    );
    let res = app
        .post_form(
            &r.regisseur,
            &gesprekken,
            &[
                ("datum", "10-01-2025"),
                ("plaats", "azc"),
                ("tolkTaal", "Tigrinya"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains(r#"id="tolkSoort-fout""#) && res.body.contains(r#"value="Tigrinya""#)
    );
    let res = app
        .post_form(
            &r.regisseur,
            &gesprekken,
            &[
                ("datum", "10-01-2025"),
                ("plaats", "azc"),
                ("tolkTaal", "Tigrinya"),
                ("tolkSoort", "telefonisch"),
                ("rechtZonderPartnerGewezen", "ja"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let overview = format!("/personen/{id}/intake");
    let res = app.get_page(&r.regisseur, &overview).await;
    assert!(
        res.body.contains("10 januari 2025") && res.body.contains("Tigrinya (telefonisch)"),
        "{}",
        res.body
    );

    let derde = format!("/personen/{id}/intake/derde-informatie");
    let res = app
        .post_form(
            &r.regisseur,
            &derde,
            &[
                ("versie", "1"),
                ("derdeInfoGevraagdOp", "20-01-2025"),
                ("derdeInfoOntvangenOp", "12-01-2025"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains(r#"id="derdeInfoOntvangenOp-fout""#)
            && res.body.contains(r#"value="12-01-2025""#)
    );
    let res = app
        .post_form(
            &r.regisseur,
            &derde,
            &[
                ("versie", "1"),
                ("derdeInfoGevraagdOp", "20-01-2025"),
                ("derdeInfoOntvangenOp", ""),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let api = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}/brede-intake"))
        .await
        .json();
    assert_eq!(api["derdeInfoGevraagdOp"], "2025-01-20");
    assert_eq!(api["versie"], 2);
    // The same form again on the old version: a conflict, nothing saved.
    let res = app
        .post_form(
            &r.regisseur,
            &derde,
            &[("versie", "1"), ("derdeInfoGevraagdOp", "21-01-2025")],
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);

    // Afronden with mandatory sections open: refused, naming them.
    let res = app
        .post_form(
            &r.regisseur,
            &format!("{overview}/afronden"),
            &[("versie", "2")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("Leerbaarheidstoets, Opleiding en werk"),
        "{}",
        res.body
    );
    let res = app.get_page(&r.regisseur, &overview).await;
    assert!(res.body.contains("Nog niet gestart") || res.body.contains("Niet gestart"));
}
