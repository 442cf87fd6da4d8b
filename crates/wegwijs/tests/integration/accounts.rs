//! Signing in, the second factor and the beheerder's account pages under attack: parallel guessing,
//! replayed codes, session fixation, secrets at rest, one-time passwords and the gemeente's log.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use wegwijs_app::auth::{secret_box, totp};

use crate::harness::{PASSWORD, TestApp, TestResponse, cookie_token, get_with};

fn now_unix() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

fn post_with(token: &str, path: &str, body: String) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("wegwijs={token}"))
        .body(Body::from(body))
        .expect("req")
}

fn csrf_of(page: &TestResponse) -> String {
    page.body
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf")
        .to_string()
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> TestResponse {
    app.post_form_raw(
        None,
        "/inloggen",
        &[("email", email), ("wachtwoord", password)],
    )
    .await
}

/// Stores a TOTP secret for an account the way enabling does (sealed with the installation key).
async fn give_totp(app: &TestApp, email: &str, secret: &str) {
    let key = app.state.config.app.secret_key.as_ref().expect("test key");
    let user = wegwijs_storage::users::find_by_email(&app.db, email)
        .await
        .expect("find")
        .expect("user");
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::users::set_totp(&mut tx, user.id, Some(&key.seal(secret).expect("seal")))
        .await
        .expect("set");
    tx.commit().await.expect("commit");
}

/// Signs in with the password; returns the pending session's token and CSRF token.
async fn pending_session(app: &TestApp, email: &str) -> (String, String) {
    let login = sign_in(app, email, PASSWORD).await;
    assert_eq!(login.location(), "/inloggen/verificatie");
    let token = cookie_token(&login);
    let page = app.send(get_with(&token, "/inloggen/verificatie")).await;
    (token.clone(), csrf_of(&page))
}

async fn send_code(app: &TestApp, token: &str, csrf: &str, code: &str) -> TestResponse {
    app.send(post_with(
        token,
        "/inloggen/verificatie",
        format!("_csrf={csrf}&code={code}"),
    ))
    .await
}

async fn stored_totp(app: &TestApp, email: &str) -> Option<String> {
    wegwijs_storage::users::find_by_email(&app.db, email)
        .await
        .expect("find")
        .expect("user")
        .totp_geheim
}

#[tokio::test]
async fn parallel_wrong_passwords_get_at_most_the_limit_of_real_checks() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    let tries = (0..40).map(|i| {
        let app = &app;
        async move {
            let wrong = format!("fout-wachtwoord-{i}");
            sign_in(app, "regisseur@weert.test", &wrong).await.status
        }
    });
    let statuses = futures::future::join_all(tries).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(
        checked <= 5,
        "{checked} passwords were checked: {statuses:?}"
    );
    assert_eq!(checked + refused, 40, "{statuses:?}");
    let right = sign_in(&app, "regisseur@weert.test", PASSWORD).await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the account stays locked for the window, even for the right password"
    );
    assert!(!right.header("retry-after").is_empty());
}

#[tokio::test]
async fn a_burst_of_sign_ins_runs_a_bounded_number_of_password_hashes_at_once() {
    let mut config = crate::harness::test_config();
    config.trust_proxy = true;
    let app = TestApp::spawn_with(config).await;
    let _r = app.region().await;
    // Different addresses and accounts, so the throttle lets every request reach the hashing.
    let tries = (0..40).map(|i| {
        let app = &app;
        async move {
            let req = Request::builder()
                .method("POST")
                .uri("/inloggen")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("x-forwarded-for", format!("10.0.0.{i}"))
                .body(Body::from(format!(
                    "email=onbekend{i}%40weert.test&wachtwoord=fout-{i}"
                )))
                .expect("req");
            app.send(req).await.status
        }
    });
    let statuses = futures::future::join_all(tries).await;
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::UNPROCESSABLE_ENTITY),
        "{statuses:?}"
    );
    let peak = wegwijs_app::auth::password::peak_parallel_hashes();
    assert!(
        peak <= wegwijs_app::auth::password::max_parallel_hashes(),
        "{peak} hashes ran at once"
    );
}

#[tokio::test]
async fn the_current_password_check_is_throttled_and_each_failure_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let new = "Nieuw-en-lang-wachtwoord-1";
    for i in 0..5 {
        let res = app
            .post_form(
                &r.regisseur,
                "/account/wachtwoord",
                &[
                    ("huidig", &format!("geraden-{i}")),
                    ("nieuw", new),
                    ("herhaling", new),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "try {i}");
    }
    let sixth = app
        .post_form(
            &r.regisseur,
            "/account/wachtwoord",
            &[("huidig", PASSWORD), ("nieuw", new), ("herhaling", new)],
        )
        .await;
    assert_eq!(
        sixth.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        sixth.body
    );
    assert!(!sixth.header("retry-after").is_empty());
    let log = app.get_page(&r.privacy, "/verwerkingen").await;
    assert_eq!(
        log.body
            .matches("<td>Huidig wachtwoord onjuist</td>")
            .count(),
        5,
        "each failed check is in the gemeente's log"
    );
}

#[tokio::test]
async fn the_cookie_from_before_the_second_step_no_longer_works_after_it() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    let secret = totp::new_secret();
    give_totp(&app, "regisseur@weert.test", &secret).await;
    let (old, csrf) = pending_session(&app, "regisseur@weert.test").await;
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let done = send_code(&app, &old, &csrf, &code).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let new = cookie_token(&done);
    assert!(!new.is_empty() && new != old, "a new session token is set");
    assert_eq!(
        app.send(get_with(&new, "/caseload")).await.status,
        StatusCode::OK
    );
    let with_old = app.send(get_with(&old, "/caseload")).await;
    assert!(
        with_old.location().starts_with("/inloggen"),
        "the old cookie is signed out: {}",
        with_old.location()
    );
    let page = app.send(get_with(&new, "/account")).await;
    assert_ne!(csrf_of(&page), csrf, "the CSRF token is new as well");
}

