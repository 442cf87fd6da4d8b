//! The verwerkingenlog is tamper resistant and tamper evident: every row is in its gemeente's hash
//! chain (also under concurrency), the database refuses REPLACE / UPDATE / DELETE / TRUNCATE, a row
//! changed around the database is the first broken link `wegwijs audit verify` reports, and on
//! PostgreSQL the application role may only append to and read the log.

use axum::http::StatusCode;
use clap::Parser;
use wegwijs_storage::audit::{self, AuditEntry, Bron};
use wegwijs_storage::audit_chain::{self, GENESIS};
use wegwijs_storage::{Db, Tx};

use crate::harness::{TestApp, bsn, person_json};

async fn cli(args: &[&str]) -> anyhow::Result<()> {
    let mut all = vec!["wegwijs"];
    all.extend_from_slice(args);
    wegwijs::commands::run(wegwijs::cli::Cli::try_parse_from(all)?).await
}

/// Runs one statement in its own transaction (committed on success).
async fn sql(db: &Db, statement: &str) -> Result<u64, String> {
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    let q = sqlx::AssertSqlSafe(statement.to_string());
    let res = match &mut tx {
        Tx::Sqlite(t) => sqlx::query(q)
            .execute(&mut **t)
            .await
            .map(|r| r.rows_affected()),
        Tx::Pg(t) => sqlx::query(q)
            .execute(&mut **t)
            .await
            .map(|r| r.rows_affected()),
    };
    match res {
        Ok(n) => {
            tx.commit().await.map_err(|e| e.to_string())?;
            Ok(n)
        }
        Err(e) => {
            let _ = tx.rollback().await;
            Err(e.to_string())
        }
    }
}

/// The rows' (id, actie, details, hash), by id.
async fn rows(db: &Db) -> Vec<(i64, String, Option<String>, Option<String>)> {
    const SQL: &str = "SELECT id, actie, details, hash FROM audit_log ORDER BY id";
    wegwijs_storage::on_pool!(db, |p| sqlx::query_as(SQL).fetch_all(p).await).expect("rows")
}

/// Some traffic in two gemeenten: registrations, dossier views (batcher), changes, a caseload page.
async fn traffic(app: &TestApp) -> crate::harness::Region {
    let r = app.region().await;
    for (i, user) in [&r.regisseur, &r.other_regisseur].into_iter().enumerate() {
        let (id, etag) = app
            .person(
                user,
                person_json("Amal", &format!("Keten{i}"), Some(&bsn(i as u32))),
            )
            .await;
        app.get_api(user, &format!("/api/v1/personen/{id}")).await;
        let put = app
            .put_api(
                user,
                &format!("/api/v1/personen/{id}"),
                &person_json("Amal", &format!("Gewijzigd{i}"), Some(&bsn(i as u32))),
                &etag,
            )
            .await;
        assert_eq!(put.status, StatusCode::OK, "{}", put.body);
        app.get_page(user, "/personen").await;
    }
    r
}

#[tokio::test]
async fn audit_chain_holds_for_every_gemeente_after_reads_and_writes() {
    let app = TestApp::spawn().await;
    traffic(&app).await;
    let report = audit_chain::verify(&app.db).await.expect("verify");
    assert_eq!(report.broken, None);
    assert_eq!(report.unchained_rows, 0);
    let all = rows(&app.db).await;
    assert_eq!(report.rows, all.len() as u64);
    assert!(
        all.iter()
            .all(|r| r.3.as_deref().is_some_and(|h| h.len() == 64))
    );
    // Weert and Nederweert: account and API key rows carry the gemeente of the account, so that
    // gemeente's privacy officer sees them.
    assert_eq!(report.chains.len(), 2, "{:?}", report.chains);
    let chained: u64 = report.chains.iter().map(|c| c.rows).sum();
    assert_eq!(chained, report.rows);
}

