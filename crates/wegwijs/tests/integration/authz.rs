//! Access rules, proven per role through both the API and the pages.

use axum::http::StatusCode;

use crate::harness::{TestApp, bsn, person_json};

#[tokio::test]
async fn regisseur_of_another_gemeente_cannot_read_change_or_list_a_person() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", Some(&bsn(1))))
        .await;
    let path = format!("/api/v1/personen/{id}");

    let get = app.get_api(&r.other_regisseur, &path).await;
    assert_eq!(get.status, StatusCode::NOT_FOUND);
    assert_eq!(get.header("content-type"), "application/problem+json");
    let put = app
        .put_api(
            &r.other_regisseur,
            &path,
            &person_json("X", "Y", None),
            &etag,
        )
        .await;
    assert_eq!(put.status, StatusCode::NOT_FOUND);
    let list = app
        .get_api(&r.other_regisseur, "/api/v1/personen")
        .await
        .json();
    assert_eq!(list["totaal"], 0, "lists omit persons of another gemeente");
    let search = app
        .get_api(
            &r.other_regisseur,
            &format!("/api/v1/personen?zoek={}", bsn(1)),
        )
        .await
        .json();
    assert_eq!(
        search["totaal"], 0,
        "a BSN search does not reach into another gemeente"
    );

    let page = app
        .get_page(&r.other_regisseur, &format!("/personen/{id}"))
        .await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("Demouri"));
    let edit = app
        .post_form(
            &r.other_regisseur,
            &format!("/personen/{id}"),
            &[("voornamen", "X"), ("geslachtsnaam", "Y"), ("versie", "1")],
        )
        .await;
    assert_eq!(edit.status, StatusCode::NOT_FOUND);
    let other_teamleider = app.get_api(&r.other_teamleider, &path).await;
    assert_eq!(other_teamleider.status, StatusCode::NOT_FOUND);

    // And the person is untouched, with no audit row by the outsiders.
    let own = app.get_api(&r.regisseur, &path).await.json();
    assert_eq!(own["geslachtsnaam"], "Demouri");
    assert_eq!(own["versie"], 1);
}

#[tokio::test]
async fn beleid_beheerder_and_privacy_see_no_person_data() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    for user in [&r.beleid, &r.beheerder, &r.privacy] {
        let get = app.get_api(user, &format!("/api/v1/personen/{id}")).await;
        assert_eq!(get.status, StatusCode::FORBIDDEN, "{} API get", user.email);
        let list = app.get_api(user, "/api/v1/personen").await;
        assert_eq!(
            list.status,
            StatusCode::FORBIDDEN,
            "{} API list",
            user.email
        );
        let create = app
            .post_api(
                user,
                "/api/v1/personen",
                &person_json("Nieuw", "Persoon", None),
            )
            .await;
        assert_eq!(
            create.status,
            StatusCode::FORBIDDEN,
            "{} API create",
            user.email
        );
        let page = app.get_page(user, &format!("/personen/{id}")).await;
        assert_eq!(
            page.status,
            StatusCode::FORBIDDEN,
            "{} dossier page",
            user.email
        );
        assert!(!page.body.contains("Demouri"));
        let caseload = app.get_page(user, "/caseload").await;
        assert_eq!(
            caseload.status,
            StatusCode::FORBIDDEN,
            "{} caseload page",
            user.email
        );
        let households = app.get_api(user, "/api/v1/huishoudens").await;
        assert_eq!(
            households.status,
            StatusCode::FORBIDDEN,
            "{} households",
            user.email
        );
    }
}

#[tokio::test]
async fn teamleider_reads_and_reassigns_but_does_not_edit() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let get = app
        .get_api(&r.teamleider, &format!("/api/v1/personen/{id}"))
        .await;
    assert_eq!(get.status, StatusCode::OK);
    let put = app
        .put_api(
            &r.teamleider,
            &format!("/api/v1/personen/{id}"),
            &person_json("X", "Y", None),
            &etag,
        )
        .await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);
    let create = app
        .post_api(
            &r.teamleider,
            "/api/v1/personen",
            &person_json("Nieuw", "Persoon", None),
        )
        .await;
    assert_eq!(create.status, StatusCode::FORBIDDEN);

    let reassign = app
        .post_form(
            &r.teamleider,
            &format!("/personen/{id}/regisseur"),
            &[
                ("regisseurId", &r.regisseur2.id.to_string()),
                ("versie", "1"),
            ],
        )
        .await;
    assert_eq!(reassign.status, StatusCode::SEE_OTHER, "{}", reassign.body);
    let after = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(after["regisseurId"], r.regisseur2.id.to_string());
    // A regisseur cannot move caseloads.
    let by_regisseur = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{id}/regisseur"),
            &[
                ("regisseurId", &r.regisseur.id.to_string()),
                ("versie", "2"),
            ],
        )
        .await;
    assert_eq!(by_regisseur.status, StatusCode::FORBIDDEN);
    // Nor can a teamleider hand a person to a regisseur of another gemeente.
    let outside = app
        .post_form(
            &r.teamleider,
            &format!("/personen/{id}/regisseur"),
            &[
                ("regisseurId", &r.other_regisseur.id.to_string()),
                ("versie", "2"),
            ],
        )
        .await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn privacy_officer_reads_the_log_but_not_the_dossier() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let log = app
        .get_api(&r.privacy, &format!("/api/v1/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(
        !log.body.contains("Demouri"),
        "the log holds no personal data of the person"
    );
    let page = app.get_page(&r.privacy, "/verwerkingen").await;
    assert_eq!(page.status, StatusCode::OK);
    let regisseur_log = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(regisseur_log.status, StatusCode::FORBIDDEN);
    let other = app
        .get_api(
            &r.other_teamleider,
            &format!("/api/v1/personen/{id}/verwerkingen"),
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn anonymous_requests_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let api = app
        .api("GET", &format!("/api/v1/personen/{id}"), None, None, None)
        .await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api.header("www-authenticate"), "Bearer");
    let wrong_key = app
        .api(
            "GET",
            &format!("/api/v1/personen/{id}"),
            Some("wegwijs_niet-geldig"),
            None,
            None,
        )
        .await;
    assert_eq!(wrong_key.status, StatusCode::UNAUTHORIZED);
    let page = app
        .send(
            axum::http::Request::builder()
                .uri(format!("/personen/{id}"))
                .body(axum::body::Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert!(page.location().starts_with("/inloggen?terug=/personen/"));
}

#[tokio::test]
async fn deactivated_account_loses_api_and_session_access() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}", r.regisseur.id),
            &[("naam", "Test"), ("rol", "regisseur"), ("versie", "1")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get_page(&r.regisseur, "/caseload").await.status,
        StatusCode::SEE_OTHER
    );
}
