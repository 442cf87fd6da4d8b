//! The second factor in everyday use: the secret made and kept by the server (QR code as inline SVG),
//! recovery codes (shown once, each usable once, throttled), turning it off (password and code), and
//! the beheerder's reset for a lost phone (audited in the gemeente, never across organisations).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use uuid::Uuid;
use wegwijs_app::auth::totp;
use wegwijs_domain::authz::Role;

use crate::harness::{PASSWORD, TestApp, TestResponse, TestUser, cookie_token, get_with};

fn now_unix() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or(0)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    text.split(start)
        .nth(1)
        .and_then(|s| s.split(end).next())
        .unwrap_or_else(|| panic!("{start:?} not in {text}"))
}

/// The secret the account page shows for typing in (the one waiting in the session).
pub async fn secret_on_account_page(app: &TestApp, user: &TestUser) -> String {
    let page = app.get_page(user, "/account").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    between(&page.body, "id=\"totp-sleutel\" class=\"breek\">", "<").to_string()
}

/// Turns the factor on from the account page; returns the secret and the recovery codes shown once.
async fn enable(app: &TestApp, user: &TestUser) -> (String, Vec<String>) {
    let secret = secret_on_account_page(app, user).await;
    let code = totp::code_at(&secret, &user.email, now_unix()).expect("code");
    let on = app
        .post_form(
            user,
            "/account/totp",
            &[("huidig", PASSWORD), ("code", &code)],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER, "{}", on.body);
    let to = on.location();
    assert!(
        to.starts_with("/account?melding=tweede-factor-aan&herstelcodes="),
        "{to}"
    );
    let page = app.get_page(user, &to).await;
    (secret, codes_on(&page))
}

fn codes_on(page: &TestResponse) -> Vec<String> {
    let list = between(
        &page.body,
        "<ol class=\"herstelcodes\" id=\"herstelcodes\">",
        "</ol>",
    );
    list.split("<code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .map(str::to_string)
        .collect()
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
    between(&page.body, "name=\"_csrf\" value=\"", "\"").to_string()
}

/// Signs in with the password; returns the pending session's token, its CSRF token and the page.
async fn pending(app: &TestApp, email: &str) -> (String, String, TestResponse) {
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", email), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(login.location(), "/inloggen/verificatie", "{}", login.body);
    let token = cookie_token(&login);
    let page = app.send(get_with(&token, "/inloggen/verificatie")).await;
    (token, csrf_of(&page), page)
}

async fn send_code(app: &TestApp, token: &str, csrf: &str, fields: &str) -> TestResponse {
    app.send(post_with(
        token,
        "/inloggen/verificatie",
        format!("_csrf={csrf}&{fields}"),
    ))
    .await
}

/// (gemeente, details) of the audit rows with action `actie`.
async fn audit_rows(app: &TestApp, actie: &str) -> Vec<(Option<Uuid>, Option<String>)> {
    const SQL: &str = "SELECT gemeente_id, details FROM audit_log WHERE actie = $1";
    let mut tx = app.db.begin().await.expect("tx");
    let rows = match &mut tx {
        wegwijs_storage::Tx::Sqlite(t) => sqlx::query_as(SQL).bind(actie).fetch_all(&mut **t).await,
        wegwijs_storage::Tx::Pg(t) => sqlx::query_as(SQL).bind(actie).fetch_all(&mut **t).await,
    }
    .expect("audit rows");
    tx.commit().await.expect("commit");
    rows
}

/// A partner organisation, made directly in storage.
pub async fn partner_org(app: &TestApp, naam: &str) -> wegwijs_domain::ids::OrganisatieId {
    let org = wegwijs_storage::organisations::Organisation {
        id: wegwijs_domain::ids::OrganisatieId(Uuid::now_v7()),
        naam: naam.into(),
        soort: wegwijs_domain::authz::OrganisatieSoort::Partner,
        gemeentecode: None,
        versie: 1,
    };
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::organisations::insert(&mut tx, &org, chrono::Utc::now())
        .await
        .expect("insert");
    tx.commit().await.expect("commit");
    org.id
}

async fn stored_totp(app: &TestApp, user: &TestUser) -> Option<String> {
    wegwijs_storage::users::get(&app.db, user.id)
        .await
        .expect("user")
        .totp_geheim
}

#[tokio::test]
async fn the_secret_is_made_by_the_server_and_never_taken_from_the_form() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let secret = secret_on_account_page(&app, &r.regisseur).await;
    assert_eq!(
        secret_on_account_page(&app, &r.regisseur).await,
        secret,
        "a reload keeps the secret a scanned QR code holds"
    );
    // A secret of the browser's choosing, with a valid code for it, does not get in.
    let planted = totp::new_secret();
    let code = totp::code_at(&planted, "regisseur@weert.test", now_unix()).expect("code");
    let res = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("geheim", &planted), ("code", &code)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
    // The page's secret gets in, stored sealed.
    let (shown, codes) = enable(&app, &r.regisseur).await;
    assert_eq!(shown, secret);
    assert_eq!(codes.len(), 10);
    let stored = stored_totp(&app, &r.regisseur).await.expect("on");
    let key = app.state.config.app.secret_key.as_ref().expect("key");
    assert_eq!(key.open(&stored).expect("open").secret(), secret);
    let rows = audit_rows(&app, "totp_ingeschakeld").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, Some(r.weert.0), "in the gemeente's log");
}

