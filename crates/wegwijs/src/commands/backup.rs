//! A consistent copy of a live SQLite database with `VACUUM INTO` (safe while the server runs: it reads
//! one snapshot). PostgreSQL has its own tools.

use anyhow::{Context, bail};
use wegwijs_storage::Db;

use crate::cli::BackupArgs;

pub async fn run(args: BackupArgs) -> anyhow::Result<()> {
    if args.db.database_url.starts_with("postgres") {
        bail!(
            "voor PostgreSQL maakt u een back-up met pg_dump, bijvoorbeeld: \
             pg_dump --format=custom --file=wegwijs.dump \"$DATABASE_URL\" (terugzetten met pg_restore)"
        );
    }
    if args.to.exists() {
        bail!(
            "{} bestaat al; kies een nieuwe bestandsnaam",
            args.to.display()
        );
    }
    let db = super::open(&args.db.database_url, 1).await?;
    let Db::Sqlite { write, .. } = &db else {
        bail!("onverwacht databasetype")
    };
    let target = args
        .to
        .to_str()
        .context("het pad van de back-up is geen geldige tekst")?
        .to_string();
    sqlx::query("VACUUM INTO $1")
        .bind(&target)
        .execute(write)
        .await
        .context("back-up mislukt")?;
    db.close().await;
    println!("Back-up geschreven naar {}", args.to.display());
    Ok(())
}
