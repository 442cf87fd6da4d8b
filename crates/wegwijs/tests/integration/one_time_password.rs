//! A one-time password is one-time: whoever signs in with it chooses their own password before any
//! other page opens. A beheerder's reset hands out a new one once, ends the account's sessions and is
//! audited in the gemeente. The account's API keys keep working (docs/security.md says why).

use axum::http::StatusCode;
use wegwijs_domain::authz::Role;

use crate::harness::{TestApp, TestResponse, TestUser, cookie_token, get_with};

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    text.split(start)
        .nth(1)
        .and_then(|s| s.split(end).next())
        .unwrap_or_else(|| panic!("{start:?} not in {text}"))
}

/// Follows the redirect after a create or reset and reads the password shown once.
async fn shown_password(app: &TestApp, beheerder: &TestUser, res: &TestResponse) -> String {
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get_page(beheerder, &res.location()).await;
    assert!(
        page.body.contains("data-kopieer=\"eenmalig\""),
        "copy button"
    );
    let pw = between(&page.body, "<code id=\"eenmalig\">", "</code>").to_string();
    let again = app.get_page(beheerder, &res.location()).await;
    assert!(!again.body.contains(&pw), "shown once");
    pw
}

async fn sign_in(app: &TestApp, email: &str, pw: &str) -> TestResponse {
    app.post_form_raw(None, "/inloggen", &[("email", email), ("wachtwoord", pw)])
        .await
}

fn post(token: &str, path: &str, body: String) -> axum::http::Request<axum::body::Body> {
    axum::http::Request::builder()
        .method("POST")
        .uri(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", format!("wegwijs={token}"))
        .body(axum::body::Body::from(body))
        .expect("req")
}

async fn audit_gemeenten(app: &TestApp, actie: &str) -> Vec<Option<uuid::Uuid>> {
    const SQL: &str = "SELECT gemeente_id FROM audit_log WHERE actie = $1";
    let mut tx = app.db.begin().await.expect("tx");
    let rows = match &mut tx {
        wegwijs_storage::Tx::Sqlite(t) => {
            sqlx::query_scalar(SQL)
                .bind(actie)
                .fetch_all(&mut **t)
                .await
        }
        wegwijs_storage::Tx::Pg(t) => {
            sqlx::query_scalar(SQL)
                .bind(actie)
                .fetch_all(&mut **t)
                .await
        }
    }
    .expect("rows");
    tx.commit().await.expect("commit");
    rows
}

#[tokio::test]
async fn a_one_time_password_opens_only_the_change_password_page_until_replaced() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let created = app
        .post_form(
            &r.beheerder,
            "/beheer/gebruikers",
            &[
                ("email", "nieuw@weert.test"),
                ("naam", "Nieuw"),
                ("rol", "regisseur"),
            ],
        )
        .await;
    let pw = shown_password(&app, &r.beheerder, &created).await;
    let login = sign_in(&app, "nieuw@weert.test", &pw).await;
    assert_eq!(login.location(), "/account");
    let token = cookie_token(&login);
    for path in [
        "/",
        "/caseload",
        "/personen/nieuw",
        "/verwerkingen",
        "/account?x=1",
    ] {
        let res = app.send(get_with(&token, path)).await;
        if path.starts_with("/account") {
            assert_eq!(res.status, StatusCode::OK, "{path}");
        } else {
            assert_eq!(
                res.location(),
                "/account",
                "{path} redirects to the password change"
            );
        }
    }
    let page = app.send(get_with(&token, "/account")).await;
    assert!(page.body.contains("eenmalig wachtwoord"), "{}", page.body);
    assert!(!page.body.contains("<svg"), "nothing else on offer yet");
    let csrf = between(&page.body, "name=\"_csrf\" value=\"", "\"").to_string();
    let totp = app
        .send(post(
            &token,
            "/account/totp",
            format!("_csrf={csrf}&code=123456"),
        ))
        .await;
    assert_eq!(
        totp.location(),
        "/account",
        "no second factor before the password"
    );
    let changed = app
        .send(post(
            &token,
            "/account/wachtwoord",
            format!(
                "_csrf={csrf}&huidig={}&nieuw=Mijn-eigen-wachtwoord-2026&herhaling=Mijn-eigen-wachtwoord-2026",
                urlencode(&pw)
            ),
        ))
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(changed.location(), "/account?melding=wachtwoord-gewijzigd");
    let fresh = cookie_token(&changed);
    assert_eq!(
        app.send(get_with(&fresh, "/caseload")).await.status,
        StatusCode::OK
    );
    assert!(
        app.send(get_with(&token, "/caseload"))
            .await
            .location()
            .starts_with("/inloggen"),
        "the session of the one-time password ended"
    );
    let again = sign_in(&app, "nieuw@weert.test", "Mijn-eigen-wachtwoord-2026").await;
    assert_eq!(again.location(), "/", "no further change asked");
    assert_eq!(
        sign_in(&app, "nieuw@weert.test", &pw).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn signing_out_works_before_the_password_is_replaced() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let reset = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}/wachtwoord", r.regisseur.id.0),
            &[("bevestigd", "ja")],
        )
        .await;
    let pw = shown_password(&app, &r.beheerder, &reset).await;
    let login = sign_in(&app, "regisseur@weert.test", &pw).await;
    let token = cookie_token(&login);
    let page = app.send(get_with(&token, "/account")).await;
    let csrf = between(&page.body, "name=\"_csrf\" value=\"", "\"").to_string();
    let out = app
        .send(post(&token, "/uitloggen", format!("_csrf={csrf}")))
        .await;
    assert_eq!(out.location(), "/inloggen?uitgelogd=1");
}

