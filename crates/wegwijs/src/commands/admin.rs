//! `wegwijs admin ...`: accounts and API keys from the command line.

use std::io::{BufRead, Write};

use anyhow::{Context, anyhow, bail};
use wegwijs_app::accounts::{self, NewAccount};
use wegwijs_app::error::AppError;
use wegwijs_app::{App, AppConfig};
use wegwijs_domain::authz::Role;
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::{organisations, users};

use crate::cli::{CreateApiKeyArgs, CreateUserArgs};

fn cli_ctx() -> AuditContext {
    AuditContext {
        trace_id: format!("cli-{}", uuid::Uuid::now_v7()),
        gebruiker_id: None,
        organisatie_id: None,
        bron: Bron::Cli,
    }
}

fn app(db: wegwijs_storage::Db) -> App {
    App::new(
        db,
        std::sync::Arc::new(wegwijs_app::clock::SystemClock),
        AppConfig::default(),
    )
}

fn explain(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(errors) => anyhow!(
            "{}",
            errors
                .0
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        other => anyhow!("{other}"),
    }
}

fn read_password() -> anyhow::Result<String> {
    eprint!("Wachtwoord (minstens 12 tekens; wordt getoond tijdens typen): ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("kan het wachtwoord niet lezen")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub async fn create_user(args: CreateUserArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, 2).await?;
    let org = organisations::find_by_name(&db, &args.organisation)
        .await?
        .ok_or_else(|| anyhow!("organisatie '{}' bestaat niet", args.organisation))?;
    let mut roles = Vec::new();
    for r in &args.role {
        roles.push(Role::parse(r.trim()).ok_or_else(|| {
            anyhow!("onbekende rol '{r}': kies regisseur, teamleider, beleid, beheerder of privacy")
        })?);
    }
    let password = if args.generate_password {
        format!("Ww-{}", &wegwijs_app::auth::tokens::random_token()[..20])
    } else {
        read_password()?
    };
    let app = app(db.clone());
    let account = NewAccount {
        email: &args.email,
        naam: &args.name,
        organisatie: org.id,
        roles: &roles,
        wachtwoord: &password,
    };
    let id = accounts::create_user(&app, &account, &cli_ctx())
        .await
        .map_err(explain)?;
    println!("Account aangemaakt: {} ({id})", args.email);
    if args.generate_password {
        println!("Wachtwoord: {password}");
    }
    db.close().await;
    Ok(())
}

pub async fn create_api_key(args: CreateApiKeyArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, 2).await?;
    let Some(user) = users::find_by_email(&db, &args.user).await? else {
        bail!("er is geen account met e-mailadres {}", args.user);
    };
    let app = app(db.clone());
    let token = accounts::create_api_key(&app, &user, &args.description, &cli_ctx())
        .await
        .map_err(explain)?;
    eprintln!(
        "API-sleutel voor {} (wordt maar één keer getoond; bewaar hem veilig):",
        user.email
    );
    println!("{token}");
    db.close().await;
    Ok(())
}
