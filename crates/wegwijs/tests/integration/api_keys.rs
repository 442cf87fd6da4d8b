//! API keys: made and revoked by the beheerder (own organisation only), shown once, expiring, and
//! refused at once after revocation.

use axum::http::StatusCode;

use crate::harness::TestApp;

#[tokio::test]
async fn a_beheerder_makes_a_key_shown_once_and_revokes_it_at_once() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let made = app
        .post_form(
            &r.beheerder,
            "/beheer/api-sleutels",
            &[
                ("gebruiker", &r.regisseur.id.0.to_string()),
                ("omschrijving", "koppeling"),
                ("dagen", ""),
            ],
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let shown = app.get_page(&r.beheerder, &made.location()).await;
    let key = shown
        .body
        .split("<code id=\"eenmalig\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("key shown once")
        .to_string();
    assert!(key.starts_with("wegwijs_"));
    let again = app.get_page(&r.beheerder, &made.location()).await;
    assert!(!again.body.contains(&key), "not shown on reload");
    assert!(again.body.contains(&key[..16]), "the list shows the prefix");
    let api = app
        .api("GET", "/api/v1/personen", Some(&key), None, None)
        .await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let info = wegwijs_storage::api_keys::list_by_organisation(&app.db, r.weert)
        .await
        .expect("keys")
        .into_iter()
        .find(|k| k.omschrijving == "koppeling")
        .expect("key");
    assert!(info.laatst_gebruikt_op.is_some(), "last use is recorded");
    assert_eq!(info.prefix.as_deref(), Some(&key[..16]));
    let id = info.id;
    let foreign = app
        .post_form(
            &r.other_teamleider,
            &format!("/beheer/api-sleutels/{id}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "not a beheerder");
    let revoked = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/api-sleutels/{id}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER, "{}", revoked.body);
    let after = app
        .api("GET", "/api/v1/personen", Some(&key), None, None)
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_beheerder_cannot_touch_keys_of_another_organisation() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let nederweert_beheerder = app
        .user(
            "beheerder@nederweert.test",
            r.nederweert,
            &[wegwijs_domain::authz::Role::Beheerder],
        )
        .await;
    let weert_key = wegwijs_storage::api_keys::list_by_organisation(&app.db, r.weert)
        .await
        .expect("keys")[0]
        .id;
    let res = app
        .post_form(
            &nederweert_beheerder,
            &format!("/beheer/api-sleutels/{weert_key}/intrekken"),
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let make = app
        .post_form(
            &nederweert_beheerder,
            "/beheer/api-sleutels",
            &[
                ("gebruiker", &r.regisseur.id.0.to_string()),
                ("omschrijving", "x"),
                ("dagen", "5"),
            ],
        )
        .await;
    assert_eq!(make.status, StatusCode::NOT_FOUND);
    let page = app
        .get_page(&nederweert_beheerder, "/beheer/api-sleutels")
        .await;
    assert!(!page.body.contains("regisseur@weert.test"));
}

#[tokio::test]
async fn an_expired_api_key_gets_401() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.status,
        StatusCode::OK
    );
    app.execute(&["UPDATE api_sleutels SET verloopt_op = '2001-01-01T00:00:00Z'"])
        .await;
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_rejected_key_form_keeps_the_chosen_user_and_description() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let user = r.regisseur.id.0.to_string();
    let refused = app
        .post_form(
            &r.beheerder,
            "/beheer/api-sleutels",
            &[
                ("gebruiker", &user),
                ("omschrijving", "koppeling met het leerlingvolgsysteem"),
                ("dagen", "veel"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains(&format!("<option value=\"{user}\" selected>")),
        "the chosen user stays selected, so a correction cannot make a key for someone else"
    );
    assert!(
        refused
            .body
            .contains("value=\"koppeling met het leerlingvolgsysteem\"")
    );
    assert!(refused.body.contains("value=\"veel\""));
}
