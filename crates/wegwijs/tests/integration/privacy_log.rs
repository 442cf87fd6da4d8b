//! The privacy officer's verwerkingenlog: search by person (name, BSN), user, action and period;
//! keyset pages that stay put while new rows arrive; the CSV export for Dutch Excel; the inzage
//! export (AVG art. 15). Every look and export is itself logged, and only the privacy officer gets in.

use axum::http::StatusCode;
use chrono::{DateTime, Duration, TimeZone, Utc};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_storage::audit::{AuditEntry, Bron};

use crate::harness::{Region, TestApp, bsn, person_json};

/// The rows of a gemeente's log with this action code, newest first.
async fn rows_of(app: &TestApp, gemeente: OrganisatieId, code: &str) -> Vec<AuditEntryView> {
    wegwijs_storage::audit::for_gemeente(&app.db, gemeente, 100_000, 0)
        .await
        .expect("rows")
        .into_iter()
        .filter(|r| r.actie.code() == code)
        .map(|r| AuditEntryView {
            persoon_id: r.persoon_id,
            details: r.details.unwrap_or_default(),
        })
        .collect()
}

struct AuditEntryView {
    persoon_id: Option<PersonId>,
    details: String,
}

fn entry(
    gemeente: OrganisatieId,
    persoon: Option<PersonId>,
    t: DateTime<Utc>,
    details: &str,
) -> AuditEntry {
    AuditEntry {
        tijdstip: t,
        trace_id: format!("test-{}", t.timestamp_micros()),
        gebruiker_id: None,
        organisatie_id: Some(gemeente),
        gemeente_id: Some(gemeente),
        persoon_id: persoon,
        actie: AuditAction::PersonRead,
        bron: Bron::Systeem,
        details: Some(details.to_string()),
        grondslag: None,
    }
}

/// Writes log rows directly (as the batcher would), for volume and exact timestamps.
async fn insert_rows(app: &TestApp, entries: &[AuditEntry]) {
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::audit::insert(&mut tx, entries)
        .await
        .expect("insert");
    tx.commit().await.expect("commit");
}

fn href_of(body: &str, rel: &str) -> Option<String> {
    let marker = format!("\" rel=\"{rel}\"");
    let end = body.find(&marker)?;
    let start = body[..end].rfind("href=\"")? + 6;
    Some(body[start..end].replace("&amp;", "&").replace("&#38;", "&"))
}

/// The trace ids in a log page's table, in order.
fn trace_ids(body: &str) -> Vec<String> {
    body.split("<code>")
        .skip(1)
        .filter_map(|s| s.split("</code>").next())
        .map(str::to_string)
        .collect()
}

async fn two_persons(app: &TestApp, r: &Region) -> (String, String) {
    let (amal, _) = app
        .person(&r.regisseur, person_json("Amal", "Zoekmans", Some(&bsn(1))))
        .await;
    let (bo, _) = app
        .person(&r.regisseur2, person_json("Bo", "Anders", Some(&bsn(2))))
        .await;
    (amal, bo)
}

