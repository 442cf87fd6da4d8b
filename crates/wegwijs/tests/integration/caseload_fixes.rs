//! The caseload after the browser and attack reviews: no move of a caseload onto itself, persons who
//! already have the target skipped, a whole caseload confirmed first, households moving along (one
//! contact point per household), a hint when taking on is off, household messages that say whom to
//! ask, searches as people type them, and the real stage of persons without regisseur.

use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;
use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::person::RawPerson;

use crate::harness::{Region, TestApp, TestResponse, TestUser, bsn};

/// A person straight into storage, with a birth date and optional BSN; returns its id.
async fn insert(
    app: &TestApp,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    voornamen: &str,
    geslachtsnaam: &str,
    geboren: &str,
    bsn: Option<&str>,
) -> Uuid {
    let raw = RawPerson {
        voornamen: Some(voornamen.into()),
        geslachtsnaam: Some(geslachtsnaam.into()),
        geboortedatum: Some(geboren.into()),
        datum_koppeling: Some("2025-02-01".into()),
        doelgroep: Some("asielstatushouder".into()),
        bsn: bsn.map(str::to_string),
        ..RawPerson::default()
    };
    let today = Utc::now().date_naive();
    app.insert_person(gemeente, regisseur, &raw, today).await
}

/// (regisseur id, version) of a person as the API shows them.
async fn state_of(app: &TestApp, user: &TestUser, id: Uuid) -> (Option<String>, String) {
    let res = app.get_api(user, &format!("/api/v1/personen/{id}")).await;
    let p = res.json();
    (
        p["regisseurId"].as_str().map(str::to_string),
        res.header("etag"),
    )
}

fn moves(actions: &[String]) -> usize {
    actions
        .iter()
        .filter(|a| *a == "regisseur_gewijzigd")
        .count()
}

async fn post(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    fields: &[(&str, String)],
) -> TestResponse {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(user, path, &f).await
}

async fn three(app: &TestApp, r: &Region, who: GebruikerId) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for n in ["Aerts", "Bos", "Claes"] {
        ids.push(insert(app, r.weert, Some(who), "Kim", n, "1990-05-17", None).await);
    }
    ids
}

#[tokio::test]
async fn a_caseload_is_never_moved_onto_itself_and_a_whole_caseload_is_confirmed_first() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let ids = three(&app, &r, r.regisseur.id).await;
    let me = r.regisseur.id.to_string();

    // The overview does not preselect a target: the teamleider chooses one.
    let page = app.get_page(&r.teamleider, "/werkvoorraad/aantallen").await;
    let naar = page.body.split("id=\"naar\"").nth(1).unwrap_or("");
    assert!(
        naar.trim_start()
            .starts_with("name=\"naar\">\n        <option value=\"\">Kies een regisseur</option>"),
        "{naar}"
    );

    // From X to X: refused in Dutch, nothing written.
    let same = [
        ("van", me.clone()),
        ("naar", me.clone()),
        ("bevestigd", "ja".into()),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &same).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("Van en naar zijn dezelfde regisseur"),
        "{}",
        res.body
    );
    for id in &ids {
        assert_eq!(state_of(&app, &r.regisseur, *id).await.1, "\"1\"");
        assert_eq!(moves(&app.audit_actions(&id.to_string()).await), 0);
    }

    // A whole caseload: first a confirmation page with the numbers; nothing has moved yet.
    let to = [("van", me.clone()), ("naar", r.regisseur2.id.to_string())];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &to).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(
        res.body.contains("U verplaatst 3 personen van <strong>Test regisseur@weert.test</strong> naar <strong>Test regisseur2@weert.test</strong>"),
        "{}",
        res.body
    );
    assert!(res.body.contains("name=\"bevestigd\" value=\"ja\""));
    assert!(res.body.contains(&format!("name=\"van\" value=\"{me}\"")));
    for id in &ids {
        assert_eq!(state_of(&app, &r.regisseur, *id).await.0, Some(me.clone()));
    }
    // The confirm button carries the same data.
    let confirmed = [
        ("van", me.clone()),
        ("naar", r.regisseur2.id.to_string()),
        ("bevestigd", "ja".into()),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &confirmed).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/werkvoorraad/aantallen?melding=verplaatst&aantal=3"
    );
    for id in &ids {
        assert_eq!(
            state_of(&app, &r.regisseur, *id).await.0,
            Some(r.regisseur2.id.to_string())
        );
    }
}