#[tokio::test]
async fn the_qr_code_is_an_inline_svg_of_the_otpauth_uri() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app.get_page(&r.regisseur, "/account").await;
    let secret = between(&page.body, "id=\"totp-sleutel\" class=\"breek\">", "<");
    let uri = totp::provisioning_url(secret, "regisseur@weert.test").expect("uri");
    assert!(
        uri.starts_with("otpauth://totp/") && uri.contains(secret),
        "{uri}"
    );
    let svg =
        wegwijs_web::pages::qr::svg(&uri, wegwijs_web::pages::account::QR_LABEL).expect("svg");
    assert!(
        page.body.contains(&svg),
        "the page holds the QR code of its own otpauth URI as inline SVG"
    );
    assert!(svg.starts_with("<svg role=\"img\" aria-label=") && svg.contains("<path"));
    assert!(!page.body.contains("<img"), "no image from elsewhere");
    assert!(
        page.body.contains(&uri.replace('&', "&#38;"))
            || page.body.contains(&uri.replace('&', "&amp;"))
    );
}

#[tokio::test]
async fn recovery_codes_are_shown_once_and_each_works_once() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let secret = secret_on_account_page(&app, &r.regisseur).await;
    let code = totp::code_at(&secret, "regisseur@weert.test", now_unix()).expect("code");
    let on = app
        .post_form(
            &r.regisseur,
            "/account/totp",
            &[("huidig", PASSWORD), ("code", &code)],
        )
        .await;
    let to = on.location();
    let first = app.get_page(&r.regisseur, &to).await;
    let codes = codes_on(&first);
    assert_eq!(codes.len(), 10);
    let again = app.get_page(&r.regisseur, &to).await;
    assert!(!again.body.contains(&codes[0]), "shown once");
    assert!(again.body.contains("niet nog eens getoond"));
    // Only hashes are stored.
    const SQL: &str = "SELECT code_hash FROM herstelcodes";
    let mut tx = app.db.begin().await.expect("tx");
    let hashes: Vec<String> = match &mut tx {
        wegwijs_storage::Tx::Sqlite(t) => sqlx::query_scalar(SQL).fetch_all(&mut **t).await,
        wegwijs_storage::Tx::Pg(t) => sqlx::query_scalar(SQL).fetch_all(&mut **t).await,
    }
    .expect("hashes");
    tx.commit().await.expect("commit");
    assert_eq!(hashes.len(), 10);
    let plain: Vec<String> = codes.iter().map(|c| c.replace('-', "")).collect();
    assert!(
        hashes
            .iter()
            .all(|h| !codes.contains(h) && !plain.contains(h))
    );

    let (token, csrf, page) = pending(&app, "regisseur@weert.test").await;
    assert!(page.body.contains("herstelcode"));
    let done = send_code(
        &app,
        &token,
        &csrf,
        &format!("code={}", codes[0].to_uppercase()),
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location(), "/");
    let fresh = cookie_token(&done);
    assert_eq!(
        app.send(get_with(&fresh, "/caseload")).await.status,
        StatusCode::OK
    );
    let used = audit_rows(&app, "herstelcode_gebruikt").await;
    assert_eq!(used.len(), 1);
    assert_eq!(used[0].0, Some(r.weert.0));
    assert_eq!(used[0].1.as_deref(), Some("nog 9 herstelcodes over"));

    let (token, csrf, _) = pending(&app, "regisseur@weert.test").await;
    let replay = send_code(&app, &token, &csrf, &format!("code={}", codes[0])).await;
    assert_eq!(
        replay.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a code works once"
    );
    assert!(replay.body.contains("al gebruikt"), "{}", replay.body);
    let second = send_code(&app, &token, &csrf, &format!("code={}", codes[1])).await;
    assert_eq!(second.status, StatusCode::SEE_OTHER, "{}", second.body);
}

