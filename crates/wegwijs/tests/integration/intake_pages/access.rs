//! Who sees which intake page: health withheld without a need, teamleider reads, beleid is refused.

use axum::http::StatusCode;

use super::support::{post, sectie};
use crate::harness::{TestApp, person_json};

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
