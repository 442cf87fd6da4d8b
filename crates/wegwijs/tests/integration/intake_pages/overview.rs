//! The overview's forms: conversations, third-party dates and afronding, and the dossier's link.

use axum::http::StatusCode;

use crate::harness::{TestApp, person_json};

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