#[tokio::test]
async fn wrong_recovery_codes_are_throttled_like_totp_codes() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (_, codes) = enable(&app, &r.regisseur).await;
    let (token, csrf, _) = pending(&app, "regisseur@weert.test").await;
    for i in 0..5 {
        let res = send_code(&app, &token, &csrf, "code=aaaa-bbbb-cccc").await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "try {i}");
    }
    let sixth = send_code(&app, &token, &csrf, &format!("code={}", codes[0])).await;
    assert_eq!(
        sixth.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        sixth.body
    );
    assert!(!sixth.header("retry-after").is_empty());
    assert_eq!(audit_rows(&app, "inloggen_mislukt").await.len(), 5);
}

#[tokio::test]
async fn turning_the_factor_off_needs_the_password_and_a_code() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (secret, _) = enable(&app, &r.regisseur).await;
    let next = totp::code_at(&secret, "regisseur@weert.test", now_unix() + 30).expect("code");
    let wrong_pw = app
        .post_form(
            &r.regisseur,
            "/account/totp/uit",
            &[("huidig", "niet-het-wachtwoord"), ("code", &next)],
        )
        .await;
    assert_eq!(wrong_pw.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong_pw.body.contains("href=\"#uit-huidig\""),
        "{}",
        wrong_pw.body
    );
    let wrong_code = if next == "000000" { "111111" } else { "000000" };
    let no_code = app
        .post_form(
            &r.regisseur,
            "/account/totp/uit",
            &[("huidig", PASSWORD), ("code", wrong_code)],
        )
        .await;
    assert_eq!(no_code.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        no_code.body.contains("href=\"#uit-code\""),
        "{}",
        no_code.body
    );
    assert!(stored_totp(&app, &r.regisseur).await.is_some(), "still on");
    let off = app
        .post_form(
            &r.regisseur,
            "/account/totp/uit",
            &[("huidig", PASSWORD), ("code", &next)],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
    assert_eq!(off.location(), "/account?melding=tweede-factor-uit");
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
    assert_eq!(
        wegwijs_storage::recovery_codes::count_unused(&app.db, r.regisseur.id)
            .await
            .expect("count"),
        0,
        "the recovery codes went with the factor"
    );
    let rows = audit_rows(&app, "totp_uitgeschakeld").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, Some(r.weert.0));
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    assert_eq!(login.location(), "/", "no second step any more");
}

#[tokio::test]
async fn a_recovery_code_also_turns_the_factor_off() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (_, codes) = enable(&app, &r.regisseur).await;
    let off = app
        .post_form(
            &r.regisseur,
            "/account/totp/uit",
            &[("huidig", PASSWORD), ("code", &codes[3])],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER, "{}", off.body);
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
}

