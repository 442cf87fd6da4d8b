//! The HTML pages as a browser sees them: sign-in, forms with errors next to the field, CSRF, headers.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::harness::{PASSWORD, TestApp, bsn, person_json};

fn form_fields(bsn: &str) -> Vec<(&str, &str)> {
    vec![
        ("voornamen", "Amira Noor"),
        ("tussenvoegsel", "van"),
        ("geslachtsnaam", "Dijk"),
        ("bsn", bsn),
        ("geboortedatum", "1991-04-17"),
        ("geslacht", "vrouw"),
    ]
}

#[tokio::test]
async fn signing_in_sets_a_hardened_session_cookie() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app
        .send(
            Request::builder()
                .uri("/inloggen")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<html lang=\"nl\">") && page.body.contains("id=\"email\""));
    let ok = app
        .post_form_raw(
            None,
            "/inloggen",
            &[
                ("email", "REGISSEUR@weert.test "),
                ("wachtwoord", PASSWORD),
                ("terug", "/caseload"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/caseload");
    let cookie = ok.header("set-cookie");
    for part in ["wegwijs=", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie} lacks {part}");
    }
    let token = cookie
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .expect("token");
    let req = Request::builder()
        .uri("/caseload")
        .header(header::COOKIE, format!("wegwijs={token}"))
        .body(Body::empty())
        .expect("req");
    let caseload = app.send(req).await;
    assert_eq!(caseload.status, StatusCode::OK);
    assert!(caseload.body.contains("Mijn caseload") && caseload.body.contains("Weert"));
    let _ = r;
}

#[tokio::test]
async fn secure_deployments_use_the_host_prefix() {
    let config = wegwijs_web::WebConfig {
        secure_cookies: true,
        ..crate::harness::test_config()
    };
    let app = TestApp::spawn_with(config).await;
    let _r = app.region().await;
    let ok = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    let cookie = ok.header("set-cookie");
    assert!(
        cookie.starts_with("__Host-wegwijs=") && cookie.contains("Secure"),
        "{cookie}"
    );
    assert_eq!(ok.location(), "/", "no return path: the start page");
}

#[tokio::test]
async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    for email in ["regisseur@weert.test", "niemand@weert.test"] {
        let res = app
            .post_form_raw(
                None,
                "/inloggen",
                &[("email", email), ("wachtwoord", "verkeerd-wachtwoord")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            res.body
                .contains("Het e-mailadres of het wachtwoord klopt niet.")
        );
        assert!(res.header("set-cookie").is_empty());
        assert!(
            !res.body.contains("verkeerd-wachtwoord"),
            "the password is not echoed"
        );
    }
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = TestApp::spawn().await;
    let _r = app.region().await;
    for _ in 0..5 {
        app.post_form_raw(
            None,
            "/inloggen",
            &[
                ("email", "regisseur@weert.test"),
                ("wachtwoord", "fout-fout-fout"),
            ],
        )
        .await;
    }
    let res = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
    assert!(res.body.contains("Te veel mislukte pogingen"));
    let other = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur2@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(
        other.status,
        StatusCode::SEE_OTHER,
        "other accounts are not affected"
    );
}

#[tokio::test]
async fn the_person_form_shows_errors_next_to_the_fields_and_keeps_the_input() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let form = app.get_page(&r.regisseur, "/personen/nieuw").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("<label for=\"bsn\">"));
    let bad = app
        .post_form(&r.regisseur, "/personen", &form_fields("111222334"))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Controleer de volgende velden"));
    assert!(bad.body.contains("<a href=\"#bsn\">"));
    assert!(bad.body.contains("id=\"bsn-fout\""));
    assert!(bad.body.contains("elfproef"));
    assert!(bad.body.contains("aria-invalid=\"true\""));
    // The typed date comes back in the format the hint asks for (dag-maand-jaar).
    assert!(bad.body.contains("value=\"Amira Noor\"") && bad.body.contains("value=\"17-04-1991\""));
    assert!(bad.body.contains("<option value=\"vrouw\" selected>"));
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.json()["totaal"],
        0
    );

    let good_bsn = bsn(20);
    let ok = app
        .post_form(&r.regisseur, "/personen", &form_fields(&good_bsn))
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let dossier = app.get_page(&r.regisseur, &ok.location()).await;
    assert_eq!(dossier.status, StatusCode::OK);
    assert!(dossier.body.contains("<h1>Amira Noor van Dijk</h1>"));
    assert!(dossier.body.contains(&good_bsn));
    assert!(dossier.body.contains("17 april 1991"));
}

#[tokio::test]
async fn forms_without_the_sessions_csrf_token_or_from_another_site_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let fields = form_fields("");
    let mut no_token: Vec<(&str, &str)> = vec![("_csrf", "vervalst")];
    no_token.extend(fields.iter().copied());
    let res = app
        .post_form_raw(Some(&r.regisseur), "/personen", &no_token)
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let req = Request::builder()
        .method("POST")
        .uri("/personen")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("wegwijs={}", r.regisseur.session))
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(format!(
            "_csrf={}&voornamen=A&geslachtsnaam=B",
            r.regisseur.csrf
        )))
        .expect("req");
    assert_eq!(app.send(req).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_api(&r.regisseur, "/api/v1/personen").await.json()["totaal"],
        0
    );
}

#[tokio::test]
async fn pages_carry_security_headers_and_are_never_cached() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let page = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    let csp = page.header("content-security-policy");
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self' 'nonce-"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("cache-control"), "no-store");
    assert_eq!(page.header("x-frame-options"), "DENY");
    assert_eq!(page.header("referrer-policy"), "no-referrer");
    assert!(!page.header("x-request-id").is_empty());
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("nonce");
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "the script tag carries this request's nonce"
    );
    let css = app
        .send(
            Request::builder()
                .uri("/static/wegwijs.css")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css"));
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app.post_form(&r.regisseur, "/uitloggen", &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/inloggen?uitgelogd=1");
    assert!(res.header("set-cookie").contains("Max-Age=0"));
    let after = app.get_page(&r.regisseur, "/caseload").await;
    assert_eq!(after.status, StatusCode::SEE_OTHER);
    let login = app
        .send(
            Request::builder()
                .uri("/inloggen?uitgelogd=1")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert!(login.body.contains("U bent uitgelogd."));
}

#[tokio::test]
async fn health_names_the_backend_and_schema_version() {
    let app = TestApp::spawn().await;
    let res = app
        .send(
            Request::builder()
                .uri("/health")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let h = res.json();
    assert_eq!(
        h["database"],
        if app.is_postgres() {
            "postgresql"
        } else {
            "sqlite"
        }
    );
    assert!(h["schemaVersion"].as_i64().is_some_and(|v| v >= 1));
}
