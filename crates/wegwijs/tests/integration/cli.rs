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