#[tokio::test]
async fn audit_chain_does_not_fork_under_concurrent_batches_and_write_transactions() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amal", "Gelijktijdig", None))
        .await;
    let entry = |i: usize| AuditEntry {
        tijdstip: chrono::Utc::now(),
        trace_id: format!("gelijktijdig-{i}"),
        gebruiker_id: Some(r.regisseur.id),
        organisatie_id: Some(r.weert),
        gemeente_id: Some(if i.is_multiple_of(3) {
            r.nederweert
        } else {
            r.weert
        }),
        persoon_id: None,
        actie: wegwijs_domain::audit::AuditAction::PersonRead,
        bron: Bron::Api,
        details: None,
        grondslag: None,
    };
    // A batcher of its own on the same database: the chain must hold across every writer.
    let batcher = wegwijs_storage::audit_batcher::AuditBatcher::start(app.db.clone());
    let mut tasks = Vec::new();
    for i in 0..48 {
        let app_db = app.db.clone();
        let batcher = batcher.clone();
        let e = entry(i);
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                // Through the group-commit batcher (reads).
                batcher.record(vec![e.clone(), e]).await
            } else {
                // Inside a write transaction of its own.
                let mut tx = app_db.begin().await?;
                audit::insert(&mut tx, &[e]).await?;
                tx.commit().await
            }
        }));
    }
    // Dossier views and changes through the router at the same time.
    let path = format!("/api/v1/personen/{id}");
    let mut views = Vec::new();
    for _ in 0..8 {
        views.push(app.get_api(&r.regisseur, &path));
    }
    futures::future::join_all(views).await;
    for t in tasks {
        t.await.expect("task").expect("audit write");
    }
    let report = audit_chain::verify(&app.db).await.expect("verify");
    assert_eq!(report.broken, None, "{report:?}");
    assert_eq!(report.rows, rows(&app.db).await.len() as u64);
}

#[tokio::test]
async fn audit_log_refuses_replace_update_delete_and_truncate() {
    let app = TestApp::spawn().await;
    traffic(&app).await;
    let before = rows(&app.db).await;
    const COLS: &str = "id, volgnummer, tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, persoon_id, \
                        actie, verwerkingsactiviteit, grondslag, bron, details, vorige_hash, hash";
    // The same row again with another actie, keeping every chain column: only the id can stop it.
    let same = format!(
        "SELECT {} FROM audit_log WHERE id = (SELECT MIN(id) FROM audit_log)",
        COLS.replace(" actie,", " 'vervalst',")
    );
    let mut attempts = vec![
        "UPDATE audit_log SET details = 'vervalst'".to_string(),
        "DELETE FROM audit_log".to_string(),
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)".to_string(),
    ];
    if app.is_postgres() {
        attempts.push(format!(
            "INSERT INTO audit_log ({COLS}) {same} ON CONFLICT (id) DO UPDATE SET actie = excluded.actie"
        ));
        attempts.push("TRUNCATE audit_log".into());
    } else {
        attempts.push(format!("REPLACE INTO audit_log ({COLS}) {same}"));
        attempts.push(format!("INSERT OR REPLACE INTO audit_log ({COLS}) {same}"));
        attempts.push(format!(
            "INSERT INTO audit_log ({COLS}) {same} ON CONFLICT (id) DO UPDATE SET actie = excluded.actie"
        ));
    }
    for s in &attempts {
        let res = sql(&app.db, s).await;
        assert!(res.is_err(), "{s} must be refused, got {res:?}");
    }
    // An insert without chain columns is refused too.
    let unchained = sql(
        &app.db,
        "INSERT INTO audit_log (tijdstip, trace_id, actie, verwerkingsactiviteit, grondslag, bron) \
         VALUES ('2026-01-01T00:00:00Z', 'x', 'persoon_inzien', 'regie-inburgering', 'x', 'cli')",
    )
    .await;
    assert!(unchained.is_err(), "unchained insert: {unchained:?}");
    assert_eq!(rows(&app.db).await, before, "the log is unchanged");
    assert_eq!(
        audit_chain::verify(&app.db).await.expect("verify").broken,
        None
    );
}

