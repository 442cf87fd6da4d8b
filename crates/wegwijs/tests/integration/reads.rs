//! Every read of personal data leaves its audit rows, searches included (with the term hashed), and
//! nothing is shown whose row could not be written. The API checks what it is given.

use axum::http::StatusCode;
use serde_json::json;
use wegwijs_app::model::AuditRecord;
use wegwijs_domain::ids::OrganisatieId;

use crate::harness::{Region, TestApp, TestUser, bsn, person_json, test_config};

/// The rows of a gemeente's log with this action code, newest first.
async fn gemeente_rows(app: &TestApp, gemeente: OrganisatieId, code: &str) -> Vec<AuditRecord> {
    wegwijs_storage::audit::for_gemeente(&app.db, gemeente, 10_000, 0)
        .await
        .expect("rows")
        .into_iter()
        .filter(|r| r.actie.code() == code)
        .collect()
}

/// The rows about one person with this action code, newest first.
async fn person_rows(app: &TestApp, person: &str, code: &str) -> Vec<AuditRecord> {
    let id = wegwijs_domain::ids::PersonId(person.parse().expect("uuid"));
    wegwijs_storage::audit::for_person(&app.db, id, 10_000, 0)
        .await
        .expect("rows")
        .into_iter()
        .filter(|r| r.actie.code() == code)
        .collect()
}

/// Makes every audit insert of `code` fail inside the database (both backends).
async fn break_audit_of(app: &TestApp, code: &'static str) {
    let sql: Vec<&'static str> = match (app.is_postgres(), code) {
        (true, "persoon_inzien") => vec![
            "CREATE FUNCTION fail_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'persoon_inzien' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_read_audit()",
        ],
        (true, "huishouden_inzien") => vec![
            "CREATE FUNCTION fail_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'huishouden_inzien' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_read_audit()",
        ],
        (true, "persoon_in_lijst") => vec![
            "CREATE FUNCTION fail_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'persoon_in_lijst' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_read_audit()",
        ],
        (true, "personen_gezocht") => vec![
            "CREATE FUNCTION fail_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.actie = 'personen_gezocht' THEN RAISE EXCEPTION 'audit storage broken'; END IF; RETURN NEW; END; $$",
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION fail_read_audit()",
        ],
        (false, "persoon_inzien") => vec![
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'persoon_inzien' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ],
        (false, "huishouden_inzien") => vec![
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'huishouden_inzien' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ],
        (false, "persoon_in_lijst") => vec![
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'persoon_in_lijst' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ],
        (false, "personen_gezocht") => vec![
            "CREATE TRIGGER fail_read_audit BEFORE INSERT ON audit_log WHEN NEW.actie = 'personen_gezocht' \
             BEGIN SELECT RAISE(ABORT, 'audit storage broken'); END",
        ],
        _ => panic!("no failure trigger for {code}"),
    };
    app.execute(&sql).await;
}

/// A household of two persons of Weert, through the API; returns (household id, a, b).
async fn household(app: &TestApp, r: &Region) -> (String, String, String) {
    let (a, _) = app
        .person(&r.regisseur, person_json("Amal", "Zoutkamp", None))
        .await;
    let (b, _) = app
        .person(&r.regisseur, person_json("Rami", "Zoutkamp", None))
        .await;
    let body = json!({"omschrijving": "Gezin Zoutkamp", "leden": [
        {"persoonId": a, "relatie": "referentiepersoon"}, {"persoonId": b, "relatie": "partner"}]});
    let res = app
        .post_api(&r.regisseur, "/api/v1/huishoudens", &body)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let h = res.json()["id"].as_str().expect("id").to_string();
    (h, a, b)
}

#[tokio::test]
async fn a_search_is_logged_with_its_hashed_term_also_when_nothing_is_found() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let known = bsn(60);
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", Some(&known)))
        .await;
    let unknown = bsn(61);

    let none = app
        .get_api(&r.regisseur, &format!("/api/v1/personen?zoek={unknown}"))
        .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.json()["totaal"], 0);
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    assert_eq!(rows.len(), 1, "a search that finds no one is logged too");
    let row = &rows[0];
    assert_eq!(row.persoon_id, None);
    let details = row.details.clone().unwrap_or_default();
    assert!(!details.contains(&unknown), "never the term: {details}");
    assert_eq!(
        details,
        format!(
            "zoekterm (bsn) {}; gevonden: 0",
            wegwijs_app::search_term::fingerprint(None, &unknown)
        )
    );

    // Found: the search row, and one row for the person shown. The same term hashes the same way
    // however it was typed, so the privacy officer can find every search for one BSN.
    let hit = app
        .get_page(
            &r.regisseur,
            &format!("/caseload?zoek=+{known}+&regisseur=alle"),
        )
        .await;
    assert_eq!(hit.status, StatusCode::OK);
    assert!(hit.body.contains("Demouri"));
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    assert_eq!(rows.len(), 2);
    let details = rows[0].details.clone().unwrap_or_default();
    assert!(!details.contains(&known), "{details}");
    assert!(
        details.ends_with("gevonden: 1")
            && details.contains(&wegwijs_app::search_term::fingerprint(None, &known)),
        "{details}"
    );
    assert_eq!(person_rows(&app, &id, "persoon_in_lijst").await.len(), 1);

    // A name is folded before hashing, like the name index folds it.
    app.get_api(&r.regisseur, "/api/v1/personen?zoek=DEMOURI")
        .await;
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    let details = rows[0].details.clone().unwrap_or_default();
    assert!(!details.to_lowercase().contains("demouri"), "{details}");
    assert!(details.starts_with("zoekterm (naam) sha256:"), "{details}");
}

