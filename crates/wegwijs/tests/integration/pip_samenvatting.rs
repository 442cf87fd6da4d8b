//! `/personen/{id}/pips/{pipId}/samenvatting.pdf`: the plain-Dutch summary of a decided PIP, with the
//! beschikking's access and audit, linked from the PIP page.

use axum::http::StatusCode;

use crate::harness::TestApp;
use crate::pip::{compleet, days_ago, decide, fill, inburgeraar, new_concept};

#[tokio::test]
async fn the_summary_downloads_as_pdf_audited_with_the_beschikkings_access() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let path = format!("/personen/{p}/pips/{pip}/samenvatting.pdf");
    assert_eq!(
        app.get_page(&r.regisseur, &path).await.status,
        StatusCode::BAD_REQUEST,
        "a concept has no letter (the page refuses it like beschikking.pdf)"
    );
    let f = fill(&app, &r.regisseur, &p, &pip, &compleet(v)).await;
    let versie = f["versie"].as_i64().expect("v");
    let res = decide(&app, &r.regisseur, &p, &pip, &days_ago(1), versie).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);

    let show = app
        .get_page(&r.regisseur, &format!("/personen/{p}/pips/{pip}"))
        .await;
    assert!(
        show.body.contains(&format!("href=\"{path}\"")),
        "{}",
        show.body
    );

    let page = app.get_page(&r.regisseur, &path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-type"), "application/pdf");
    assert!(
        page.header("content-disposition")
            .contains("samenvatting-pip-1.pdf")
    );
    assert!(page.body.starts_with("%PDF-"));
    let n = app
        .audit_actions(&p)
        .await
        .iter()
        .filter(|a| *a == "beschikking_gedownload")
        .count();
    assert_eq!(n, 1);
    // Same access as the beschikking: beleid may not, another gemeente does not find it.
    assert_eq!(
        app.get_page(&r.beleid, &path).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get_page(&r.other_regisseur, &path).await.status,
        StatusCode::NOT_FOUND
    );
}
