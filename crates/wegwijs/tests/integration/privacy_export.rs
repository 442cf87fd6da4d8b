//! The review of the privacy officer's features: an inzage export never fails on a name (Ge'ez, CJK,
//! emoji, anywhere), does not tell a person about a household member's request or birth date, and is
//! a complete art. 15 answer; the page it is made on says whom it is about; exports are limited in
//! number (503 when busy); a person filter outside the gemeente writes nothing; the CSV says when it
//! is incomplete; list views group by user id.

use axum::http::StatusCode;
use serde_json::json;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_storage::audit::{AuditEntry, Bron};

use crate::harness::{Region, TestApp, bsn, person_json};

async fn count_rows(app: &TestApp, gemeente: OrganisatieId, code: &str) -> usize {
    wegwijs_storage::audit::for_gemeente(&app.db, gemeente, 100_000, 0)
        .await
        .expect("rows")
        .into_iter()
        .filter(|r| r.actie.code() == code)
        .count()
}

async fn all_rows(app: &TestApp, gemeente: OrganisatieId) -> usize {
    wegwijs_storage::audit::for_gemeente(&app.db, gemeente, 100_000, 0)
        .await
        .expect("rows")
        .len()
}

/// Renames a user directly (their display name as the log joins it).
async fn rename_user(app: &TestApp, email: &str, naam: &str) {
    let sql = format!(
        "UPDATE gebruikers SET naam = '{}' WHERE email = '{}'",
        naam.replace('\'', "''"),
        email
    );
    app.execute(&[Box::leak(sql.into_boxed_str())]).await;
}

async fn household(app: &TestApp, r: &Region, leden: serde_json::Value) {
    let res = app
        .post_api(
            &r.regisseur,
            "/api/v1/huishoudens",
            &json!({"omschrijving": "Gezin", "leden": leden}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
}

#[tokio::test]
async fn a_name_in_any_script_never_breaks_the_inzage_export() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    // The person in Ge'ez (Tigrinya), a household member in Chinese, a staff member with an emoji.
    let (semhar, _) = app
        .person(&r.regisseur, person_json("ሰምሃር", "ተስፋይ", Some(&bsn(11))))
        .await;
    let (wang, _) = app
        .person(&r.regisseur, person_json("秀英", "王", None))
        .await;
    household(
        &app,
        &r,
        json!([{"persoonId": semhar, "relatie": "referentiepersoon"},
               {"persoonId": wang, "relatie": "partner"}]),
    )
    .await;
    rename_user(&app, "regisseur2@weert.test", "Kim 😀 Jansen").await;
    app.get_page(&r.regisseur2, "/caseload?regisseur=alle")
        .await;
    app.get_page(&r.regisseur, &format!("/personen/{semhar}"))
        .await;

    let inzage = format!("/personen/{semhar}/inzage");
    let pdf = app
        .post_form(&r.privacy, &inzage, &[("formaat", "pdf")])
        .await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));

    let zip = app
        .post_form(&r.privacy, &inzage, &[("formaat", "zip")])
        .await;
    assert_eq!(zip.status, StatusCode::OK, "{}", zip.body);
    assert_eq!(zip.header("content-type"), "application/zip");
    // The ZIP holds the PDF and, in the JSON, every name exactly as registered.
    assert!(zip.body.contains("inzage.pdf"));
    assert!(zip.body.contains("\"naam\": \"ሰምሃር ተስፋይ\""), "{}", zip.body);
    assert!(zip.body.contains("秀英 王"));
    assert!(zip.body.contains("Kim 😀 Jansen"));
    assert!(!zip.body.contains("(*)"), "the JSON is not transliterated");
    assert_eq!(count_rows(&app, r.weert, "inzage_export_gemaakt").await, 2);

    // A Chinese name and an emoji in the person's own name too.
    let (other, _) = app
        .person(&r.regisseur, person_json("王 😀", "Li", Some(&bsn(12))))
        .await;
    let res = app
        .post_form(
            &r.privacy,
            &format!("/personen/{other}/inzage"),
            &[("formaat", "pdf")],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
}

