//! Date rules use the Dutch calendar date, not the UTC one.

use std::sync::Arc;

use axum::http::StatusCode;
use chrono::{TimeZone, Utc};
use wegwijs_domain::clock::FixedClock;

use crate::harness::{TestApp, person_json, test_config};

#[tokio::test]
async fn a_birth_date_of_today_in_the_netherlands_is_not_in_the_future_just_after_midnight() {
    // 2 May 2026, 00:30 in Amsterdam (summer time); UTC still says 1 May.
    let moment = Utc
        .with_ymd_and_hms(2026, 5, 1, 22, 30, 0)
        .single()
        .expect("valid moment");
    let app = TestApp::spawn_with_clock(test_config(), Arc::new(FixedClock(moment))).await;
    let r = app.region().await;
    let mut body = person_json("Noor", "Haddad", None);
    body["geboortedatum"] = "2026-05-02".into();
    let res = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);

    let mut body = person_json("Sami", "Haddad", None);
    body["geboortedatum"] = "2026-05-03".into();
    let res = app.post_api(&r.regisseur, "/api/v1/personen", &body).await;
    assert_eq!(
        res.status,
        StatusCode::BAD_REQUEST,
        "tomorrow is still refused"
    );
    assert!(res.body.contains("toekomst"), "{}", res.body);
}
