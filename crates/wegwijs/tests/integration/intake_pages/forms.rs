//! Section forms, conversations, third-party dates and afronding through the pages.

use axum::http::StatusCode;

use super::support::{opleiding_werk, post, sectie, versies};
use crate::harness::{TestApp, person_json};

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
async fn lbt_errors_name_the_date_once_and_mark_the_bad_score_input() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let f = vec![
        ("versie", "0".to_string()),
        ("stand", "afgenomen".into()),
        ("uitslag", "B1-route haalbaar".into()),
        ("datum", "".into()),
        ("score_onderdeel__0", "Taal".into()),
        ("score__0", "42".into()),
        ("score_onderdeel__1", "Rekenen".into()),
        ("score__1", "abc".into()),
    ];
    let res = post(&app, &r.regisseur, &sectie(&id, "leerbaarheidstoets"), &f).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("Datum van de toets: dit veld is verplicht.")
            && !res
                .body
                .to_lowercase()
                .contains("datum van de toets: datum van de toets"),
        "{}",
        res.body
    );
    assert!(res.body.contains(r##"href="#score__1""##), "{}", res.body);
    assert!(!res.body.contains(r##"href="#scores""##));
    let input = res
        .body
        .split("<input id=\"score__1\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default()
        .to_string();
    assert!(input.contains(r#"aria-invalid="true""#), "{input}");
    assert!(
        res.body
            .contains("Regel 2: vul de score in als heel getal.")
    );
    assert!(
        versies(&app, &r.regisseur, &id, "leerbaarheidstoets")
            .await
            .is_empty()
    );
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
