use anyhow::Context;
use wegwijs_storage::Db;
use wegwijs_storage::roles::{self, CreateRole};

use crate::cli::MigrateArgs;

pub async fn run(args: MigrateArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, 2).await?;
    if let Some(role) = &args.app_role {
        grant(
            &db,
            role,
            CreateRole::IfMissing,
            args.app_role_password.as_deref(),
        )
        .await?;
        println!(
            "Applicatierol {role}: alleen INSERT en SELECT op audit_log, gewone rechten elders."
        );
    }
    println!(
        "Database bijgewerkt: {} schema versie {}",
        db.backend().name(),
        db.schema_version().await?
    );
    db.close().await;
    Ok(())
}

/// Grants the application role its rights; run by the owner after the migrations.
pub async fn grant(
    db: &Db,
    role: &str,
    create: CreateRole,
    password: Option<&str>,
) -> anyhow::Result<()> {
    roles::grant_app_role(db, role, create, password)
        .await
        .with_context(|| format!("rechten voor de applicatierol {role}"))
}