#[tokio::test]
async fn the_log_is_searchable_by_bsn_name_user_action_and_period() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, bo) = two_persons(&app, &r).await;
    // Each regisseur opens their own person's dossier once.
    app.get_page(&r.regisseur, &format!("/personen/{amal}"))
        .await;
    app.get_page(&r.regisseur2, &format!("/personen/{bo}"))
        .await;

    // By BSN: only Amal's rows, her name shown, and the search logged without the term.
    let res = app
        .get_page(&r.privacy, &format!("/verwerkingen?persoon={}", bsn(1)))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("Amal Zoekmans"), "name shown");
    assert!(!res.body.contains("Bo Anders"), "other person absent");
    assert!(res.body.contains(&format!("persoon_id={amal}")));
    let searched = rows_of(&app, r.weert, "personen_gezocht").await;
    assert!(
        searched
            .iter()
            .any(|s| s.details.starts_with("verwerkingenlog, zoekterm (bsn)"))
    );
    assert!(searched.iter().all(|s| !s.details.contains(&bsn(1))));
    // The look at Amal's log is in Amal's own log.
    let looks = rows_of(&app, r.weert, "inzage_log_bekeken").await;
    assert!(
        looks
            .iter()
            .any(|l| l.persoon_id.map(|p| p.to_string()) == Some(amal.clone()))
    );

    // By name (folded like the caseload search).
    let res = app
        .get_page(&r.privacy, "/verwerkingen?persoon=anders")
        .await;
    assert!(res.body.contains("Bo Anders") && !res.body.contains("Amal Zoekmans"));

    // By user: what regisseur2 did concerns Bo only.
    let res = app
        .get_page(
            &r.privacy,
            &format!("/verwerkingen?gebruiker={}", r.regisseur2.id),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Bo Anders") && !res.body.contains("Amal Zoekmans"));

    // By action: registrations only.
    let res = app
        .get_page(&r.privacy, "/verwerkingen?handeling=persoon_aangemaakt")
        .await;
    assert!(res.body.contains("<td>Persoon geregistreerd</td>"));
    assert!(!res.body.contains("<td>Persoonsgegevens ingezien</td>"));

    // By period: today finds the rows, a period in the past finds none.
    let today = wegwijs_domain::clock::dutch_date(Utc::now());
    let res = app
        .get_page(
            &r.privacy,
            &format!("/verwerkingen?van={today}&tot={today}"),
        )
        .await;
    assert!(res.body.contains("Amal Zoekmans"));
    let res = app
        .get_page(&r.privacy, "/verwerkingen?van=2020-01-01&tot=2020-12-31")
        .await;
    assert!(res.body.contains("Geen verwerkingen gevonden."));

    // Wrong input: a Dutch error summary linked to the field, 400, nothing searched.
    let res = app
        .get_page(&r.privacy, "/verwerkingen?van=31-12-2026&tot=2026-01-01")
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("href=\"#van\""), "{}", res.body);
    let res = app
        .get_page(&r.privacy, "/verwerkingen?van=2026-02-01&tot=2026-01-01")
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("href=\"#tot\""));
}

#[tokio::test]
async fn another_gemeentes_person_is_never_found_nor_shown() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (other, _) = app
        .person(
            &r.other_regisseur,
            person_json("Cas", "Buurgemeente", Some(&bsn(3))),
        )
        .await;
    let res = app
        .get_page(&r.privacy, &format!("/verwerkingen?persoon={}", bsn(3)))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(!res.body.contains("Buurgemeente"));
    assert!(res.body.contains("Geen persoon van uw gemeente gevonden"));
    // Another gemeente's person id: not found, and nothing written with it (see privacy_export).
    let res = app
        .get_page(&r.privacy, &format!("/verwerkingen?persoon_id={other}"))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(!res.body.contains("Buurgemeente"));
}

