//! The log search stays an index range read in order, without a sort, on a large generated log, for
//! every filter and deep in the log (keyset cursor). `AUDIT_SCALE_ROWS` sets the size (default
//! 200,000); the timings printed (`--nocapture`) are the figures in docs/benchmarks.md, never asserted.

use std::time::Instant;

use chrono::{DateTime, TimeZone, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::Db;
use wegwijs_storage::audit_search::{self, LogCursor, LogFilter, LogRichting};

use crate::harness::TestApp;

const START: i64 = 1_767_225_600; // 2026-01-01T00:00:00Z; row i is START + 10 i seconds

/// Writes `n` rows in one statement: every 1000th about `person`, every 50th by `user`, every 7th a
/// list view; the rest about random persons. Chain columns hold placeholders (verify is not the point).
async fn generate(app: &TestApp, n: i64, gemeente: Uuid, person: Uuid, user: Uuid) {
    match &app.db {
        Db::Sqlite { write, .. } => {
            sqlx::query(
                "INSERT INTO audit_log (id, volgnummer, tijdstip, trace_id, gebruiker_id, organisatie_id, \
                 gemeente_id, persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details, vorige_hash, hash) \
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1) \
                 SELECT 1000000 + i, i, strftime('%Y-%m-%dT%H:%M:%S', $2 + i * 10, 'unixepoch') || '+00:00', \
                 'gen-' || i, CASE WHEN i % 50 = 0 THEN $3 END, $4, $4, \
                 CASE WHEN i % 1000 = 0 THEN $5 ELSE randomblob(16) END, \
                 CASE WHEN i % 7 = 0 THEN 'persoon_in_lijst' ELSE 'persoon_inzien' END, \
                 'regie-inburgering', 'x', 'systeem', NULL, 'x', 'x' FROM n",
            )
            .bind(n)
            .bind(START)
            .bind(user)
            .bind(gemeente)
            .bind(person)
            .execute(write)
            .await
            .expect("generate");
        }
        Db::Pg(pool) => {
            sqlx::query(
                "INSERT INTO audit_log (id, volgnummer, tijdstip, trace_id, gebruiker_id, organisatie_id, \
                 gemeente_id, persoon_id, actie, verwerkingsactiviteit, grondslag, bron, details, vorige_hash, hash) \
                 SELECT 1000000 + i, i, to_timestamp($2 + i * 10), 'gen-' || i, \
                 CASE WHEN i % 50 = 0 THEN $3::uuid END, $4, $4, \
                 CASE WHEN i % 1000 = 0 THEN $5::uuid ELSE gen_random_uuid() END, \
                 CASE WHEN i % 7 = 0 THEN 'persoon_in_lijst' ELSE 'persoon_inzien' END, \
                 'regie-inburgering', 'x', 'systeem', NULL, 'x', 'x' FROM generate_series(1, $1::bigint) i",
            )
            .bind(n)
            .bind(START as f64)
            .bind(user)
            .bind(gemeente)
            .bind(person)
            .execute(pool)
            .await
            .expect("generate");
            sqlx::query("ANALYZE audit_log")
                .execute(pool)
                .await
                .expect("analyze");
        }
    }
}

fn at(i: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(START + i * 10, 0).single().expect("time")
}

/// `sort_ok`: one person's rows are few (hundreds, not millions), and PostgreSQL may rightly prefer
/// to collect them through the index (bitmap scan, keyset in the index condition) and sort them.
fn uses_index_without_sort(
    plan: &[String],
    index: Option<&str>,
    pg: bool,
    sort_ok: bool,
) -> Result<(), String> {
    let text = plan.join("\n");
    let sorted = if pg {
        plan.iter().any(|l| {
            let l = l.trim_start().trim_start_matches("->").trim_start();
            l.starts_with("Sort") || l.starts_with("Incremental Sort")
        })
    } else {
        text.contains("TEMP B-TREE")
    };
    let indexed = match index {
        Some(ix) => text.contains(ix),
        None => text.contains("audit_log_"),
    };
    if (sorted && !sort_ok)
        || !indexed
        || text.contains("Seq Scan on audit_log")
        || plan.iter().any(|l| l.trim() == "SCAN a")
    {
        return Err(text);
    }
    Ok(())
}

#[tokio::test]
async fn every_log_filter_is_an_ordered_index_range_at_any_depth() {
    let n: i64 = std::env::var("AUDIT_SCALE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    let app = TestApp::spawn().await;
    let (g, p, u) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let t0 = Instant::now();
    generate(&app, n, g, p, u).await;
    eprintln!(
        "generated {n} rows in {:.1} s ({})",
        t0.elapsed().as_secs_f64(),
        if app.is_postgres() {
            "postgres"
        } else {
            "sqlite"
        }
    );

    let base = LogFilter {
        gemeente: OrganisatieId(g),
        personen: None,
        gebruiker: None,
        actie: None,
        van: None,
        tot: None,
    };
    let deep = LogCursor {
        tijdstip: at(n / 2),
        id: 1_000_000 + n / 2,
    };
    let cases: Vec<(&str, LogFilter, Option<&str>)> = vec![
        ("hele gemeente", base.clone(), Some("audit_log_gemeente")),
        (
            "periode",
            LogFilter {
                van: Some(at(n / 10)),
                tot: Some(at(n / 5)),
                ..base.clone()
            },
            Some("audit_log_gemeente"),
        ),
        (
            "persoon",
            LogFilter {
                personen: Some(vec![PersonId(p)]),
                ..base.clone()
            },
            Some("audit_log_persoon"),
        ),
        (
            "gebruiker",
            LogFilter {
                gebruiker: Some(GebruikerId(u)),
                ..base.clone()
            },
            Some("audit_log_gebruiker"),
        ),
        (
            "handeling",
            LogFilter {
                actie: Some(AuditAction::PersonListed),
                ..base.clone()
            },
            None,
        ),
    ];
    for (name, filter, index) in &cases {
        for from in [None, Some(deep)] {
            let plan = audit_search::explain(&app.db, filter, from)
                .await
                .expect("explain");
            if std::env::var_os("AUDIT_SCALE_PLANS").is_some() {
                eprintln!("{name} {from:?}:\n{}", plan.join("\n"));
            }
            if let Err(text) =
                uses_index_without_sort(&plan, *index, app.is_postgres(), *name == "persoon")
            {
                panic!("{name} ({from:?}) is not an ordered index range:\n{text}");
            }
        }
        // Timing of the first page and of a page halfway down the log (printed, not asserted).
        let t = Instant::now();
        let first = audit_search::search(&app.db, filter, None, 100)
            .await
            .expect("first");
        let first_ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let deep_page = audit_search::search(&app.db, filter, Some(LogRichting::Na(deep)), 100)
            .await
            .expect("deep");
        let deep_ms = t.elapsed().as_secs_f64() * 1000.0;
        eprintln!(
            "{name}: first page {} rows {first_ms:.2} ms, page at row {} {} rows {deep_ms:.2} ms",
            first.rows.len(),
            n / 2,
            deep_page.rows.len()
        );
        assert!(!first.rows.is_empty(), "{name}");
        assert!(
            deep_page
                .rows
                .iter()
                .all(|r| r.record.tijdstip <= deep.tijdstip),
            "{name}: keyset goes older"
        );
    }
}
