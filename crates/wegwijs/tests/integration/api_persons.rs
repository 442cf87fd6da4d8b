//! `/api/v1/personen`: create, read, replace, list and search.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, bsn, person_json};

#[tokio::test]
async fn a_created_person_reads_back_with_location_etag_and_every_field() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let body = json!({
        "bsn": bsn(3), "vNummer": "1234567890", "voornamen": "Semhar", "tussenvoegsel": null, "geslachtsnaam": "Tesfademo",
        "geboortedatum": "1994-02-28", "geslacht": "vrouw", "geboorteland": "Eritrea", "nationaliteit": "Eritrese",
        "talen": "Tigrinya, Arabisch", "tolkNodig": true, "tolkTaal": "Tigrinya", "alfabetisering": "aa",
        "opleidingsniveau": "basisonderwijs", "werkervaring": "kort", "doelgroep": "asielstatushouder", "regime": "wi2021",
        "uitkeringPw": true, "uitkeringPwStartdatum": "2025-03-01", "datumKoppeling": "2024-11-01",
        "datumBrpInschrijving": "2025-01-15", "datumKennisgevingDuo": "2025-01-20", "datumHuisvesting": "2025-02-01",
        "straat": "Voorbeeldstraat", "huisnummer": "12a", "postcode": "6001ab", "woonplaats": "Weert",
        "telefoon": "06 0000 1234", "email": "semhar@voorbeeld.example"
    });
    let res = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let created = res.json();
    let id = created["id"].as_str().expect("id");
    assert_eq!(res.location(), format!("/api/v1/personen/{id}"));
    assert_eq!(res.header("etag"), "\"1\"");
    assert_eq!(res.header("api-version"), "1.0.0");
    let got = app.get_api(&r.regisseur, &res.location()).await.json();
    assert_eq!(got, created);
    assert_eq!(got["postcode"], "6001 AB", "normalised");
    assert_eq!(
        got["regisseurId"],
        r.regisseur.id.to_string(),
        "the registering regisseur takes the person on"
    );
    assert_eq!(got["gemeenteId"], r.weert.to_string());
    assert_eq!(
        got["_links"]["self"]["href"],
        format!("/api/v1/personen/{id}")
    );
    assert_eq!(
        got["tussenvoegsel"],
        json!(null),
        "unknown stays null, not an empty string"
    );
}

#[tokio::test]
async fn unknown_facts_stay_unknown_and_answers_are_kept() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Demouri", "uitkeringPw": false}),
        )
        .await;
    let got = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(got["uitkeringPw"], false, "'no' is an answer");
    assert_eq!(got["tolkNodig"], json!(null), "'not asked' is not 'no'");
    let page = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert!(
        page.body.contains("onbekend"),
        "the dossier shows what is still unknown"
    );
    assert!(
        page.body.contains("gegevens zijn bekend"),
        "and how complete it is"
    );
}

#[tokio::test]
async fn search_finds_by_surname_prefix_first_name_bsn_and_v_nummer() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut a = person_json("Yusuf", "Al-Demouri", Some(&bsn(10)));
    a["vNummer"] = json!("2345678901");
    app.person(&r.regisseur, a).await;
    app.person(
        &r.regisseur,
        person_json("Semhar", "Tesfademo", Some(&bsn(11))),
    )
    .await;
    app.person(&r.regisseur, person_json("Çelik", "Örnekoğlu", None))
        .await;
    let total = |q: &str| {
        let q = q.to_string();
        let app = &app;
        let user = &r.regisseur;
        async move {
            app.get_api(user, &format!("/api/v1/personen?{q}"))
                .await
                .json()["totaal"]
                .as_i64()
                .unwrap_or(-1)
        }
    };
    assert_eq!(total("zoek=al-dem").await, 1);
    assert_eq!(
        total("zoek=al%20dem").await,
        1,
        "hyphen and space are the same"
    );
    assert_eq!(total("zoek=yusuf").await, 1, "first names are searched too");
    assert_eq!(total("zoek=yusuf%20al").await, 1, "first name plus surname");
    assert_eq!(total(&format!("zoek={}", bsn(11))).await, 1);
    assert_eq!(total("zoek=2345678901").await, 1);
    assert_eq!(total("zoek=celik").await, 1, "diacritics are folded");
    assert_eq!(total("zoek=demo").await, 0, "a prefix, not a substring");
    assert_eq!(total("").await, 3);
}

#[tokio::test]
async fn lists_page_and_sort_with_links() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for name in ["Cdemo", "Ademo", "Edemo", "Bdemo", "Ddemo"] {
        app.person(&r.regisseur, person_json("X", name, None)).await;
    }
    let first = app
        .get_api(&r.regisseur, "/api/v1/personen?paginaGrootte=2")
        .await
        .json();
    assert_eq!(first["totaal"], 5);
    let names: Vec<&str> = first["personen"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|p| p["geslachtsnaam"].as_str())
        .collect();
    assert_eq!(names, ["Ademo", "Bdemo"]);
    let next = first["_links"]["next"]["href"]
        .as_str()
        .expect("next link")
        .to_string();
    assert!(first["_links"].get("prev").is_none());
    let second = app.get_api(&r.regisseur, &next).await.json();
    assert_eq!(second["personen"][0]["geslachtsnaam"], "Cdemo");
    assert_eq!(second["pagina"], 2);
}

#[tokio::test]
async fn the_caseload_lists_the_regisseurs_own_persons_first() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    app.person(&r.regisseur2, person_json("X", "Aaa-collega", None))
        .await;
    app.person(&r.regisseur, person_json("X", "Zzz-eigen", None))
        .await;
    let all = app.get_api(&r.regisseur, "/api/v1/personen").await.json();
    assert_eq!(all["personen"][0]["geslachtsnaam"], "Zzz-eigen");
    let mine = app
        .get_api(&r.regisseur, "/api/v1/personen?regisseur=mij")
        .await
        .json();
    assert_eq!(mine["totaal"], 1);
    let page = app.get_page(&r.regisseur, "/caseload").await;
    assert!(
        page.body.contains("Zzz-eigen") && !page.body.contains("Aaa-collega"),
        "the caseload page starts with the own caseload"
    );
    let whole = app.get_page(&r.regisseur, "/caseload?regisseur=alle").await;
    assert!(whole.body.contains("Aaa-collega"));
}