#[tokio::test]
async fn keyset_pages_stay_the_same_when_new_rows_arrive() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let start = Utc
        .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .expect("t");
    let rows: Vec<AuditEntry> = (0..250)
        .map(|i| entry(r.weert, None, start + Duration::seconds(i), "oud"))
        .collect();
    insert_rows(&app, &rows).await;
    let filter = "/verwerkingen?van=2026-03-01&tot=2026-03-01";

    let first = app.get_page(&r.privacy, filter).await;
    assert_eq!(first.status, StatusCode::OK);
    let first_ids = trace_ids(&first.body);
    assert_eq!(first_ids.len(), 100);
    assert!(href_of(&first.body, "prev").is_none(), "no newer page");
    let next = href_of(&first.body, "next").expect("next link");
    assert!(next.contains("na=") && !next.contains("pagina"), "{next}");
    let second = app.get_page(&r.privacy, &next).await;
    let second_ids = trace_ids(&second.body);
    assert_eq!(second_ids.len(), 100);

    // New rows in the same period, newer than everything shown.
    let newer: Vec<AuditEntry> = (0..30)
        .map(|i| entry(r.weert, None, start + Duration::seconds(1000 + i), "nieuw"))
        .collect();
    insert_rows(&app, &newer).await;

    // The same link gives the same page; its "newer" link gives exactly the first page again.
    let again = app.get_page(&r.privacy, &next).await;
    assert_eq!(trace_ids(&again.body), second_ids);
    let prev = href_of(&again.body, "prev").expect("prev link");
    let back = app.get_page(&r.privacy, &prev).await;
    assert_eq!(trace_ids(&back.body), first_ids);
    // And the newest page now starts with the new rows.
    let top = app.get_page(&r.privacy, filter).await;
    assert_eq!(
        trace_ids(&top.body)[0],
        format!(
            "test-{}",
            (start + Duration::seconds(1029)).timestamp_micros()
        )
    );
    // The third page holds the last 50 rows and has no older page.
    let third_link = href_of(&second.body, "next").expect("third");
    let third = app.get_page(&r.privacy, &third_link).await;
    assert_eq!(trace_ids(&third.body).len(), 50);
    assert!(href_of(&third.body, "next").is_none());
    // A cursor that is not one is ignored, never a 500.
    let res = app
        .get_page(&r.privacy, "/verwerkingen?na=%00x_1&voor=1_%27")
        .await;
    assert_eq!(res.status, StatusCode::OK);
}

#[tokio::test]
async fn csv_export_is_excel_safe_only_of_the_own_gemeente_and_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = two_persons(&app, &r).await;
    let amal_id = PersonId(amal.parse().expect("uuid"));
    let now = Utc::now();
    insert_rows(
        &app,
        &[
            entry(r.weert, Some(amal_id), now, "=cmd|' /C calc'!A0"),
            entry(r.nederweert, None, now, "alleen-nederweert"),
        ],
    )
    .await;

    let res = app.get_page(&r.privacy, "/verwerkingen/export.csv").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.header("content-type"), "text/csv; charset=utf-8");
    assert!(res.header("content-disposition").starts_with("attachment;"));
    assert!(res.body.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let header = res.body.lines().next().expect("header");
    assert!(header.starts_with("\u{feff}Tijdstip;Gebruiker;Organisatie;Handeling"));
    assert!(res.body.contains("Amal Zoekmans"));
    assert!(res.body.contains(";'=cmd|' /C calc'!A0;"), "{}", res.body);
    assert!(!res.body.contains(";=cmd"));
    assert!(!res.body.contains("alleen-nederweert"));

    let exports = rows_of(&app, r.weert, "inzage_log_bekeken").await;
    assert!(
        exports
            .iter()
            .any(|e| e.details.starts_with("export csv, ") && e.persoon_id.is_none())
    );

    // One person's selection: only that person, and the export is in that person's log.
    let res = app
        .get_page(
            &r.privacy,
            &format!("/verwerkingen/export.csv?persoon={}", bsn(2)),
        )
        .await;
    assert!(res.body.contains("Bo Anders") && !res.body.contains("Amal Zoekmans"));
    let bo_looks = rows_of(&app, r.weert, "inzage_log_bekeken").await;
    assert!(
        bo_looks
            .iter()
            .any(|e| e.persoon_id.is_some() && e.details.starts_with("export csv, "))
    );
}

