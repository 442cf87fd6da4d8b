//! Sessions live in the database: they survive a restart and are shared between instances.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::harness::{PASSWORD, TestApp};

#[tokio::test]
async fn a_session_works_on_a_second_instance_of_the_app() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    // A second router on the same database stands for another instance or a restart.
    let other = wegwijs_web::router(wegwijs_web::AppState::new(
        app.db.clone(),
        std::sync::Arc::new(wegwijs_app::clock::SystemClock),
        crate::harness::test_config(),
    ));
    let req = Request::builder()
        .uri("/caseload")
        .header(header::COOKIE, format!("wegwijs={}", r.regisseur.session))
        .body(Body::empty())
        .expect("req");
    let res = tower::ServiceExt::oneshot(other, req)
        .await
        .expect("infallible");
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn changing_the_password_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let second = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    let second_cookie = second.header("set-cookie");
    let token = second_cookie
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .expect("token")
        .to_string();
    let new = "Nieuw-en-lang-wachtwoord-1";
    let res = app
        .post_form(
            &r.regisseur,
            "/account/wachtwoord",
            &[("huidig", PASSWORD), ("nieuw", new), ("herhaling", new)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.header("set-cookie").starts_with("wegwijs="),
        "the changer gets a fresh session"
    );
    let req = Request::builder()
        .uri("/caseload")
        .header(header::COOKIE, format!("wegwijs={token}"))
        .body(Body::empty())
        .expect("req");
    assert_eq!(
        app.send(req).await.status,
        StatusCode::SEE_OTHER,
        "the other session is gone"
    );
    let old = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let short = app
        .post_form(
            &r.regisseur2,
            "/account/wachtwoord",
            &[
                ("huidig", PASSWORD),
                ("nieuw", "kort"),
                ("herhaling", "kort"),
            ],
        )
        .await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_user_with_totp_needs_the_code_to_get_in() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let secret = crate::two_factor::secret_on_account_page(&app, &r.regisseur).await;
    let now = || u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    let code =
        wegwijs_app::auth::totp::code_at(&secret, "regisseur@weert.test", now()).expect("code");
    let on = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);

    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(login.location(), "/inloggen/verificatie");
    let cookie = login.header("set-cookie");
    let token = cookie
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .expect("token")
        .to_string();
    let get = |path: &str| {
        Request::builder()
            .uri(path)
            .header(header::COOKIE, format!("wegwijs={token}"))
            .body(Body::empty())
            .expect("req")
    };
    assert_eq!(
        app.send(get("/caseload")).await.location(),
        "/inloggen/verificatie",
        "no pages before the second step"
    );
    let page = app.send(get("/inloggen/verificatie")).await;
    let csrf = page
        .body
        .split("name=\"_csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("csrf")
        .to_string();
    let post = |code: &str| {
        Request::builder()
            .method("POST")
            .uri("/inloggen/verificatie")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, format!("wegwijs={token}"))
            .body(Body::from(format!("_csrf={csrf}&code={code}")))
            .expect("req")
    };
    assert_eq!(
        app.send(post("000000")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The code that enabled TOTP was used once; the next time step's code (within the allowed drift)
    // signs in.
    let code = wegwijs_app::auth::totp::code_at(&secret, "regisseur@weert.test", now() + 30)
        .expect("code");
    let done = app.send(post(&code)).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let fresh = done
        .header("set-cookie")
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .expect("token")
        .to_string();
    let req = Request::builder()
        .uri("/caseload")
        .header(header::COOKIE, format!("wegwijs={fresh}"))
        .body(Body::empty())
        .expect("req");
    assert_eq!(app.send(req).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_role_can_be_made_to_enrol_a_second_factor() {
    let mut config = crate::harness::test_config();
    config.app.totp_required_for = vec![wegwijs_domain::authz::Role::Teamleider];
    let app = TestApp::spawn_with(config).await;
    let _r = app.region().await;
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "teamleider@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(login.location(), "/inloggen/verificatie");
    let plain = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(
        plain.location(),
        "/",
        "roles without the setting sign in directly"
    );
}