#[tokio::test]
async fn the_export_tells_nothing_of_a_household_members_request_nor_their_birth_date() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (ahmad, _) = app
        .person(&r.regisseur, person_json("Ahmad", "Huis", Some(&bsn(21))))
        .await;
    let (sara, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Sara", "geslachtsnaam": "Huis", "geboortedatum": "1985-03-04"}),
        )
        .await;
    household(
        &app,
        &r,
        json!([{"persoonId": ahmad, "relatie": "referentiepersoon"},
               {"persoonId": sara, "relatie": "partner"}]),
    )
    .await;
    // A row as the old code wrote it, naming Sara's export in Ahmad's log (never rewritten).
    let ahmad_id = PersonId(ahmad.parse().expect("uuid"));
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::audit::insert(
        &mut tx,
        &[AuditEntry {
            tijdstip: chrono::Utc::now(),
            trace_id: "oud".into(),
            gebruiker_id: Some(r.privacy.id),
            organisatie_id: Some(r.weert),
            gemeente_id: Some(r.weert),
            persoon_id: Some(ahmad_id),
            actie: AuditAction::PersonListed,
            bron: Bron::Ui,
            details: Some(format!("huishouden in inzage-export van {sara}")),
            grondslag: None,
        }],
    )
    .await
    .expect("insert");
    tx.commit().await.expect("commit");
    // Sara asks for her inzage first: Ahmad is named in it.
    let res = app
        .post_form(
            &r.privacy,
            &format!("/personen/{sara}/inzage"),
            &[("formaat", "pdf")],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);

    let zip = app
        .post_form(
            &r.privacy,
            &format!("/personen/{ahmad}/inzage"),
            &[("formaat", "zip")],
        )
        .await;
    assert_eq!(zip.status, StatusCode::OK);
    assert!(zip.body.contains("Sara Huis"), "the member's name stays");
    assert!(!zip.body.contains(&sara), "no id of the member");
    assert!(!zip.body.contains("inzage-export van"), "not whose export");
    assert!(zip.body.contains("gegevens getoond in een inzage-export"));
    assert!(!zip.body.contains("1985") && !zip.body.contains("4 maart"));
    // The page shows the old and new rows the same way.
    let page = app
        .get_page(&r.privacy, &format!("/personen/{ahmad}/verwerkingen"))
        .await;
    assert!(!page.body.contains("inzage-export van"));
    assert!(!page.body.contains(&sara));
}

#[tokio::test]
async fn the_inzage_export_is_a_complete_art_15_answer_in_plain_dutch() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = app
        .person(
            &r.regisseur,
            json!({"voornamen": "Amal", "geslachtsnaam": "Volledig", "geboortedatum": "1990-01-15",
                   "datumKennisgevingDuo": "2025-01-15"}),
        )
        .await;
    app.get_page(&r.regisseur, &format!("/personen/{amal}"))
        .await;
    for _ in 0..3 {
        app.get_page(&r.regisseur, "/caseload").await;
    }
    let zip = app
        .post_form(
            &r.privacy,
            &format!("/personen/{amal}/inzage"),
            &[("formaat", "zip")],
        )
        .await;
    assert_eq!(zip.status, StatusCode::OK);
    let b = &zip.body;
    for expected in [
        "\"geboortedatum\": \"15 januari 1990\"",
        "niet bekend",
        "Wegwijs (scherm)",
        "\"handeling\": \"Persoonsgegevens ingezien\"",
        "Regie op inburgering en participatie",
        "Afhandeling van verzoeken van betrokkenen",
        "DUO (Dienst Uitvoering Onderwijs)",
        "15 januari 2025",
        "niet door aan organisaties buiten de",
        "selectielijst van de gemeente",
        "Rectificatie",
        "Wissing",
        "Beperking",
        "Bezwaar",
        "Autoriteit Persoonsgegevens",
        "functionaris gegevensbescherming",
    ] {
        assert!(b.contains(expected), "missing {expected:?}");
    }
    // Only the purposes that apply: no account management for an inburgeraar.
    assert!(!b.contains("Beheer van gebruikers en toegang"));
    assert!(
        !b.contains("onbekend\""),
        "empty fields read \"niet bekend\""
    );
    assert!(!b.contains("\"bron\": \"ui\""));
}

#[tokio::test]
async fn exports_beyond_the_limit_get_a_dutch_busy_page_and_log_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = app
        .person(&r.regisseur, person_json("Amal", "Bezet", Some(&bsn(31))))
        .await;
    let turns = app.state.app.export_turns().clone();
    let held = turns
        .clone()
        .try_acquire_many_owned(u32::try_from(wegwijs_app::inzage::EXPORTS_AT_ONCE).expect("n"))
        .expect("all turns");
    let inzage = format!("/personen/{amal}/inzage");
    let res = app
        .post_form(&r.privacy, &inzage, &[("formaat", "pdf")])
        .await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!res.header("retry-after").is_empty());
    assert!(res.body.contains("Probeer het"), "{}", res.body);
    assert_eq!(count_rows(&app, r.weert, "inzage_export_gemaakt").await, 0);
    drop(held);
    let res = app
        .post_form(&r.privacy, &inzage, &[("formaat", "pdf")])
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        turns.available_permits(),
        wegwijs_app::inzage::EXPORTS_AT_ONCE,
        "the turn is given back"
    );
}