#[tokio::test]
async fn only_the_privacy_officer_searches_exports_and_makes_inzage_exports() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = two_persons(&app, &r).await;
    let inzage = format!("/personen/{amal}/inzage");
    for user in [&r.regisseur, &r.teamleider, &r.beleid, &r.beheerder] {
        for path in [
            "/verwerkingen".to_string(),
            format!("/verwerkingen?persoon={}", bsn(1)),
            "/verwerkingen/export.csv".to_string(),
        ] {
            let res = app.get_page(user, &path).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{} {path}", user.email);
            assert!(!res.body.contains("Zoekmans"));
        }
        let res = app.post_form(user, &inzage, &[("formaat", "pdf")]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", user.email);
    }
    // Another gemeente's privacy officer does not find the person.
    let other_privacy = app
        .user(
            "privacy@nederweert.test",
            r.nederweert,
            &[wegwijs_domain::authz::Role::Privacy],
        )
        .await;
    let res = app
        .post_form(&other_privacy, &inzage, &[("formaat", "pdf")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Nobody's refused attempt searched anything.
    assert!(rows_of(&app, r.weert, "personen_gezocht").await.is_empty());
    // The teamleider keeps "wie heeft dit gezien" for one person, without the export buttons.
    let res = app
        .get_page(&r.teamleider, &format!("/personen/{amal}/verwerkingen"))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(!res.body.contains("Inzage-export maken"));
}

#[tokio::test]
async fn the_inzage_export_holds_the_persons_data_and_log_and_is_audited() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = two_persons(&app, &r).await;
    app.get_page(&r.regisseur, &format!("/personen/{amal}"))
        .await;
    let page = app
        .get_page(&r.privacy, &format!("/personen/{amal}/verwerkingen"))
        .await;
    assert!(page.body.contains("Inzage-export maken"));

    let inzage = format!("/personen/{amal}/inzage");
    let pdf = app
        .post_form(&r.privacy, &inzage, &[("formaat", "pdf")])
        .await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
    assert_eq!(pdf.header("content-type"), "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));
    assert!(
        pdf.header("content-disposition")
            .contains(&format!("inzage-{amal}.pdf"))
    );

    let zip = app
        .post_form(&r.privacy, &inzage, &[("formaat", "zip")])
        .await;
    assert_eq!(zip.status, StatusCode::OK);
    assert_eq!(zip.header("content-type"), "application/zip");
    assert!(zip.body.starts_with("PK"));
    // The JSON is stored uncompressed: its text is in the archive as written.
    assert!(zip.body.contains("inzage.json") && zip.body.contains("inzage.pdf"));
    assert!(zip.body.contains("\"naam\": \"Amal Zoekmans\""));
    assert!(zip.body.contains(&format!("\"waarde\": \"{}\"", bsn(1))));
    assert!(zip.body.contains("\"handeling_code\": \"persoon_inzien\""));
    assert!(!zip.body.contains("Bo Anders"), "only this person");

    let made = rows_of(&app, r.weert, "inzage_export_gemaakt").await;
    assert_eq!(made.len(), 2);
    assert!(
        made.iter()
            .all(|m| m.persoon_id.map(|p| p.to_string()) == Some(amal.clone()))
    );
    assert!(made.iter().any(|m| m.details.starts_with("zip;")));

    let bad = app
        .post_form(&r.privacy, &inzage, &[("formaat", "exe")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let no_csrf = app
        .post_form_raw(Some(&r.privacy), &inzage, &[("formaat", "pdf")])
        .await;
    assert!(
        matches!(
            no_csrf.status,
            StatusCode::BAD_REQUEST | StatusCode::FORBIDDEN
        ),
        "{}",
        no_csrf.status
    );
    assert_eq!(
        rows_of(&app, r.weert, "inzage_export_gemaakt").await.len(),
        2
    );
}

#[tokio::test]
async fn who_saw_this_groups_list_views_and_keeps_the_technical_columns_in_details() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (amal, _) = two_persons(&app, &r).await;
    for _ in 0..3 {
        app.get_page(&r.regisseur, "/caseload").await;
    }
    let res = app
        .get_page(&r.teamleider, &format!("/personen/{amal}/verwerkingen"))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("Getoond in een overzicht"));
    assert!(res.body.contains("3 keer"), "{}", res.body);
    assert_eq!(res.body.matches("Getoond in een overzicht").count(), 1);
    assert!(res.body.contains("<details>") && res.body.contains("Verzoek-id"));
    assert!(!res.body.contains("<th scope=\"col\">Verzoek-id</th>"));
}
