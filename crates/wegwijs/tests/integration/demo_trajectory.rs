//! The demo's trajectory rows land in every 0009 table on both backends, exactly as generated.

use chrono::{TimeZone, Utc};
use wegwijs::demo::{self, Seed, generate};

use crate::harness::TestApp;

async fn count(app: &TestApp, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    wegwijs_storage::on_pool!(&app.db, |p| sqlx::query_scalar::<_, i64>(
        sqlx::AssertSqlSafe(sql.clone())
    )
    .fetch_one(p)
    .await)
    .expect("count")
}

#[tokio::test]
async fn demo_load_fills_every_trajectory_table_as_generated() {
    let app = TestApp::spawn().await;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("time");
    let summary = demo::load(&app.db, 600, Seed::DEFAULT, "$argon2id$demo", now)
        .await
        .expect("load");
    let data = generate::generate(600, Seed::DEFAULT.number, Seed::DEFAULT.reference);
    let expected = data.traject.rows.counts();
    assert_eq!(summary.traject_rows, expected);
    for (table, n) in expected {
        assert!(n > 0, "{table} empty");
        assert_eq!(count(&app, table).await, n as i64, "{table}");
    }
    assert!(
        summary.fasen.iter().all(|(_, n)| *n > 0),
        "{:?}",
        summary.fasen
    );
    // Dates and JSON read back as written (TEXT on SQLite, DATE on PostgreSQL).
    let pip = data
        .traject
        .rows
        .pips
        .iter()
        .find(|p| p.dagtekening.is_some())
        .expect("a vastgesteld PIP");
    let stored: Option<chrono::NaiveDate> = wegwijs_storage::on_pool!(&app.db, |p| {
        sqlx::query_scalar("SELECT dagtekening FROM pip_versies WHERE id = $1")
            .bind(pip.id)
            .fetch_one(p)
            .await
    })
    .expect("pip");
    assert_eq!(stored, pip.dagtekening);
}

#[tokio::test]
async fn the_demo_region_gemeenten_have_letter_details() {
    let app = TestApp::spawn().await;
    let now = Utc
        .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
        .single()
        .expect("time");
    demo::load(&app.db, 60, Seed::DEFAULT, "$argon2id$demo", now)
        .await
        .expect("load");
    for (naam, adres) in [
        ("Weert", ["Postbus 950", "6000 AZ Weert"]),
        ("Nederweert", ["Postbus 2728", "6030 AA Nederweert"]),
        ("Cranendonck", ["Postbus 2090", "6020 AB Budel"]),
    ] {
        let org = wegwijs_storage::organisations::find_by_name(&app.db, naam)
            .await
            .expect("read")
            .expect("gemeente");
        let brief = wegwijs_app::traject_settings::get(&app.state.app, org.id)
            .await
            .expect("settings")
            .brief;
        assert!(brief.ontbreekt().is_empty(), "{naam}: {brief:?}");
        assert_eq!(
            brief.bezwaar().map(|a| a.regels()),
            Some(adres.map(String::from).to_vec())
        );
        assert_eq!(brief.telefoon.as_deref(), Some("14 0495"));
    }
}
