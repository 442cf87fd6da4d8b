//! Findings of the outside attack session (2026-12-01), each a test that failed before its fix.

use axum::http::StatusCode;
use serde_json::json;
use wegwijs_app::auth::totp;

use crate::harness::{PASSWORD, TestApp, cookie_token, get_with};

fn hex(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}

/// A cursor is client input that reaches the database as bound text. A NUL in one of its values made
/// PostgreSQL fail ("invalid byte sequence for encoding UTF8: 0x00") and the API and caseload page
/// answered 500; SQLite quietly answered page 1. Expected: 400 naming `na`/`voor`, as for other input.
#[tokio::test]
async fn a_cursor_with_control_characters_is_a_400_not_a_500() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    app.person(
        &r.regisseur,
        json!({"voornamen": "Ali", "geslachtsnaam": "Aap"}),
    )
    .await;
    let id = "de300000-0000-0003-0000-000000000159";
    for cursor in [
        hex(&format!(r#"["naam",0,"\u0000","b","{id}"]"#)),
        hex(&format!(r#"["naam",0,"a","x\u001b","{id}"]"#)),
    ] {
        for dir in ["na", "voor"] {
            let api = app
                .get_api(
                    &r.regisseur,
                    &format!("/api/v1/personen?paginaGrootte=1&{dir}={cursor}"),
                )
                .await;
            assert_eq!(
                api.status,
                StatusCode::BAD_REQUEST,
                "API {dir}: {}",
                api.body
            );
            let page = app
                .get_page(
                    &r.regisseur,
                    &format!("/caseload?regisseur=alle&{dir}={cursor}"),
                )
                .await;
            assert_ne!(
                page.status,
                StatusCode::INTERNAL_SERVER_ERROR,
                "caseload {dir}"
            );
        }
    }
}

/// The one-time notice id (`?eenmalig=`) is bound as text: a NUL in it gave 500 on PostgreSQL.
#[tokio::test]
async fn a_notice_id_with_a_nul_is_not_a_500() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for path in [
        "/beheer/gebruikers?eenmalig=a%00b",
        "/beheer/api-sleutels?eenmalig=a%00b",
    ] {
        let res = app.get_page(&r.beheerder, path).await;
        assert_ne!(res.status, StatusCode::INTERNAL_SERVER_ERROR, "{path}");
    }
}

/// A session opened with a stolen password outlived the victim switching on the second factor.
#[tokio::test]
async fn enabling_totp_ends_the_other_sessions_of_the_account() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER, "{}", login.body);
    let attacker = cookie_token(&login);
    assert_eq!(
        app.send(get_with(&attacker, "/caseload")).await.status,
        StatusCode::OK
    );
    let secret = crate::two_factor::secret_on_account_page(&app, &r.regisseur).await;
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    let code = totp::code_at(&secret, "regisseur@weert.test", now).expect("code");
    let on = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    let after = app.send(get_with(&attacker, "/caseload")).await;
    assert!(
        after.location().starts_with("/inloggen"),
        "the password-only session still works after TOTP was enabled: {}",
        after.status
    );
}

/// Sign-ins, failed sign-ins and sign-outs are written with gemeente NULL, so the privacy officer's
/// gemeente log never shows them (only a wrong TOTP code carries the gemeente).
#[tokio::test]
async fn sign_ins_and_failed_sign_ins_are_in_the_gemeente_log() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let ok = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let bad = app
        .post_form_raw(
            None,
            "/inloggen",
            &[
                ("email", "regisseur@weert.test"),
                ("wachtwoord", "fout-fout-fout"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let log = app.get_page(&r.privacy, "/verwerkingen").await;
    assert_eq!(log.status, StatusCode::OK);
    for label in ["Ingelogd", "Inloggen mislukt"] {
        assert!(
            log.body.contains(label),
            "{label} missing from the gemeente log"
        );
    }
}

/// Adding a partner organisation wrote no audit row at all.
#[tokio::test]
async fn creating_an_organisation_is_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .post_form(
            &r.beheerder,
            "/beheer/organisaties",
            &[("naam", "Taalschool Nieuw")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let log = app.get_page(&r.privacy, "/verwerkingen").await;
    assert!(
        log.body.contains("Taalschool Nieuw"),
        "no audit row naming the new organisation"
    );
}

/// Zero-width and bidi-override characters are not control characters (`char::is_control`), so a
/// required name made only of U+200B, or one with U+202E (right-to-left override) that renders
/// reversed, was stored.
#[tokio::test]
async fn invisible_and_bidi_override_characters_are_refused_in_names() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for (voornamen, achternaam) in [("\u{200b}", "\u{200b}"), ("\u{202e}nadroJ", "Aap")] {
        let res = app
            .post_api(
                &r.regisseur,
                "/api/v1/personen",
                &json!({"voornamen": voornamen, "geslachtsnaam": achternaam}),
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::BAD_REQUEST,
            "{voornamen:?}: {}",
            res.body
        );
    }
}

/// "De tweede stap staat al aan" is checked on the user loaded before the transaction: two enables
/// racing each other must not both succeed (seen on the demo server: two parallel POST /account/totp,
/// both 303). Both confirm the secret waiting in the one session, with the same code.
#[tokio::test]
async fn two_parallel_totp_enables_do_not_both_succeed() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let now = u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0);
    let s1 = crate::two_factor::secret_on_account_page(&app, &r.regisseur).await;
    let c1 = totp::code_at(&s1, "regisseur@weert.test", now).expect("code");
    let f1 = [("huidig", PASSWORD), ("code", c1.as_str())];
    let f2 = f1;
    let (a, b) = tokio::join!(
        app.post_form(&r.regisseur, "/account/totp", &f1),
        app.post_form(&r.regisseur, "/account/totp", &f2),
    );
    let ok = [a.status, b.status]
        .iter()
        .filter(|s| **s == StatusCode::SEE_OTHER)
        .count();
    assert_eq!(ok, 1, "both enables succeeded: {} / {}", a.status, b.status);
}