#[tokio::test]
async fn a_beheerder_reset_ends_sessions_is_audited_and_stays_in_the_own_organisation() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let path = format!("/beheer/gebruikers/{}/wachtwoord", r.regisseur.id.0);
    let other = app
        .user(
            "beheerder@nederweert.test",
            r.nederweert,
            &[Role::Beheerder],
        )
        .await;
    assert_eq!(
        app.post_form(&other, &path, &[("bevestigd", "ja")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let partner = crate::two_factor::partner_org(&app, "Vluchtelingenwerk Test").await;
    let partner_beheerder = app
        .user("beheerder@partner.test", partner, &[Role::Beheerder])
        .await;
    assert_eq!(
        app.post_form(&partner_beheerder, &path, &[("bevestigd", "ja")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let own = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}/wachtwoord", r.beheerder.id.0),
            &[("bevestigd", "ja")],
        )
        .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(audit_gemeenten(&app, "wachtwoord_gereset").await.is_empty());
    assert_eq!(
        app.get_page(&r.regisseur, "/caseload").await.status,
        StatusCode::OK
    );

    let reset = app
        .post_form(&r.beheerder, &path, &[("bevestigd", "ja")])
        .await;
    let pw = shown_password(&app, &r.beheerder, &reset).await;
    assert!(
        app.get_page(&r.regisseur, "/caseload")
            .await
            .location()
            .starts_with("/inloggen"),
        "the account's sessions ended"
    );
    assert_eq!(
        audit_gemeenten(&app, "wachtwoord_gereset").await,
        vec![Some(r.weert.0)]
    );
    assert_eq!(
        sign_in(&app, "regisseur@weert.test", &pw).await.location(),
        "/account"
    );
    // Decision: the account's API keys keep working (a key is its own credential, made, limited
    // and revoked by the beheerder; see docs/security.md).
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.status,
        StatusCode::OK
    );
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("x", s)]).expect("enc")[2..].to_string()
}

/// Browser review 10: after a reset the user could keep a weak or the same password. The one-time
/// password itself and a repetitive password are refused, in Dutch, and the one-time password stays.
#[tokio::test]
async fn the_forced_change_refuses_the_one_time_password_and_repetitive_ones() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let reset = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}/wachtwoord", r.regisseur.id.0),
            &[("bevestigd", "ja")],
        )
        .await;
    let pw = shown_password(&app, &r.beheerder, &reset).await;
    let token = cookie_token(&sign_in(&app, "regisseur@weert.test", &pw).await);
    let page = app.send(get_with(&token, "/account")).await;
    let csrf = between(&page.body, "name=\"_csrf\" value=\"", "\"").to_string();
    let try_new = |nieuw: String| {
        let body = format!(
            "_csrf={csrf}&huidig={}&nieuw={n}&herhaling={n}",
            urlencode(&pw),
            n = urlencode(&nieuw)
        );
        app.send(post(&token, "/account/wachtwoord", body))
    };
    let same = try_new(pw.clone()).await;
    assert_eq!(
        same.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        same.body
    );
    assert!(
        same.body
            .contains("Kies een ander wachtwoord dan het huidige.")
    );
    let simple = try_new("aaaaaaaaaaaa".into()).await;
    assert_eq!(simple.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        simple.body.contains("Dit wachtwoord is te eenvoudig"),
        "{}",
        simple.body
    );
    let user = wegwijs_storage::users::get(&app.db, r.regisseur.id)
        .await
        .expect("user");
    assert!(user.wachtwoord_wijzigen, "still the one-time password");

    // Refused new passwords are no failed guesses of the current one (final review N1): after more
    // refusals than the throttle allows, the right change still goes through.
    for _ in 0..6 {
        let refused = try_new("bbbbbbbbbbbb".into()).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            refused.body
        );
    }
    let done = try_new("Een-eigen-wachtwoord-2026".into()).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
}