#[tokio::test]
async fn with_a_server_key_a_search_term_is_logged_as_an_hmac() {
    let mut config = test_config();
    let key =
        wegwijs_app::search_term::SearchTermKey::new("sleutel-voor-de-test-van-32-tekens-of-meer")
            .expect("key");
    config.app.search_term_key = Some(key.clone());
    let app = TestApp::spawn_with(config).await;
    let r = app.region().await;
    let term = bsn(62);
    app.get_api(&r.regisseur, &format!("/api/v1/personen?zoek={term}"))
        .await;
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    let details = rows[0].details.clone().unwrap_or_default();
    let expected = wegwijs_app::search_term::fingerprint(Some(&key), &term);
    assert!(expected.starts_with("hmac-sha256:"));
    assert_eq!(details, format!("zoekterm (bsn) {expected}; gevonden: 0"));
}

#[tokio::test]
async fn the_household_member_search_is_logged_as_a_search() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let partner_bsn = bsn(63);
    let (b, _) = app
        .person(
            &r.regisseur,
            person_json("Rami", "Demouri", Some(&partner_bsn)),
        )
        .await;
    let path = format!("/personen/{a}/huishouden");
    let relatie = format!("relatie_{a}");
    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Demouri"),
                ("lid", &a),
                (&relatie, "referentiepersoon"),
                ("nieuw_lid", &partner_bsn),
                ("nieuw_relatie", "partner"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    assert_eq!(rows.len(), 1);
    let details = rows[0].details.clone().unwrap_or_default();
    assert!(
        !details.contains(&partner_bsn) && details.ends_with("gevonden: 1"),
        "{details}"
    );
    assert!(!person_rows(&app, &b, "persoon_in_lijst").await.is_empty());

    let unknown = bsn(64);
    let miss = app
        .post_form(
            &r.regisseur,
            &path,
            &[("omschrijving", "X"), ("lid", &a), ("nieuw_lid", &unknown)],
        )
        .await;
    assert_eq!(miss.status, StatusCode::UNPROCESSABLE_ENTITY);
    let rows = gemeente_rows(&app, r.weert, "personen_gezocht").await;
    assert_eq!(rows.len(), 2, "the search that found no one is logged too");
    let details = rows[0].details.clone().unwrap_or_default();
    assert!(
        !details.contains(&unknown) && details.ends_with("gevonden: 0"),
        "{details}"
    );
}

#[tokio::test]
async fn listing_households_logs_a_row_for_every_member_shown() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (h, a, b) = household(&app, &r).await;
    let list = app.get_api(&r.regisseur, "/api/v1/huishoudens").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        list.json()["huishoudens"][0]["omschrijving"],
        "Gezin Zoutkamp"
    );
    for member in [&a, &b] {
        let rows = person_rows(&app, member, "persoon_in_lijst").await;
        assert_eq!(rows.len(), 1, "{member}");
        assert_eq!(
            rows[0].details.as_deref(),
            Some(format!("huishoudenlijst, huishouden {h}").as_str())
        );
    }
}

#[tokio::test]
async fn a_duplicate_bsn_names_the_existing_person_only_with_an_audit_row() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let taken = bsn(65);
    let (first, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", Some(&taken)))
        .await;
    let api = app
        .post_api(
            &r.regisseur2,
            "/api/v1/personen",
            &person_json("Ander", "Iemand", Some(&taken)),
        )
        .await;
    assert_eq!(api.status, StatusCode::CONFLICT);
    assert_eq!(api.json()["instance"], format!("/api/v1/personen/{first}"));
    let rows = person_rows(&app, &first, "persoon_inzien").await;
    assert_eq!(rows.len(), 1, "the disclosure is logged");
    assert_eq!(
        rows[0].details.as_deref(),
        Some("dubbel BSN bij registratie")
    );
    assert_eq!(
        rows[0].gebruiker_naam.as_deref(),
        Some("Test regisseur2@weert.test")
    );

    let page = app
        .post_form(
            &r.regisseur2,
            "/personen",
            &[
                ("voornamen", "Ander"),
                ("geslachtsnaam", "Iemand"),
                ("bsn", &taken),
                ("geboortedatum", "1991-04-17"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains(&format!("/personen/{first}")));
    assert_eq!(person_rows(&app, &first, "persoon_inzien").await.len(), 2);
}

#[tokio::test]
async fn a_bsn_registered_in_another_gemeente_is_neither_refused_nor_disclosed() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let shared = bsn(66);
    let (theirs, _) = app
        .person(
            &r.other_regisseur,
            person_json("Amal", "Nederweerter", Some(&shared)),
        )
        .await;
    let rows_before = app.audit_count(&theirs).await;
    let api = app
        .post_api(
            &r.regisseur,
            "/api/v1/personen",
            &person_json("Amal", "Weertenaar", Some(&shared)),
        )
        .await;
    assert_eq!(api.status, StatusCode::CREATED, "{}", api.body);
    assert!(!api.body.contains(&theirs) && !api.body.contains("Nederweert"));
    let page = app
        .post_form(
            &r.regisseur2,
            "/personen",
            &[
                ("voornamen", "Amal"),
                ("geslachtsnaam", "Weertenaar"),
                ("bsn", &shared),
                ("geboortedatum", "1991-04-17"),
            ],
        )
        .await;
    // Refused as a duplicate of the Weert person just created, never of the Nederweert one.
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!page.body.contains(&theirs) && !page.body.contains("Nederweerter"));
    assert_eq!(app.audit_count(&theirs).await, rows_before);
}