#[tokio::test]
async fn persons_who_already_have_the_target_are_skipped_and_counted_truly() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mine = three(&app, &r, r.regisseur.id).await;
    let theirs = insert(
        &app,
        r.weert,
        Some(r.regisseur2.id),
        "Jo",
        "Dekker",
        "1990-05-17",
        None,
    )
    .await;
    let mut fields: Vec<(&str, String)> = mine[..2]
        .iter()
        .chain([&theirs])
        .map(|id| ("persoon", format!("{id}:1")))
        .collect();
    fields.push(("naar", r.regisseur2.id.to_string()));
    fields.push(("terug", "alle".into()));
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/caseload?regisseur=alle&melding=verplaatst&aantal=2"
    );
    // No new version (no conflict for a colleague's open form) and no audit row for a non-move.
    assert_eq!(state_of(&app, &r.regisseur, theirs).await.1, "\"1\"");
    assert_eq!(moves(&app.audit_actions(&theirs.to_string()).await), 0);
    for id in &mine[..2] {
        assert_eq!(state_of(&app, &r.regisseur, *id).await.1, "\"2\"");
    }
}

#[tokio::test]
async fn a_refused_choice_shows_the_same_list_with_the_filters() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    three(&app, &r, r.regisseur.id).await;
    let fields = [
        ("naar", r.regisseur2.id.to_string()),
        ("terug", r.regisseur.id.to_string()),
        ("zoek", "Bos".to_string()),
        ("doelgroep", "asielstatushouder".to_string()),
        ("sorteer", "geboortedatum".to_string()),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("Kies ten minste één persoon"),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("<h1>Caseload van Test regisseur@weert.test</h1>")
    );
    assert!(
        res.body
            .contains("name=\"zoek\" type=\"search\" value=\"Bos\"")
    );
    assert!(
        res.body
            .contains("<option value=\"asielstatushouder\" selected>")
    );
    assert!(
        res.body
            .contains("<option value=\"geboortedatum\" selected>")
    );
    assert!(res.body.contains("1 persoon gevonden"), "the filtered list");
}

