//! Two people editing one record: the second save is refused, nothing is lost silently.

use axum::http::StatusCode;

use crate::harness::{TestApp, person_json};

#[tokio::test]
async fn the_second_of_two_api_edits_from_the_same_version_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    assert_eq!(etag, "\"1\"");
    let path = format!("/api/v1/personen/{id}");
    let first = app
        .put_api(
            &r.regisseur,
            &path,
            &person_json("Amal", "Eerste", None),
            &etag,
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.header("etag"), "\"2\"");
    let second = app
        .put_api(
            &r.regisseur2,
            &path,
            &person_json("Amal", "Tweede", None),
            &etag,
        )
        .await;
    assert_eq!(second.status, StatusCode::PRECONDITION_FAILED);
    assert_eq!(second.header("content-type"), "application/problem+json");
    assert_eq!(
        second.header("etag"),
        "\"2\"",
        "the refusal names the current version"
    );
    let now = app.get_api(&r.regisseur, &path).await.json();
    assert_eq!(now["geslachtsnaam"], "Eerste");
    assert_eq!(now["versie"], 2);
}

#[tokio::test]
async fn simultaneous_edits_let_exactly_one_win() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let path = format!("/api/v1/personen/{id}");
    let (a_body, b_body) = (
        person_json("Amal", "Alfa", None),
        person_json("Amal", "Beta", None),
    );
    let (a, b) = tokio::join!(
        app.put_api(&r.regisseur, &path, &a_body, &etag),
        app.put_api(&r.regisseur2, &path, &b_body, &etag),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::PRECONDITION_FAILED]);
    let winner = if a.status == StatusCode::OK {
        "Alfa"
    } else {
        "Beta"
    };
    assert_eq!(
        app.get_api(&r.regisseur, &path).await.json()["geslachtsnaam"],
        winner
    );
}

#[tokio::test]
async fn an_update_without_if_match_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let res = app
        .api(
            "PUT",
            &format!("/api/v1/personen/{id}"),
            Some(&r.regisseur.api_key),
            Some(&person_json("A", "B", None).to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::PRECONDITION_REQUIRED);
}

#[tokio::test]
async fn a_stale_form_shows_the_other_persons_change_and_keeps_the_users_input() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let path = format!("/personen/{id}");
    let first = app
        .post_form(
            &r.regisseur2,
            &path,
            &[
                ("voornamen", "Amal"),
                ("geslachtsnaam", "Van Collega"),
                ("versie", "1"),
            ],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    let second = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("voornamen", "Amal"),
                ("geslachtsnaam", "Van Mij"),
                ("versie", "1"),
            ],
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert!(
        second
            .body
            .contains("Intussen gewijzigd door Test regisseur2@weert.test"),
        "{}",
        second.body
    );
    assert!(
        second.body.contains("Van Collega"),
        "shows the value now stored"
    );
    assert!(
        second.body.contains("value=\"Van Mij\""),
        "keeps the user's own input in the form"
    );
    assert!(
        second.body.contains("name=\"versie\" value=\"2\""),
        "a deliberate second save is possible"
    );
    let stored = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(stored["geslachtsnaam"], "Van Collega");
}

#[tokio::test]
async fn simultaneous_registrations_commit_together_yet_fail_alone() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let same = crate::harness::bsn(40);
    let bodies: Vec<serde_json::Value> = (0..12)
        .map(|i| {
            let bsn = if i < 2 {
                same.clone()
            } else {
                crate::harness::bsn(41 + i)
            };
            person_json("Gelijk", &format!("Tijdig{i}"), Some(&bsn))
        })
        .collect();
    let results = futures::future::join_all(
        bodies
            .iter()
            .map(|b| app.post_api(&r.regisseur, "/api/v1/personen", b)),
    )
    .await;
    let created = results
        .iter()
        .filter(|res| res.status == StatusCode::CREATED)
        .count();
    let duplicate = results
        .iter()
        .filter(|res| res.status == StatusCode::CONFLICT)
        .count();
    assert_eq!(
        (created, duplicate),
        (11, 1),
        "only the second holder of the same BSN is refused"
    );
    let list = app
        .get_api(&r.regisseur, "/api/v1/personen?paginaGrootte=50")
        .await
        .json();
    assert_eq!(list["totaal"], 11);
}