async fn create_with_regisseur(app: &TestApp, by: &TestUser, regisseur: &str) -> serde_json::Value {
    let mut body = person_json("Amal", "Demouri", None);
    body["regisseurId"] = json!(regisseur);
    let res = app.post_api(by, "/api/v1/personen", &body).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(res.header("content-type"), "application/problem+json");
    res.json()
}

#[tokio::test]
async fn creating_a_person_accepts_only_an_active_regisseur_of_the_own_gemeente() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let unknown = uuid::Uuid::now_v7().to_string();
    for bad in [
        r.other_regisseur.id.0.to_string(),
        r.teamleider.id.0.to_string(),
        unknown,
    ] {
        let p = create_with_regisseur(&app, &r.regisseur, &bad).await;
        assert_eq!(p["invalidParams"][0]["name"], "regisseurId", "{p}");
        assert_eq!(p["invalidParams"][0]["code"], "unknown_value");
    }
    assert_eq!(
        wegwijs_storage::persons::count_all(&app.db)
            .await
            .expect("count"),
        0,
        "nothing was registered"
    );
    let mut body = person_json("Amal", "Demouri", None);
    body["regisseurId"] = json!(r.regisseur2.id.0.to_string());
    let ok = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
}

#[tokio::test]
async fn only_the_privacy_officer_browses_the_gemeente_log() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Demouri", None))
        .await;
    let refused = app.get_page(&r.teamleider, "/verwerkingen").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let home = app.get_page(&r.teamleider, "/caseload").await;
    assert!(
        !home.body.contains("href=\"/verwerkingen\""),
        "no link to it"
    );
    assert!(
        gemeente_rows(&app, r.weert, "inzage_log_bekeken")
            .await
            .is_empty()
    );
    // One person's log stays open to the teamleider.
    let one = app
        .get_page(&r.teamleider, &format!("/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(one.status, StatusCode::OK);

    let log = app.get_page(&r.privacy, "/verwerkingen").await;
    assert_eq!(log.status, StatusCode::OK);
    let rows = gemeente_rows(&app, r.weert, "inzage_log_bekeken").await;
    // The teamleider's look at one person's log and the privacy officer's look at the whole log.
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].persoon_id, None);
    assert_eq!(
        rows[0].gebruiker_naam.as_deref(),
        Some("Test privacy@weert.test")
    );
}

#[tokio::test]
async fn a_dossier_is_not_shown_when_its_read_row_cannot_be_written() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Geheimhouder", None))
        .await;
    break_audit_of(&app, "persoon_inzien").await;
    for res in [
        app.get_page(&r.regisseur, &format!("/personen/{id}")).await,
        app.get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
            .await,
        app.get_page(&r.regisseur, &format!("/personen/{id}/huishouden"))
            .await,
        app.get_page(&r.regisseur, &format!("/personen/{id}/bewerken"))
            .await,
    ] {
        assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!res.body.contains("Geheimhouder"), "{}", res.body);
    }
}

#[tokio::test]
async fn a_household_is_not_shown_when_its_read_rows_cannot_be_written() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (h, _, _) = household(&app, &r).await;
    break_audit_of(&app, "huishouden_inzien").await;
    let res = app
        .get_api(&r.regisseur, &format!("/api/v1/huishoudens/{h}"))
        .await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!res.body.contains("Zoutkamp"), "{}", res.body);
}

#[tokio::test]
async fn a_list_or_search_is_not_shown_when_its_rows_cannot_be_written() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    household(&app, &r).await;
    break_audit_of(&app, "personen_gezocht").await;
    let search = app
        .get_api(&r.regisseur, "/api/v1/personen?zoek=Zoutkamp")
        .await;
    assert_eq!(search.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(!search.body.contains("Zoutkamp"), "{}", search.body);

    let app = TestApp::spawn().await;
    let r = app.region().await;
    household(&app, &r).await;
    break_audit_of(&app, "persoon_in_lijst").await;
    for res in [
        app.get_api(&r.regisseur, "/api/v1/huishoudens").await,
        app.get_page(&r.regisseur, "/caseload?regisseur=alle").await,
    ] {
        assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!res.body.contains("Zoutkamp"), "{}", res.body);
    }
}
