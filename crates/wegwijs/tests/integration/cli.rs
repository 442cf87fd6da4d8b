//! The command line on a real SQLite file: demo data, accounts, API keys and an online backup.

use clap::Parser;
use wegwijs::cli::Cli;
use wegwijs_storage::{Db, DbOptions};

async fn run(args: &[&str]) -> anyhow::Result<()> {
    let mut all = vec!["wegwijs"];
    all.extend_from_slice(args);
    wegwijs::commands::run(Cli::try_parse_from(all)?).await
}

#[tokio::test]
async fn demo_admin_and_backup_commands_work_on_one_database() {
    let dir = std::env::temp_dir().join(format!("wegwijs-cli-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("w.db").display());
    run(&["migrate", "--database-url", &url])
        .await
        .expect("migrate");
    run(&["demo", "--persons", "80", "--database-url", &url])
        .await
        .expect("demo");
    let again = run(&["demo", "--persons", "80", "--database-url", &url]).await;
    assert!(again.is_err(), "demo data only goes into an empty database");

    let args = [
        "admin",
        "create-user",
        "--database-url",
        &url,
        "--email",
        "nieuw@weert.example",
        "--name",
        "Nieuwe Regisseur",
        "--organisation",
        "Weert",
        "--role",
        "regisseur,teamleider",
        "--generate-password",
    ];
    run(&args).await.expect("create user");
    let dup = run(&args)
        .await
        .expect_err("the same e-mail address twice is refused");
    assert!(dup.to_string().contains("bestaat al"), "{dup}");
    let bad_role = run(&[
        "admin",
        "create-user",
        "--database-url",
        &url,
        "--email",
        "x@weert.example",
        "--name",
        "X",
        "--organisation",
        "Weert",
        "--role",
        "koning",
        "--generate-password",
    ])
    .await;
    assert!(bad_role.is_err());
    let no_org = run(&[
        "admin",
        "create-user",
        "--database-url",
        &url,
        "--email",
        "y@x.example",
        "--name",
        "Y",
        "--organisation",
        "Atlantis",
        "--role",
        "beleid",
        "--generate-password",
    ])
    .await;
    assert!(no_org.is_err());
    run(&[
        "admin",
        "create-api-key",
        "--database-url",
        &url,
        "--user",
        "nieuw@weert.example",
    ])
    .await
    .expect("api key");
    assert!(
        run(&[
            "admin",
            "create-api-key",
            "--database-url",
            &url,
            "--user",
            "niemand@weert.example"
        ])
        .await
        .is_err()
    );

    let copy = dir.join("kopie.db");
    run(&[
        "backup",
        "--database-url",
        &url,
        "--to",
        copy.to_str().expect("path"),
    ])
    .await
    .expect("backup");
    let restored = Db::connect(
        &format!("sqlite://{}", copy.display()),
        &DbOptions::default(),
    )
    .await
    .expect("open copy");
    assert_eq!(
        wegwijs_storage::persons::count_all(&restored)
            .await
            .expect("count"),
        80
    );
    assert!(
        wegwijs_storage::users::find_by_email(&restored, "nieuw@weert.example")
            .await
            .expect("user")
            .is_some()
    );
    restored.close().await;
    assert!(
        run(&[
            "backup",
            "--database-url",
            &url,
            "--to",
            copy.to_str().expect("path")
        ])
        .await
        .is_err(),
        "never overwrites"
    );
    assert!(
        run(&[
            "backup",
            "--database-url",
            "postgres://x@127.0.0.1/none",
            "--to",
            "/tmp/x"
        ])
        .await
        .is_err()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A fresh SQLite file with one gemeente and one user, and a router on it standing for a running server.
async fn cli_fixture() -> (
    std::path::PathBuf,
    String,
    wegwijs_storage::users::User,
    axum::Router,
) {
    let dir = std::env::temp_dir().join(format!("wegwijs-cli-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("w.db").display());
    run(&["migrate", "--database-url", &url])
        .await
        .expect("migrate");
    let db = Db::connect(&url, &DbOptions::default())
        .await
        .expect("open");
    let org = wegwijs_storage::organisations::Organisation {
        id: wegwijs_domain::ids::OrganisatieId(uuid::Uuid::now_v7()),
        naam: "Weert".into(),
        soort: wegwijs_domain::authz::OrganisatieSoort::Gemeente,
        gemeentecode: Some("0988".into()),
        versie: 1,
    };
    let mut tx = db.begin().await.expect("tx");
    wegwijs_storage::organisations::insert(&mut tx, &org, chrono::Utc::now())
        .await
        .expect("org");
    tx.commit().await.expect("commit");
    run(&[
        "admin",
        "create-user",
        "--database-url",
        &url,
        "--email",
        "sleutel@weert.example",
        "--name",
        "Sleutelhouder",
        "--organisation",
        "Weert",
        "--role",
        "regisseur",
        "--generate-password",
    ])
    .await
    .expect("user");
    let user = wegwijs_storage::users::find_by_email(&db, "sleutel@weert.example")
        .await
        .expect("find")
        .expect("user");
    let state = wegwijs_web::AppState::new(
        db,
        std::sync::Arc::new(wegwijs_app::clock::SystemClock),
        crate::harness::test_config(),
    );
    (dir, url, user, wegwijs_web::router(state))
}

async fn api_status(router: &axum::Router, key: &str) -> axum::http::StatusCode {
    let req = axum::http::Request::builder()
        .uri("/api/v1/personen")
        .header("authorization", format!("Bearer {key}"))
        .body(axum::body::Body::empty())
        .expect("req");
    tower::ServiceExt::oneshot(router.clone(), req)
        .await
        .expect("infallible")
        .status()
}

#[tokio::test]
async fn cli_lists_keys_without_the_key_and_revokes_by_key_or_prefix_at_once() {
    let (dir, url, user, router) = cli_fixture().await;
    let bin = env!("CARGO_BIN_EXE_wegwijs");
    let made = std::process::Command::new(bin)
        .args([
            "admin",
            "create-api-key",
            "--database-url",
            &url,
            "--user",
            &user.email,
        ])
        .args(["--description", "koppeling", "--expires-in-days", "30"])
        .output()
        .expect("create-api-key");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let key = String::from_utf8_lossy(&made.stdout).trim().to_string();
    assert!(key.starts_with("wegwijs_"), "{key}");
    let second = wegwijs_app::accounts::create_api_key(
        &wegwijs_app::App::new(
            Db::connect(&url, &DbOptions::default()).await.expect("db"),
            std::sync::Arc::new(wegwijs_app::clock::SystemClock),
            wegwijs_app::AppConfig::default(),
        ),
        &user,
        "tweede",
        &wegwijs_storage::audit::AuditContext {
            trace_id: "test".into(),
            gebruiker_id: None,
            organisatie_id: None,
            bron: wegwijs_storage::audit::Bron::Cli,
        },
    )
    .await
    .expect("second key");

    let listed = std::process::Command::new(bin)
        .args(["admin", "list-api-keys", "--database-url", &url])
        .output()
        .expect("list-api-keys");
    assert!(listed.status.success());
    let out = String::from_utf8_lossy(&listed.stdout);
    assert!(
        out.contains(&key[..16])
            && out.contains("sleutel@weert.example")
            && out.contains("koppeling")
    );
    assert!(
        !out.contains(&key) && !out.contains(&second),
        "never the key itself"
    );
    assert!(
        !out.contains(&wegwijs_app::auth::tokens::sha256_hex(&key)),
        "nor its hash"
    );

    assert_eq!(api_status(&router, &key).await, axum::http::StatusCode::OK);
    run(&["admin", "revoke-api-key", "--database-url", &url, &key])
        .await
        .expect("revoke by key");
    assert_eq!(
        api_status(&router, &key).await,
        axum::http::StatusCode::UNAUTHORIZED
    );
    assert!(
        run(&["admin", "revoke-api-key", "--database-url", &url, &key])
            .await
            .is_err(),
        "revoking twice says so"
    );
    assert_eq!(
        api_status(&router, &second).await,
        axum::http::StatusCode::OK
    );
    run(&[
        "admin",
        "revoke-api-key",
        "--database-url",
        &url,
        &second[..16],
    ])
    .await
    .expect("revoke by prefix");
    assert_eq!(
        api_status(&router, &second).await,
        axum::http::StatusCode::UNAUTHORIZED
    );
    assert!(
        run(&[
            "admin",
            "revoke-api-key",
            "--database-url",
            &url,
            "wegwijs_"
        ])
        .await
        .is_err()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn cli_refuses_a_prefix_that_matches_several_keys() {
    let (dir, url, user, router) = cli_fixture().await;
    let db = Db::connect(&url, &DbOptions::default()).await.expect("db");
    let mut tx = db.begin().await.expect("tx");
    for (i, token) in ["wegwijs_abcd1234-een", "wegwijs_abcd1234-twee"]
        .iter()
        .enumerate()
    {
        wegwijs_storage::api_keys::insert(
            &mut tx,
            &wegwijs_storage::api_keys::NewApiKey {
                id: uuid::Uuid::now_v7(),
                gebruiker: user.id,
                token_hash: &wegwijs_app::auth::tokens::sha256_hex(token),
                prefix: "wegwijs_abcd1234",
                omschrijving: &format!("dubbel {i}"),
                verloopt_op: None,
            },
            chrono::Utc::now(),
        )
        .await
        .expect("insert");
    }
    tx.commit().await.expect("commit");
    let err = run(&[
        "admin",
        "revoke-api-key",
        "--database-url",
        &url,
        "wegwijs_abcd1234",
    ])
    .await
    .expect_err("ambiguous");
    assert!(err.to_string().contains("geef de hele sleutel"), "{err}");
    assert_eq!(
        api_status(&router, "wegwijs_abcd1234-een").await,
        axum::http::StatusCode::OK
    );
    run(&[
        "admin",
        "revoke-api-key",
        "--database-url",
        &url,
        "wegwijs_abcd1234-een",
    ])
    .await
    .expect("the whole key names one");
    assert_eq!(
        api_status(&router, "wegwijs_abcd1234-een").await,
        axum::http::StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        api_status(&router, "wegwijs_abcd1234-twee").await,
        axum::http::StatusCode::OK
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs `serve --demo` on `url` until it has printed the demo accounts, then stops it; returns what it printed.
fn serve_demo_output(url: &str) -> String {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_wegwijs"))
        .args([
            "serve",
            "--demo",
            "--demo-persons",
            "60",
            "--listen",
            "127.0.0.1:0",
        ])
        .args(["--database-url", url])
        .env_remove("WEGWIJS_DEMO_PASSWORD")
        .env_remove("DATABASE_URL")
        .env_remove("WEGWIJS_SECRET_KEY")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start serve --demo");
    let stdout = child.stdout.take().expect("stdout");
    let mut out = String::new();
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        out.push_str(&line);
        out.push('\n');
        // The last region account printed: the accounts are complete.
        if line.contains("@cranendonck.example") && line.contains("privacy") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    out
}

fn demo_password_in(out: &str) -> Option<String> {
    let rest = out.split("wachtwoord voor allemaal: ").nth(1)?;
    Some(rest.split(')').next()?.to_owned())
}

#[tokio::test]
async fn serve_demo_shows_the_accounts_and_the_password_on_every_start() {
    let dir = std::env::temp_dir().join(format!("wegwijs-demo-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let url = format!("sqlite://{}", dir.join("demo.db").display());
    let limit = std::time::Duration::from_secs(180);
    let first = tokio::time::timeout(
        limit,
        tokio::task::spawn_blocking({
            let url = url.clone();
            move || serve_demo_output(&url)
        }),
    )
    .await
    .expect("serve --demo printed its accounts within the limit")
    .expect("first start");
    assert!(first.contains("Demodata geladen"), "{first}");
    let password = demo_password_in(&first).expect("first start shows the password");

    let second = tokio::time::timeout(
        limit,
        tokio::task::spawn_blocking(move || serve_demo_output(&url)),
    )
    .await
    .expect("the second start printed its accounts within the limit")
    .expect("second start");
    assert!(
        !second.contains("Demodata geladen"),
        "nothing is loaded twice: {second}"
    );
    assert!(second.contains("regisseur@weert.example"), "{second}");
    assert!(second.contains("teamleider@weert.example"), "{second}");
    assert_eq!(
        demo_password_in(&second).as_deref(),
        Some(password.as_str())
    );
    let _ = std::fs::remove_dir_all(&dir);
}