/// A household of four: the reference person and a child with `regisseur`, a partner without
/// regisseur, and an adult son with `colleague`. Returns (head, partner, child, son).
async fn household(app: &TestApp, r: &Region, colleague: GebruikerId) -> (Uuid, Uuid, Uuid, Uuid) {
    let me = Some(r.regisseur.id);
    let head = insert(app, r.weert, me, "Omar", "Demooun", "1980-01-01", None).await;
    let partner = insert(app, r.weert, None, "Lina", "Demooun", "1982-01-01", None).await;
    let child = insert(app, r.weert, me, "Rania", "Demooun", "2015-01-01", None).await;
    let son = insert(
        app,
        r.weert,
        Some(colleague),
        "Sami",
        "Demooun",
        "2002-01-01",
        None,
    )
    .await;
    let body = json!({"omschrijving": "Gezin Demooun", "leden": [
        {"persoonId": head, "relatie": "referentiepersoon"},
        {"persoonId": partner, "relatie": "partner"},
        {"persoonId": child, "relatie": "kind"},
        {"persoonId": son, "relatie": "kind"}
    ]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &body)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    (head, partner, child, son)
}

#[tokio::test]
async fn assigning_a_person_takes_the_household_along_when_asked() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let colleague = app
        .user("regisseur3@weert.test", r.weert, &[Role::Regisseur])
        .await;
    let (head, partner, child, son) = household(&app, &r, colleague.id).await;
    let target = r.regisseur2.id.to_string();

    // The dossier offers it, checked, naming who.
    let dossier = app
        .get_page(&r.teamleider, &format!("/personen/{head}"))
        .await;
    assert!(
        dossier
            .body
            .contains("name=\"gezinsleden\" value=\"ja\" checked"),
        "{}",
        dossier.body
    );
    assert!(
        dossier.body.contains("Ook de gezinsleden (2)"),
        "{}",
        dossier.body
    );
    assert!(
        dossier.body.contains("Rania Demooun, Lina Demooun")
            || dossier.body.contains("Lina Demooun, Rania Demooun")
    );

    let res = post(
        &app,
        &r.teamleider,
        &format!("/personen/{head}/regisseur"),
        &[
            ("regisseurId", target.clone()),
            ("versie", "1".into()),
            ("gezinsleden", "ja".into()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("/personen/{head}?melding=toegewezen&gezinsleden=2")
    );
    for id in [head, partner, child] {
        assert_eq!(
            state_of(&app, &r.regisseur2, id).await.0,
            Some(target.clone())
        );
        assert_eq!(
            moves(&app.audit_actions(&id.to_string()).await),
            1,
            "audited per person"
        );
    }
    // The son's colleague keeps him: moving him would take work away without asking.
    assert_eq!(
        state_of(&app, &r.regisseur2, son).await.0,
        Some(colleague.id.to_string())
    );
    assert_eq!(moves(&app.audit_actions(&son.to_string()).await), 0);

    // Assigning the regisseur the person already has (the dossier's default choice) changes nothing:
    // no new version, no "gewijzigd" row, and the page says so (final review N2).
    let (_, etag_before) = state_of(&app, &r.regisseur2, head).await;
    let versie_before = etag_before
        .trim_matches('"')
        .trim_start_matches("W/")
        .trim_matches('"')
        .to_string();
    let again = post(
        &app,
        &r.teamleider,
        &format!("/personen/{head}/regisseur"),
        &[
            ("regisseurId", target.clone()),
            ("versie", versie_before.clone()),
            ("gezinsleden", "ja".into()),
        ],
    )
    .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!(
        again.location(),
        format!("/personen/{head}?melding=ongewijzigd")
    );
    assert_eq!(state_of(&app, &r.regisseur2, head).await.1, etag_before);
    assert_eq!(moves(&app.audit_actions(&head.to_string()).await), 1);
}

#[tokio::test]
async fn the_api_moves_the_household_only_when_asked() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let colleague = app
        .user("regisseur3@weert.test", r.weert, &[Role::Regisseur])
        .await;
    let (head, partner, child, _) = household(&app, &r, colleague.id).await;
    let target = r.regisseur2.id.to_string();
    let path = format!("/api/v1/personen/{head}/regisseur");

    // Default unchanged: only the person.
    let res = app
        .put_api(
            &r.teamleider,
            &path,
            &json!({"regisseurId": target}),
            "\"1\"",
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(state_of(&app, &r.regisseur, partner).await.0, None);
    assert_eq!(
        state_of(&app, &r.regisseur, child).await.0,
        Some(r.regisseur.id.to_string())
    );

    // Back to the first regisseur, this time with the household: the partner (no regisseur) follows;
    // the child already has that regisseur, the son keeps his colleague.
    let res = app
        .put_api(
            &r.teamleider,
            &path,
            &json!({"regisseurId": r.regisseur.id, "metHuishouden": true}),
            "\"2\"",
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(
        state_of(&app, &r.regisseur, partner).await.0,
        Some(r.regisseur.id.to_string())
    );
    // A wrong type is a 400, never a 500.
    let res = app
        .put_api(
            &r.teamleider,
            &path,
            &json!({"regisseurId": target, "metHuishouden": "ja"}),
            "\"3\"",
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let doc = app.get_api(&r.teamleider, "/api/v1/openapi.json").await;
    assert!(doc.body.contains("metHuishouden"));
}

#[tokio::test]
async fn bulk_move_and_take_on_bring_the_household_along() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let colleague = app
        .user("regisseur3@weert.test", r.weert, &[Role::Regisseur])
        .await;
    let (head, partner, child, son) = household(&app, &r, colleague.id).await;
    let res = post(
        &app,
        &r.teamleider,
        "/caseload/verplaatsen",
        &[
            ("persoon", format!("{head}:1")),
            ("naar", r.regisseur2.id.to_string()),
            ("terug", "alle".into()),
            ("gezinsleden", "ja".into()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/caseload?regisseur=alle&melding=verplaatst&aantal=1&gezinsleden=2"
    );
    for id in [partner, child] {
        assert_eq!(
            state_of(&app, &r.regisseur, id).await.0,
            Some(r.regisseur2.id.to_string())
        );
    }
    assert_eq!(
        state_of(&app, &r.regisseur, son).await.0,
        Some(colleague.id.to_string())
    );

    // Take-on: a household without regisseur comes along with the person taken on.
    let a = insert(&app, r.weert, None, "Yara", "Loos", "1985-01-01", None).await;
    let b = insert(&app, r.weert, None, "Noor", "Loos", "2012-01-01", None).await;
    let body = json!({"omschrijving": "Gezin Loos", "leden": [
        {"persoonId": a, "relatie": "referentiepersoon"},
        {"persoonId": b, "relatie": "kind"}]});
    assert_eq!(
        app.post_api(&r.regisseur, "/api/v1/huishoudens", &body)
            .await
            .status,
        StatusCode::CREATED
    );
    // Taking on is off: the regisseur is told whom to ask, on the list and on the dossier.
    let hint = "Overnemen staat uit in uw gemeente; vraag uw teamleider om toewijzing.";
    let list = app.get_page(&r.regisseur, "/caseload?regisseur=geen").await;
    assert!(list.body.contains(hint), "{}", list.body);
    assert!(
        !app.get_page(&r.regisseur, "/caseload")
            .await
            .body
            .contains(hint)
    );
    let on = [("overnemen", "on"), ("versie", "0")];
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &on)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let list = app.get_page(&r.regisseur, "/caseload?regisseur=geen").await;
    assert!(!list.body.contains(hint));
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{a}")).await;
    assert!(
        dossier.body.contains("Ook de gezinsleden (1)"),
        "{}",
        dossier.body
    );
    let res = post(
        &app,
        &r.regisseur,
        &format!("/personen/{a}/overnemen"),
        &[("versie", "1".into()), ("gezinsleden", "ja".into())],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("/personen/{a}?melding=overgenomen&gezinsleden=1")
    );
    assert_eq!(
        state_of(&app, &r.regisseur, b).await.0,
        Some(r.regisseur.id.to_string())
    );
    assert_eq!(moves(&app.audit_actions(&b.to_string()).await), 1);
}

fn years_ago(n: i32) -> String {
    let t = Utc::now().date_naive();
    NaiveDate::from_ymd_opt(t.year() - n, 1, 1)
        .expect("date")
        .to_string()
}

#[tokio::test]
async fn household_refusals_say_whom_to_ask_and_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let theirs = bsn(41);
    let x = insert(
        &app,
        r.weert,
        Some(r.regisseur2.id),
        "Fatima",
        "Kladblok",
        "1988-01-01",
        Some(&theirs),
    )
    .await;
    let y = insert(
        &app,
        r.weert,
        Some(r.regisseur2.id),
        "Hamid",
        "Kladblok",
        "1987-01-01",
        None,
    )
    .await;
    let body = json!({"omschrijving": "Gezin Kladblok", "leden": [
        {"persoonId": y, "relatie": "referentiepersoon"},
        {"persoonId": x, "relatie": "partner"}]});
    assert_eq!(
        app.post_api(&r.regisseur2, "/api/v1/huishoudens", &body)
            .await
            .status,
        StatusCode::CREATED
    );
    let head = insert(
        &app,
        r.weert,
        Some(r.regisseur.id),
        "Jan",
        "Berg",
        &years_ago(36),
        None,
    )
    .await;
    let path = format!("/personen/{head}/huishouden");
    let relatie = format!("relatie_{head}");
    let res = post(
        &app,
        &r.regisseur,
        &path,
        &[
            ("omschrijving", "Gezin Berg".into()),
            ("lid", head.to_string()),
            (relatie.as_str(), "referentiepersoon".into()),
            ("nieuw_lid", theirs.clone()),
            ("nieuw_relatie", "partner".into()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("Dat huishouden heeft Test regisseur2@weert.test als regisseur"),
        "{}",
        res.body
    );
    assert!(!res.body.contains(&x.to_string()), "no ids in the message");

    // An implausible household keeps the typed member and relation.
    let old = bsn(42);
    insert(
        &app,
        r.weert,
        Some(r.regisseur.id),
        "Piet",
        "Berg",
        &years_ago(38),
        Some(&old),
    )
    .await;
    let res = post(
        &app,
        &r.regisseur,
        &path,
        &[
            ("omschrijving", "Gezin Berg".into()),
            ("lid", head.to_string()),
            (relatie.as_str(), "referentiepersoon".into()),
            ("nieuw_lid", old.clone()),
            ("nieuw_relatie", "kind".into()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("niet jonger dan"), "{}", res.body);
    assert!(
        res.body
            .contains(&format!("name=\"nieuw_lid\" value=\"{old}\"")),
        "{}",
        res.body
    );
    assert!(res.body.contains("<option value=\"kind\" selected>"));
}

#[tokio::test]
async fn search_finds_surname_first_and_bsn_with_separators_and_points_to_the_gemeente() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let b = bsn(51);
    insert(
        &app,
        r.weert,
        Some(r.regisseur2.id),
        "Mustafa Mahmoud",
        "Droomadi",
        "1980-01-01",
        Some(&b),
    )
    .await;
    let found = |body: &str| body.contains("Droomadi, Mustafa Mahmoud");
    let dashed = format!("{}-{}-{}", &b[..3], &b[3..6], &b[6..]);
    let dotted = dashed.replace('-', ".");
    let spaced = dashed.replace('-', " ");
    for term in [
        "Droomadi Mustafa Mahmoud",
        "droomadi mustafa",
        dashed.as_str(),
        dotted.as_str(),
        spaced.as_str(),
    ] {
        let q = serde_urlencoded::to_string([("regisseur", "alle"), ("zoek", term)]).expect("q");
        let page = app.get_page(&r.teamleider, &format!("/caseload?{q}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(found(&page.body), "{term}: {}", page.body);
    }
    // Not in "Mijn caseload": the count once, and a way to the whole gemeente carrying the term.
    let page = app
        .get_page(&r.regisseur, "/caseload?regisseur=mij&zoek=Droomadi")
        .await;
    assert_eq!(
        page.body.matches("0 personen gevonden").count(),
        1,
        "{}",
        page.body
    );
    assert!(!page.body.contains("Geen personen gevonden"));
    assert!(
        page.body.contains(
            "href=\"/caseload?regisseur=alle&#38;zoek=Droomadi\">Zoek in de hele gemeente</a>"
        ),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn persons_without_regisseur_show_their_real_stage_once() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    insert(&app, r.weert, None, "Lou", "Evers", "1990-01-01", None).await;
    let page = app.get_page(&r.teamleider, "/werkvoorraad/aantallen").await;
    assert!(
        !page.body.contains("Nog toe te wijzen"),
        "no stage for the row"
    );
    let row: Vec<&str> = page
        .body
        .split("<th scope=\"row\">Zonder regisseur</th>")
        .nth(1)
        .and_then(|s| s.split("</tr>").next())
        .unwrap_or("")
        .split("<td>")
        .skip(1)
        .filter_map(|c| c.split("</td>").next())
        .collect();
    // (totaal, aangemeld, gekoppeld, gehuisvest): linked on 1 February 2025.
    assert_eq!(row, ["1", "0", "1", "0", "0", "0", "0"]);
}
