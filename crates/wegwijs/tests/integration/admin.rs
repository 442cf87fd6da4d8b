//! The beheerder's pages: accounts of the own organisation and partner organisations.

use axum::http::StatusCode;

use crate::harness::TestApp;
use wegwijs_domain::authz::Role;

#[tokio::test]
async fn a_beheerder_creates_an_account_that_can_sign_in_with_the_one_time_password() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app.get_page(&r.beheerder, "/beheer/gebruikers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("regisseur@weert.test")
            && !page.body.contains("regisseur@nederweert.test"),
        "own organisation only"
    );
    let res = app
        .post_form(
            &r.beheerder,
            "/beheer/gebruikers",
            &[
                ("email", "nieuw@weert.test"),
                ("naam", "Nieuwe Collega"),
                ("rol", "regisseur"),
                ("rol", "teamleider"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let shown = app.get_page(&r.beheerder, &res.location()).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.header("cache-control").contains("no-store"));
    let password = shown
        .body
        .split("<code id=\"eenmalig\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("one-time password shown")
        .to_string();
    let again = app.get_page(&r.beheerder, &res.location()).await;
    assert!(
        !again.body.contains(&password),
        "a reload does not show the password again"
    );
    let password = password.as_str();
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "nieuw@weert.test"), ("wachtwoord", password)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(
        login.location(),
        "/account",
        "a one-time password is replaced first"
    );
    let token = login
        .header("set-cookie")
        .trim_start_matches("wegwijs=")
        .split(';')
        .next()
        .unwrap_or("")
        .to_string();
    let req = axum::http::Request::builder()
        .uri("/caseload")
        .header(axum::http::header::COOKIE, format!("wegwijs={token}"))
        .body(axum::body::Body::empty())
        .expect("req");
    assert_eq!(app.send(req).await.location(), "/account");
    let dup = app
        .post_form(
            &r.beheerder,
            "/beheer/gebruikers",
            &[
                ("email", "nieuw@weert.test"),
                ("naam", "Dubbel"),
                ("rol", "beleid"),
            ],
        )
        .await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        dup.body
            .contains("Er bestaat al een account met dit e-mailadres.")
    );
    let no_role = app
        .post_form(
            &r.beheerder,
            "/beheer/gebruikers",
            &[("email", "x@weert.test"), ("naam", "X")],
        )
        .await;
    assert_eq!(no_role.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn only_a_beheerder_manages_accounts_and_only_of_the_own_organisation() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for user in [&r.regisseur, &r.teamleider, &r.beleid, &r.privacy] {
        assert_eq!(
            app.get_page(user, "/beheer/gebruikers").await.status,
            StatusCode::FORBIDDEN,
            "{}",
            user.email
        );
        let post = app
            .post_form(
                user,
                "/beheer/gebruikers",
                &[
                    ("email", "x@weert.test"),
                    ("naam", "X"),
                    ("rol", "beheerder"),
                ],
            )
            .await;
        assert_eq!(post.status, StatusCode::FORBIDDEN, "{}", user.email);
    }
    let other = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}", r.other_regisseur.id),
            &[
                ("naam", "Overgenomen"),
                ("rol", "beheerder"),
                ("actief", "on"),
                ("versie", "1"),
            ],
        )
        .await;
    assert_eq!(
        other.status,
        StatusCode::NOT_FOUND,
        "a beheerder cannot change another gemeente's account"
    );
    let stale = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}", r.regisseur.id),
            &[
                ("naam", "Nieuw"),
                ("rol", "regisseur"),
                ("actief", "on"),
                ("versie", "9"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn partner_organisations_are_added_once() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let add = app
        .post_form(
            &r.beheerder,
            "/beheer/organisaties",
            &[("naam", "Werk.Kom")],
        )
        .await;
    assert_eq!(add.status, StatusCode::SEE_OTHER);
    let list = app.get_page(&r.beheerder, "/beheer/organisaties").await;
    assert!(list.body.contains("Werk.Kom") && list.body.contains("Partnerorganisatie"));
    let again = app
        .post_form(
            &r.beheerder,
            "/beheer/organisaties",
            &[("naam", "Werk.Kom")],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.post_form(&r.regisseur, "/beheer/organisaties", &[("naam", "X")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_household_is_composed_on_the_dossier_by_bsn() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let partner_bsn = crate::harness::bsn(30);
    let (a, _) = app
        .person(
            &r.regisseur,
            crate::harness::person_json("Yusuf", "Demouri", None),
        )
        .await;
    let (b, _) = app
        .person(
            &r.regisseur,
            crate::harness::person_json("Amal", "Demouri", Some(&partner_bsn)),
        )
        .await;
    let form = app
        .get_page(&r.regisseur, &format!("/personen/{a}/huishouden"))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{a}/huishouden"),
            &[
                ("omschrijving", "Gezin Demouri"),
                ("lid", &a),
                (&format!("relatie_{a}"), "referentiepersoon"),
                ("nieuw_lid", &partner_bsn),
                ("nieuw_relatie", "partner"),
                ("nieuw_nareiziger", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{b}")).await;
    assert!(dossier.body.contains("Gezin Demouri") && dossier.body.contains("nareiziger"));
    let unknown = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{a}/huishouden"),
            &[("omschrijving", "X"), ("lid", &a), ("nieuw_lid", "Niemand")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body.contains("Geen persoon gevonden"));
}

#[tokio::test]
async fn a_beheerder_cannot_change_their_own_roles_or_switch_themselves_off() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let path = format!("/beheer/gebruikers/{}", r.beheerder.id.0);
    let more = app
        .post_form(
            &r.beheerder,
            &path,
            &[
                ("naam", "Beheerder"),
                ("versie", "1"),
                ("actief", "on"),
                ("rol", "beheerder"),
                ("rol", "privacy"),
            ],
        )
        .await;
    assert_eq!(
        more.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        more.body
    );
    assert!(more.body.contains("eigen rollen"));
    let off = app
        .post_form(
            &r.beheerder,
            &path,
            &[("naam", "Beheerder"), ("versie", "1"), ("rol", "beheerder")],
        )
        .await;
    assert_eq!(off.status, StatusCode::UNPROCESSABLE_ENTITY);
    let me = wegwijs_storage::users::get(&app.db, r.beheerder.id)
        .await
        .expect("me");
    assert_eq!(me.roles, vec![wegwijs_domain::authz::Role::Beheerder]);
    assert!(me.actief);
    let rename = app
        .post_form(
            &r.beheerder,
            &path,
            &[
                ("naam", "Andere Naam"),
                ("versie", "1"),
                ("actief", "on"),
                ("rol", "beheerder"),
            ],
        )
        .await;
    assert_eq!(
        rename.status,
        StatusCode::SEE_OTHER,
        "the own name may change"
    );
}

#[tokio::test]
async fn account_and_key_changes_are_in_the_privacy_officers_gemeente_log() {
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
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let target = r.regisseur.id.0;
    let reset = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{target}/wachtwoord"),
            &[("bevestigd", "ja")],
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
    let totp = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{target}/totp"),
            &[("bevestigd", "ja")],
        )
        .await;
    assert_eq!(totp.status, StatusCode::SEE_OTHER, "{}", totp.body);
    let update = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/gebruikers/{}", r.regisseur2.id.0),
            &[
                ("naam", "Twee"),
                ("versie", "1"),
                ("actief", "on"),
                ("rol", "regisseur"),
                ("rol", "teamleider"),
            ],
        )
        .await;
    assert_eq!(update.status, StatusCode::SEE_OTHER, "{}", update.body);
    let key = app
        .post_form(
            &r.beheerder,
            "/beheer/api-sleutels",
            &[
                ("gebruiker", &r.beleid.id.0.to_string()),
                ("omschrijving", "rapportage"),
                ("dagen", "30"),
            ],
        )
        .await;
    assert_eq!(key.status, StatusCode::SEE_OTHER, "{}", key.body);
    let keys = wegwijs_storage::api_keys::list_by_organisation(&app.db, r.weert)
        .await
        .expect("keys");
    let made = keys
        .iter()
        .find(|k| k.omschrijving == "rapportage")
        .expect("made");
    let revoke = app
        .post_form(
            &r.beheerder,
            &format!("/beheer/api-sleutels/{}/intrekken", made.id),
            &[],
        )
        .await;
    assert_eq!(revoke.status, StatusCode::SEE_OTHER, "{}", revoke.body);
    let log = app.get_page(&r.privacy, "/verwerkingen").await;
    assert_eq!(log.status, StatusCode::OK);
    for label in [
        "Gebruiker aangemaakt",
        "Wachtwoord gereset",
        "Tweestapsverificatie gereset",
        "Gebruiker gewijzigd",
        "API-sleutel aangemaakt",
        "API-sleutel ingetrokken",
    ] {
        assert!(
            log.body.contains(label),
            "{label} missing from the gemeente log"
        );
    }
    let other = app.get_page(&r.other_teamleider, "/verwerkingen").await;
    assert!(!other.body.contains("Wachtwoord gereset"));
}

/// Browser review 9: a reset took one click in a long list and then said only "Gegevens
/// opgeslagen". Now the list links to a confirmation page that names the account (from the
/// database), a post without that confirmation changes nothing, and the result has its own message.
#[tokio::test]
async fn a_reset_asks_for_confirmation_naming_the_user_and_says_what_happened() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let target = r.regisseur.id.0;
    let naam = wegwijs_storage::users::get(&app.db, r.regisseur.id)
        .await
        .expect("user")
        .naam;
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::users::set_totp(&mut tx, r.regisseur.id, Some("JBSWY3DPEHPK3PXP"))
        .await
        .expect("set");
    tx.commit().await.expect("commit");
    let totp_on = |app: &TestApp| {
        let db = app.db.clone();
        let id = r.regisseur.id;
        async move {
            wegwijs_storage::users::get(&db, id)
                .await
                .expect("user")
                .totp_geheim
                .is_some()
        }
    };

    let list = app.get_page(&r.beheerder, "/beheer/gebruikers").await;
    let totp_path = format!("/beheer/gebruikers/{target}/totp");
    let pw_path = format!("/beheer/gebruikers/{target}/wachtwoord");
    assert!(
        !list.body.contains(&format!("action=\"{totp_path}\""))
            && !list.body.contains(&format!("action=\"{pw_path}\"")),
        "no one-click reset in the list"
    );
    assert!(list.body.contains(&format!("href=\"{totp_path}\"")));
    assert!(list.body.contains(&format!("href=\"{pw_path}\"")));

    let confirm = app.get_page(&r.beheerder, &totp_path).await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    assert!(
        confirm
            .body
            .contains(&format!("Tweestapsverificatie van {naam} uitzetten?")),
        "{}",
        confirm.body
    );
    assert!(confirm.body.contains("regisseur@weert.test"));
    assert!(confirm.body.contains("name=\"bevestigd\" value=\"ja\""));
    let other = app
        .user(
            "beheerder@nederweert.test",
            r.nederweert,
            &[Role::Beheerder],
        )
        .await;
    assert_eq!(
        app.get_page(&other, &totp_path).await.status,
        StatusCode::NOT_FOUND,
        "another gemeente's account is not named"
    );

    // An old page's one-click form (no confirmation) leads to the confirmation, changing nothing.
    let unconfirmed = app.post_form(&r.beheerder, &totp_path, &[]).await;
    assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(unconfirmed.location(), totp_path);
    assert!(totp_on(&app).await, "not reset without confirmation");

    let done = app
        .post_form(&r.beheerder, &totp_path, &[("bevestigd", "ja")])
        .await;
    assert_eq!(
        done.location(),
        "/beheer/gebruikers?melding=tweede-factor-gereset"
    );
    assert!(!totp_on(&app).await);
    let after = app.get_page(&r.beheerder, &done.location()).await;
    assert!(
        after
            .body
            .contains("De tweestapsverificatie van de gebruiker is uitgezet"),
        "{}",
        after.body
    );
    assert!(!after.body.contains("Gegevens opgeslagen"));

    let pw_confirm = app.get_page(&r.beheerder, &pw_path).await;
    assert!(
        pw_confirm
            .body
            .contains(&format!("Nieuw eenmalig wachtwoord voor {naam}?"))
    );
    let unconfirmed = app.post_form(&r.beheerder, &pw_path, &[]).await;
    assert_eq!(unconfirmed.location(), pw_path);
    let user = wegwijs_storage::users::get(&app.db, r.regisseur.id)
        .await
        .expect("user");
    assert!(
        !user.wachtwoord_wijzigen,
        "no one-time password without confirmation"
    );
    let reset = app
        .post_form(&r.beheerder, &pw_path, &[("bevestigd", "ja")])
        .await;
    let to = reset.location();
    assert!(
        to.starts_with("/beheer/gebruikers?eenmalig=")
            && to.ends_with("&melding=wachtwoord-gereset"),
        "{to}"
    );
    let shown = app.get_page(&r.beheerder, &to).await;
    assert!(
        shown
            .body
            .contains("Er is een nieuw eenmalig wachtwoord ingesteld")
    );
    assert!(shown.body.contains("<code id=\"eenmalig\">"));
}

#[tokio::test]
async fn an_empty_api_key_list_says_so() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app.get_page(&r.beheerder, "/beheer/api-sleutels").await;
    assert!(!page.body.contains("Er zijn nog geen API-sleutels"));
    // The harness gives every test user a key; without any the page says so instead of an empty table.
    app.execute(&["DELETE FROM api_sleutels"]).await;
    let page = app.get_page(&r.beheerder, "/beheer/api-sleutels").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Er zijn nog geen API-sleutels."),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<table"));
}