#[tokio::test]
async fn a_role_that_requires_the_factor_cannot_turn_it_off() {
    let mut config = crate::harness::test_config();
    config.app.totp_required_for = vec![Role::Regisseur];
    let app = TestApp::spawn_with(config).await;
    let r = app.region().await;
    let (secret, _) = enable(&app, &r.regisseur).await;
    let next = totp::code_at(&secret, "regisseur@weert.test", now_unix() + 30).expect("code");
    let off = app
        .post_form(
            &r.regisseur,
            "/account/totp/uit",
            &[("huidig", PASSWORD), ("code", &next)],
        )
        .await;
    assert_eq!(off.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(off.body.contains("verplicht"), "{}", off.body);
    assert!(stored_totp(&app, &r.regisseur).await.is_some());
}

#[tokio::test]
async fn a_beheerder_resets_a_lost_factor_audited_and_only_in_their_own_organisation() {
    let mut config = crate::harness::test_config();
    config.app.totp_required_for = vec![Role::Regisseur];
    let app = TestApp::spawn_with(config).await;
    let r = app.region().await;
    let (_, codes) = enable(&app, &r.regisseur).await;
    let target = r.regisseur.id.0;
    let path = format!("/beheer/gebruikers/{target}/totp");

    let other = app
        .user(
            "beheerder@nederweert.test",
            r.nederweert,
            &[Role::Beheerder],
        )
        .await;
    let across = app.post_form(&other, &path, &[("bevestigd", "ja")]).await;
    assert_eq!(
        across.status,
        StatusCode::NOT_FOUND,
        "another gemeente's beheerder"
    );
    let partner = partner_org(&app, "Zorgpartner Weert").await;
    let partner_beheerder = app
        .user("beheerder@partner.test", partner, &[Role::Beheerder])
        .await;
    let from_partner = app
        .post_form(&partner_beheerder, &path, &[("bevestigd", "ja")])
        .await;
    assert_eq!(from_partner.status, StatusCode::NOT_FOUND);
    let own = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}/totp", r.beheerder.id.0),
            &[("bevestigd", "ja")],
        )
        .await;
    assert_eq!(
        own.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not their own"
    );
    assert!(stored_totp(&app, &r.regisseur).await.is_some());
    assert!(audit_rows(&app, "totp_gereset").await.is_empty());

    let reset = app
        .post_form(&r.beheerder, &path, &[("bevestigd", "ja")])
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
    let rows = audit_rows(&app, "totp_gereset").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, Some(r.weert.0), "the privacy officer sees it");
    assert!(
        rows[0]
            .1
            .as_deref()
            .unwrap_or("")
            .contains(&target.to_string())
    );
    assert_eq!(
        app.send(get_with(&r.regisseur.session, "/caseload"))
            .await
            .location(),
        "/inloggen?terug=/caseload",
        "the account's sessions ended"
    );

    // The role requires the factor: the next sign-in sets up a new one; old recovery codes are void.
    let (token, csrf, page) = pending(&app, "regisseur@weert.test").await;
    assert!(page.body.contains("<svg role=\"img\""), "a new QR code");
    let old = send_code(&app, &token, &csrf, &format!("code={}", codes[0])).await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let secret = between(&page.body, "id=\"totp-sleutel\" class=\"breek\">", "<");
    let planted = totp::new_secret();
    let planted_code = totp::code_at(&planted, "regisseur@weert.test", now_unix()).expect("code");
    let refused = send_code(
        &app,
        &token,
        &csrf,
        &format!("geheim={planted}&code={planted_code}"),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no secret from the form"
    );
    let code = totp::code_at(secret, "regisseur@weert.test", now_unix()).expect("code");
    let done = send_code(&app, &token, &csrf, &format!("code={code}")).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert!(
        done.location()
            .starts_with("/account?melding=tweede-factor-aan&herstelcodes="),
        "{}",
        done.location()
    );
    let fresh = cookie_token(&done);
    let shown = app.send(get_with(&fresh, &done.location())).await;
    assert_eq!(codes_on(&shown).len(), 10, "new recovery codes, once");
}

/// Attack review F1: with only a borrowed session (unlocked computer, stolen cookie) nobody may link
/// their own app, collect the recovery codes and sign the owner out. Turning the factor on asks for
/// the current password, each wrong one is logged, and the guesses are throttled.
#[tokio::test]
async fn turning_the_second_factor_on_needs_the_current_password() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    // The owner's own session elsewhere, which a hijacker's enrolment would end.
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "regisseur@weert.test"), ("wachtwoord", PASSWORD)],
        )
        .await;
    let owner = cookie_token(&login);
    let page = app.get_page(&r.regisseur, "/account").await;
    assert!(
        page.body
            .contains("name=\"huidig\" type=\"password\" autocomplete=\"current-password\""),
        "the enrolment form asks for the password"
    );
    let secret = secret_on_account_page(&app, &r.regisseur).await;
    let code = totp::code_at(&secret, &r.regisseur.email, now_unix()).expect("code");
    for form in [
        vec![("code", code.as_str())],
        vec![
            ("huidig", "Niet-het-wachtwoord-2026"),
            ("code", code.as_str()),
        ],
    ] {
        let res = app.post_form(&r.regisseur, "/account/totp", &form).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
        assert!(
            res.body.contains("Uw huidige wachtwoord klopt niet."),
            "{}",
            res.body
        );
        assert!(
            res.body.contains("href=\"#aan-huidig\""),
            "linked to the field"
        );
        assert!(!res.body.contains("herstelcodes="), "no recovery codes");
    }
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
    assert_eq!(
        audit_rows(&app, "wachtwoordcontrole_mislukt").await.len(),
        2
    );
    assert_eq!(
        app.send(get_with(&owner, "/account")).await.status,
        StatusCode::OK,
        "the owner is still signed in"
    );
    // Guessing the password this way is throttled like every other password check.
    let mut last = StatusCode::OK;
    for _ in 0..10 {
        last = app
            .post_form(
                &r.regisseur,
                "/account/totp",
                &[("huidig", "Nog-een-gok-2026"), ("code", &code)],
            )
            .await
            .status;
        if last == StatusCode::TOO_MANY_REQUESTS {
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    assert!(stored_totp(&app, &r.regisseur).await.is_none());
}

#[tokio::test]
async fn with_the_password_the_second_factor_goes_on() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (_, codes) = enable(&app, &r.regisseur).await;
    assert_eq!(codes.len(), 10);
    assert!(stored_totp(&app, &r.regisseur).await.is_some());
}
