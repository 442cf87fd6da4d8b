//! The beheerder's pages: accounts of the own organisation and partner organisations.

use axum::http::StatusCode;

use crate::harness::TestApp;

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
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let password = res
        .body
        .split("Eenmalig wachtwoord: <code>")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("one-time password shown");
    let login = app
        .post_form_raw(
            None,
            "/inloggen",
            &[("email", "nieuw@weert.test"), ("wachtwoord", password)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
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