#[tokio::test]
async fn a_person_filter_outside_the_gemeente_or_malformed_writes_nothing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (other, _) = app
        .person(
            &r.other_regisseur,
            person_json("Cas", "Buurgemeente", Some(&bsn(41))),
        )
        .await;
    let before = all_rows(&app, r.weert).await;
    for path in [
        format!("/verwerkingen?persoon_id={other}"),
        format!("/verwerkingen/export.csv?persoon_id={other}"),
    ] {
        let res = app.get_page(&r.privacy, &path).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert!(res.body.contains("Niet gevonden"));
        assert!(!res.body.contains("Buurgemeente"));
    }
    for path in [
        "/verwerkingen?persoon_id=garbage",
        "/verwerkingen/export.csv?persoon_id=garbage",
    ] {
        let res = app.get_page(&r.privacy, path).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(res.body.contains("De link naar deze persoon klopt niet"));
    }
    assert_eq!(all_rows(&app, r.weert).await, before, "no rows written");
    // A role without access still gets 403, not a hint about the id.
    let res = app
        .get_page(&r.regisseur, "/verwerkingen?persoon_id=garbage")
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_export_page_says_whom_it_is_about_and_leads_back_to_the_search() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = app
        .person(&r.regisseur, person_json("Amal", "Betreft", Some(&bsn(51))))
        .await;
    let page = app
        .get_page(&r.privacy, &format!("/personen/{amal}/verwerkingen"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Amal Betreft"));
    assert!(page.body.contains("17 mei 1990"));
    let full = bsn(51);
    let masked = format!("******{}", &full[full.len() - 3..]);
    assert!(page.body.contains(&masked), "{}", page.body);
    assert!(!page.body.contains(&full), "never the whole BSN");
    assert!(
        page.body
            .contains(&format!("href=\"/verwerkingen?persoon_id={amal}\""))
    );
    // Both parts come before the export button.
    let name_at = page.body.find("Amal Betreft").expect("name");
    let button_at = page.body.find("Inzage-export maken").expect("button");
    assert!(name_at < button_at);
}

#[tokio::test]
async fn the_csv_says_when_it_holds_only_the_first_fifty_persons() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for i in 0..51 {
        app.person(
            &r.regisseur,
            person_json(&format!("Veel{i}"), "Gelijknamig", None),
        )
        .await;
    }
    let res = app
        .get_page(&r.privacy, "/verwerkingen/export.csv?persoon=gelijknamig")
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let first = res.body.lines().next().expect("line");
    assert!(first.contains("LET OP") && first.contains("50"), "{first}");
    let page = app
        .get_page(&r.privacy, "/verwerkingen?persoon=gelijknamig")
        .await;
    assert!(page.body.contains("eerste 50 gevonden personen"));
    // Fewer persons: a plain CSV, header first.
    let res = app
        .get_page(&r.privacy, "/verwerkingen/export.csv?persoon=Veel1")
        .await;
    assert!(res.body.starts_with("\u{feff}Tijdstip;"));
}

#[tokio::test]
async fn list_views_are_grouped_per_user_not_per_display_name() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = app
        .person(&r.regisseur, person_json("Amal", "Groep", None))
        .await;
    // Both regisseurs see Amal in a list; they carry the same display name.
    rename_user(&app, "regisseur@weert.test", "Sam de Vries").await;
    rename_user(&app, "regisseur2@weert.test", "Sam de Vries").await;
    let mine = "/caseload?regisseur=alle";
    app.get_page(&r.regisseur, mine).await;
    app.get_page(&r.regisseur2, mine).await;
    app.get_page(&r.regisseur, mine).await;
    let page = app
        .get_page(&r.teamleider, &format!("/personen/{amal}/verwerkingen"))
        .await;
    // Three views by two people in turn: no two neighbours are the same user, so three lines.
    let lines = page.body.matches("Getoond in een overzicht").count();
    assert_eq!(lines, 3, "{}", page.body);
}