/// Goes around the database's own defences, as someone with the file or the owner role could.
async fn without_triggers(app: &TestApp, statement: &str) {
    let (off, on): (Vec<&str>, Vec<&str>) = if app.is_postgres() {
        (
            vec!["ALTER TABLE audit_log DISABLE TRIGGER USER"],
            vec!["ALTER TABLE audit_log ENABLE TRIGGER USER"],
        )
    } else {
        (
            vec![
                "DROP TRIGGER audit_log_no_update",
                "DROP TRIGGER audit_log_no_delete",
            ],
            vec![
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log \
                 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log \
                 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            ],
        )
    };
    for s in off {
        sql(&app.db, s).await.expect(s);
    }
    assert_eq!(sql(&app.db, statement).await, Ok(1), "{statement}");
    for s in on {
        sql(&app.db, s).await.expect(s);
    }
}

#[tokio::test]
async fn audit_verify_reports_a_row_changed_around_the_triggers_as_the_first_broken_link() {
    let app = TestApp::spawn().await;
    let r = traffic(&app).await;
    let url = app.database_url().to_string();
    cli(&["audit", "verify", "--database-url", &url])
        .await
        .expect("intact log verifies");
    let all = rows(&app.db).await;
    // Change the details of a Weert row in the middle (and, later in id order, another one).
    let weert: Vec<i64> = {
        const SQL: &str = "SELECT id FROM audit_log WHERE gemeente_id = $1 ORDER BY id";
        wegwijs_storage::on_pool!(&app.db, |p| sqlx::query_scalar(SQL)
            .bind(r.weert.0)
            .fetch_all(p)
            .await)
        .expect("ids")
    };
    assert!(weert.len() >= 4, "{weert:?}");
    let victim = weert[weert.len() / 2];
    let later = *all.last().map(|(id, ..)| id).expect("rows");
    without_triggers(
        &app,
        &format!("UPDATE audit_log SET details = 'vervalst' WHERE id = {later}"),
    )
    .await;
    without_triggers(
        &app,
        &format!("UPDATE audit_log SET details = 'vervalst' WHERE id = {victim}"),
    )
    .await;

    let report = audit_chain::verify(&app.db).await.expect("verify");
    let b = report.broken.expect("broken");
    assert_eq!(b.id, Some(victim), "the first broken link: {b:?}");
    assert_eq!(b.gemeente, Some(r.weert.0));
    let stored = all.iter().find(|x| x.0 == victim).and_then(|x| x.3.clone());
    assert_eq!(Some(b.found.clone()), stored, "found: the stored hash");
    assert_ne!(
        b.expected, b.found,
        "expected: the hash over the changed row"
    );

    let err = cli(&["audit", "verify", "--database-url", &url])
        .await
        .expect_err("a broken chain fails the command");
    let msg = err.to_string();
    assert!(msg.contains("GEBROKEN"), "{msg}");
    assert!(msg.contains(&format!("regel id {victim}")), "{msg}");
    assert!(msg.contains("Weert"), "{msg}");
    assert!(msg.contains(&b.expected) && msg.contains(&b.found), "{msg}");
}

#[tokio::test]
async fn audit_verify_reports_rows_removed_around_the_triggers() {
    let app = TestApp::spawn().await;
    let r = traffic(&app).await;
    const SQL: &str = "SELECT id FROM audit_log WHERE gemeente_id = $1 ORDER BY id";
    let ids: Vec<i64> = wegwijs_storage::on_pool!(&app.db, |p| sqlx::query_scalar(SQL)
        .bind(r.nederweert.0)
        .fetch_all(p)
        .await)
    .expect("ids");
    assert!(ids.len() >= 3, "{ids:?}");
    // The last row of a chain: only the chain head still knows it.
    let last = ids[ids.len() - 1];
    without_triggers(&app, &format!("DELETE FROM audit_log WHERE id = {last}")).await;
    let b = audit_chain::verify(&app.db)
        .await
        .expect("verify")
        .broken
        .expect("a removed last row is found");
    assert_eq!((b.gemeente, b.id), (Some(r.nederweert.0), None), "{b:?}");
    // A row in the middle: its successor no longer links.
    without_triggers(
        &app,
        &format!("DELETE FROM audit_log WHERE id = {}", ids[0]),
    )
    .await;
    let b = audit_chain::verify(&app.db)
        .await
        .expect("verify")
        .broken
        .expect("a removed row is found");
    assert_eq!(
        (b.gemeente, b.id),
        (Some(r.nederweert.0), Some(ids[1])),
        "{b:?}"
    );
    assert_eq!((b.expected.as_str(), b.found.as_str()), ("1", "2"));
}