#[tokio::test]
async fn a_totp_code_is_accepted_once() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    let secret = totp::new_secret();
    give_totp(&app, "regisseur@weert.test", &secret).await;
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let (first, csrf) = pending_session(&app, "regisseur@weert.test").await;
    assert_eq!(
        send_code(&app, &first, &csrf, &code).await.status,
        StatusCode::SEE_OTHER
    );
    let (second, csrf2) = pending_session(&app, "regisseur@weert.test").await;
    let replay = send_code(&app, &second, &csrf2, &code).await;
    assert_eq!(replay.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(replay.body.contains("al gebruikt"), "{}", replay.body);
    assert!(
        app.send(get_with(&second, "/caseload"))
            .await
            .location()
            .starts_with("/inloggen/verificatie")
    );
}

#[tokio::test]
async fn the_sixth_wrong_totp_code_is_throttled() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    let secret = totp::new_secret();
    give_totp(&app, "regisseur@weert.test", &secret).await;
    let (token, csrf) = pending_session(&app, "regisseur@weert.test").await;
    let right = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let wrong = if right == "000000" {
        "111111"
    } else {
        "000000"
    };
    for i in 0..5 {
        let res = send_code(&app, &token, &csrf, wrong).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "try {i}");
    }
    let sixth = send_code(&app, &token, &csrf, &right).await;
    assert_eq!(
        sixth.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        sixth.body
    );
    assert!(!sixth.header("retry-after").is_empty());
}

#[tokio::test]
async fn the_stored_totp_secret_is_encrypted_not_the_base32_secret() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let secret = crate::two_factor::secret_on_account_page(&app, &r.regisseur).await;
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let on = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    let stored = stored_totp(&app, "regisseur@weert.test")
        .await
        .expect("stored");
    assert_ne!(stored, secret);
    assert!(!stored.contains(&secret));
    assert!(secret_box::is_sealed(&stored), "{stored}");
    // The code used to enable cannot be used again to sign in; the next one works.
    let (token, csrf) = pending_session(&app, "regisseur@weert.test").await;
    assert_eq!(
        send_code(&app, &token, &csrf, &code).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let other = totp::new_secret();
    let other_code = totp::code_at(&other, "regisseur@weert.test", now_unix()).expect("code");
    let swap = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[
                ("huidig", PASSWORD),
                ("geheim", &other),
                ("code", &other_code),
            ],
        )
        .await;
    assert_eq!(
        swap.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an enabled factor is not replaced"
    );
    assert_eq!(
        stored_totp(&app, "regisseur@weert.test").await.as_deref(),
        Some(stored.as_str())
    );
    let next = totp::code_at(&secret, "regisseur@weert.test", now_unix() + 30).expect("code");
    assert_eq!(
        send_code(&app, &token, &csrf, &next).await.status,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_plaintext_secret_from_before_is_encrypted_on_first_use() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    let secret = totp::new_secret();
    let user = wegwijs_storage::users::find_by_email(&app.db, "regisseur@weert.test")
        .await
        .expect("find")
        .expect("user");
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::users::set_totp(&mut tx, user.id, Some(&secret))
        .await
        .expect("set");
    tx.commit().await.expect("commit");
    let (token, csrf) = pending_session(&app, "regisseur@weert.test").await;
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    assert_eq!(
        send_code(&app, &token, &csrf, &code).await.status,
        StatusCode::SEE_OTHER
    );
    let stored = stored_totp(&app, "regisseur@weert.test")
        .await
        .expect("stored");
    assert!(secret_box::is_sealed(&stored) && !stored.contains(&secret));
}

#[tokio::test]
async fn without_a_secret_key_enabling_totp_is_refused_with_a_clear_message() {
    let mut config = crate::harness::test_config();
    config.app.secret_key = None;
    let app = TestApp::spawn_with(config).await;
    let r = app.region().await;
    let page = app.get_page(&r.regisseur, "/account").await;
    assert!(page.body.contains("geen geheime"), "{}", page.body);
    assert!(!page.body.contains("<svg"), "no QR code without a key");
    let secret = totp::new_secret();
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let res = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("geheim", &secret), ("code", &code)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("geen geheime"), "{}", res.body);
    assert!(stored_totp(&app, "regisseur@weert.test").await.is_none());
}

#[tokio::test]
async fn a_spoofed_forwarded_for_entry_does_not_reset_the_per_address_limit() {
    let mut config = crate::harness::test_config();
    config.trust_proxy = true;
    let app = TestApp::spawn_with(config).await;
    let _r = app.region().await;
    let mut statuses = Vec::new();
    for i in 0..21 {
        // The client writes a new address each time; the proxy appends the real one (203.0.113.7).
        let req = Request::builder()
            .method("POST")
            .uri("/inloggen")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-for", format!("198.51.100.{i}, 203.0.113.7"))
            .body(Body::from(format!(
                "email=gok{i}%40weert.test&wachtwoord=fout"
            )))
            .expect("req");
        statuses.push(app.send(req).await.status);
    }
    assert_eq!(statuses[19], StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        statuses[20],
        StatusCode::TOO_MANY_REQUESTS,
        "the 21st try from one real address is refused: {statuses:?}"
    );
}