#[tokio::test]
async fn audit_verify_passes_on_a_fresh_demo_database() {
    let app = TestApp::spawn().await;
    let url = app.database_url().to_string();
    cli(&["demo", "--persons", "120", "--database-url", &url])
        .await
        .expect("demo");
    let report = audit_chain::verify(&app.db).await.expect("verify");
    assert_eq!(report.broken, None);
    assert!(report.rows >= 1);
    cli(&["audit", "verify", "--database-url", &url])
        .await
        .expect("verify on demo data");
    assert_eq!(GENESIS.len(), 64);
}

#[tokio::test]
async fn audit_app_role_may_only_insert_and_select_on_the_audit_log() {
    let app = TestApp::spawn().await;
    if !app.is_postgres() {
        eprintln!("skipped: roles exist on PostgreSQL only (set TEST_DATABASE_URL)");
        return;
    }
    let r = traffic(&app).await;
    let role = format!("wwapp_{}", uuid::Uuid::now_v7().simple());
    // As the owner (the test's superuser plays it): migrate and grant, as `wegwijs migrate --app-role`.
    cli(&[
        "migrate",
        "--database-url",
        app.database_url(),
        "--app-role",
        &role,
    ])
    .await
    .expect("migrate --app-role");
    // Idempotent: running it again after a later migration is fine.
    cli(&[
        "migrate",
        "--database-url",
        app.database_url(),
        "--app-role",
        &role,
    ])
    .await
    .expect("migrate --app-role twice");
    let app_url = app.database_url_as(&role).expect("pg url");
    // `serve` connects as the app role without migrating; the owner's URL only migrates and grants.
    let app_db = wegwijs::commands::serve::open_database(&app_url, Some(app.database_url()), 2)
        .await
        .expect("open as app role");
    assert!(
        !wegwijs_storage::roles::owns_audit_log(&app_db)
            .await
            .expect("owner?")
    );

    let outcome = async {
        // Allowed: append (through the chain), read, verify, ordinary writes elsewhere.
        let mut tx = app_db.begin().await?;
        audit::insert(
            &mut tx,
            &[AuditEntry {
                tijdstip: chrono::Utc::now(),
                trace_id: "app-rol".into(),
                gebruiker_id: Some(r.regisseur.id),
                organisatie_id: Some(r.weert),
                gemeente_id: Some(r.weert),
                persoon_id: None,
                actie: wegwijs_domain::audit::AuditAction::PersonRead,
                bron: Bron::Api,
                details: None,
                grondslag: None,
            }],
        )
        .await?;
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    let mut failures = Vec::new();
    if let Err(e) = outcome {
        failures.push(format!("chained insert as app role: {e}"));
    }
    for ok in [
        "SELECT COUNT(*) FROM audit_log",
        "UPDATE organisaties SET versie = versie",
        "DELETE FROM sessies WHERE verloopt_op < '2000-01-01'",
    ] {
        if let Err(e) = sql(&app_db, ok).await {
            failures.push(format!("{ok} must work for the app role: {e}"));
        }
    }
    if let Err(e) = audit_chain::verify(&app_db).await {
        failures.push(format!("verify as app role: {e}"));
    }
    // The whole application as the app role: register, view and change a person through the API.
    let router = wegwijs_web::router(wegwijs_web::AppState::new(
        app_db.clone(),
        std::sync::Arc::new(wegwijs_app::clock::SystemClock),
        crate::harness::test_config(),
    ));
    let call =
        |method: &str, path: String, body: Option<serde_json::Value>, etag: Option<String>| {
            let mut b = axum::http::Request::builder()
                .method(method)
                .uri(path)
                .header("authorization", format!("Bearer {}", r.regisseur.api_key))
                .header("content-type", "application/json");
            if let Some(e) = etag {
                b = b.header("if-match", e);
            }
            let req = b
                .body(axum::body::Body::from(
                    body.map(|j| j.to_string()).unwrap_or_default(),
                ))
                .expect("request");
            tower::ServiceExt::oneshot(router.clone(), req)
        };
    let created = call(
        "POST",
        "/api/v1/personen".into(),
        Some(person_json("Amal", "Approl", Some(&bsn(77)))),
        None,
    )
    .await
    .expect("router");
    if created.status() != StatusCode::CREATED {
        failures.push(format!("create person as app role: {}", created.status()));
    } else {
        let etag = created.headers()["etag"]
            .to_str()
            .expect("etag")
            .to_string();
        let loc = created.headers()["location"]
            .to_str()
            .expect("location")
            .to_string();
        let seen = call("GET", loc.clone(), None, None).await.expect("router");
        let put = call(
            "PUT",
            loc,
            Some(person_json("Amal", "Approl-Gewijzigd", Some(&bsn(77)))),
            Some(etag),
        )
        .await
        .expect("router");
        if (seen.status(), put.status()) != (StatusCode::OK, StatusCode::OK) {
            failures.push(format!(
                "view/change as app role: {} {}",
                seen.status(),
                put.status()
            ));
        }
    }
    for refused in [
        "UPDATE audit_log SET details = 'vervalst'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
        "DROP TRIGGER audit_log_no_change ON audit_log",
        "ALTER TABLE audit_log DISABLE TRIGGER USER",
        "ALTER TABLE audit_log DROP CONSTRAINT audit_log_chained",
        "DROP TABLE audit_log",
        "UPDATE _sqlx_migrations SET success = false",
        "DELETE FROM audit_ketenkop",
    ] {
        match sql(&app_db, refused).await {
            Ok(_) => failures.push(format!("{refused} must be refused for the app role")),
            Err(e) if !e.contains("permission denied") && !e.contains("must be owner") => {
                failures.push(format!("{refused}: refused for another reason: {e}"))
            }
            Err(_) => {}
        }
    }
    app_db.close().await;
    // Roles are cluster-wide: remove it whatever happened.
    let _ = sql(&app.db, &format!("DROP OWNED BY {role}")).await;
    let _ = sql(&app.db, &format!("DROP ROLE {role}")).await;
    assert!(failures.is_empty(), "{failures:#?}");
    let report = audit_chain::verify(&app.db).await.expect("verify");
    assert_eq!(report.broken, None);
}

/// Not a test but a measurement (`cargo test --test integration audit_chain_cost -- --ignored
/// --nocapture`): a chained audit insert against a plain one-statement insert of the same columns, in
/// alternating rounds so both see the same machine load. Timings are printed, never asserted.
#[tokio::test]
#[ignore]
async fn audit_chain_cost() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let gemeenten = [r.weert, r.nederweert];
    let entry = |i: usize, same: bool| AuditEntry {
        tijdstip: chrono::Utc::now(),
        trace_id: format!("meting-{i}"),
        gebruiker_id: Some(r.regisseur.id),
        organisatie_id: Some(r.weert),
        gemeente_id: Some(if same { r.weert } else { gemeenten[i % 2] }),
        persoon_id: Some(wegwijs_domain::ids::PersonId(uuid::Uuid::now_v7())),
        actie: wegwijs_domain::audit::AuditAction::PersonRead,
        bron: Bron::Api,
        details: None,
        grondslag: None,
    };
    // The insert as it was before the chain (plus constant chain columns, which the database requires).
    async fn plain(db: &Db, rows: &[AuditEntry]) -> wegwijs_storage::StorageResult<()> {
        let mut tx = db.begin().await?;
        wegwijs_storage::on_tx_exec!(&mut tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(
                "INSERT INTO audit_log (tijdstip, trace_id, gebruiker_id, organisatie_id, gemeente_id, persoon_id, \
                 actie, verwerkingsactiviteit, grondslag, bron, details, volgnummer, vorige_hash, hash) ",
            );
            qb.push_values(rows, |mut b, e| {
                b.push_bind(e.tijdstip)
                    .push_bind(e.trace_id.clone())
                    .push_bind(e.gebruiker_id.map(|g| g.0))
                    .push_bind(e.organisatie_id.map(|g| g.0))
                    .push_bind(e.gemeente_id.map(|g| g.0))
                    .push_bind(e.persoon_id.map(|g| g.0))
                    .push_bind(e.actie.code())
                    .push_bind("regie-inburgering")
                    .push_bind("Wet inburgering 2021")
                    .push_bind("api")
                    .push_bind(None::<String>)
                    .push_bind(0i64)
                    .push_bind(GENESIS)
                    .push_bind(GENESIS);
            });
            qb.build().execute(c).await
        })?;
        tx.commit().await
    }
    async fn chained(db: &Db, rows: &[AuditEntry]) -> wegwijs_storage::StorageResult<()> {
        let mut tx = db.begin().await?;
        audit::insert(&mut tx, rows).await?;
        tx.commit().await
    }
    let backend = if app.is_postgres() {
        "postgresql"
    } else {
        "sqlite"
    };
    // (label, rows per transaction, concurrent writers, one gemeente for all)
    let cases = [
        ("1 rij/tx, 1 schrijver", 1usize, 1usize, true),
        ("25 rijen/tx (caseload), 1 schrijver", 25, 1, false),
        ("1 rij/tx, 16 schrijvers, 1 gemeente", 1, 16, true),
        ("1 rij/tx, 16 schrijvers, 2 gemeenten", 1, 16, false),
    ];
    for (label, per_tx, writers, same) in cases {
        let txs_per_writer = if writers == 1 { 100 } else { 25 };
        let mut totals = [std::time::Duration::ZERO; 2];
        for round in 0..6 {
            for k in 0..2 {
                // Alternate which variant goes first.
                let use_chain = (k + round) % 2 == 0;
                let start = std::time::Instant::now();
                let mut tasks = Vec::new();
                for w in 0..writers {
                    let db = app.db.clone();
                    let batch: Vec<Vec<AuditEntry>> = (0..txs_per_writer)
                        .map(|t| {
                            (0..per_tx)
                                .map(|i| entry(w * 1000 + t * 31 + i, same))
                                .collect()
                        })
                        .collect();
                    tasks.push(tokio::spawn(async move {
                        for rows in batch {
                            if use_chain {
                                chained(&db, &rows).await?;
                            } else {
                                plain(&db, &rows).await?;
                            }
                        }
                        wegwijs_storage::StorageResult::Ok(())
                    }));
                }
                for t in tasks {
                    t.await.expect("task").expect("insert");
                }
                totals[if use_chain { 1 } else { 0 }] += start.elapsed();
            }
        }
        let txs = (6 * writers * txs_per_writer) as f64;
        let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / txs * writers as f64;
        let rate = |d: std::time::Duration| txs / d.as_secs_f64();
        println!(
            "{backend:<10} {label:<40} zonder keten {:>7.3} ms/tx {:>7.0} tx/s | met keten {:>7.3} ms/tx {:>7.0} tx/s | {:+.0}%",
            per(totals[0]),
            rate(totals[0]),
            per(totals[1]),
            rate(totals[1]),
            (totals[1].as_secs_f64() / totals[0].as_secs_f64() - 1.0) * 100.0
        );
    }
}
