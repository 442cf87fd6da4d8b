//! `wegwijs admin ...`: accounts and API keys from the command line.

use std::io::{BufRead, Write};

use anyhow::{Context, anyhow, bail};
use wegwijs_app::accounts::{self, NewAccount};
use wegwijs_app::api_keys;
use wegwijs_app::error::AppError;
use wegwijs_app::{App, AppConfig};
use wegwijs_domain::authz::Role;
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::{organisations, users};

use crate::cli::{CreateApiKeyArgs, CreateUserArgs, DbArgs, RevokeApiKeyArgs};

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
        one_time: args.generate_password,
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
    let until = match (args.expires_in_days, args.expires_on) {
        (_, Some(date)) => Some(date.and_time(chrono::NaiveTime::MIN).and_utc()),
        (days, None) => api_keys::expiry_in_days(&app, days).map_err(explain)?,
    };
    let token = api_keys::create(&app, &user, &args.description, until, &cli_ctx())
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

fn when(t: Option<chrono::DateTime<chrono::Utc>>, none: &str) -> String {
    t.map_or(none.to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

/// Prints every key: prefix, user, description and dates. Never the key or its hash.
pub async fn list_api_keys(args: DbArgs) -> anyhow::Result<()> {
    let db = super::open(&args.database_url, 2).await?;
    let app = app(db.clone());
    let keys = api_keys::list_all(&app).await.map_err(explain)?;
    let now = chrono::Utc::now();
    println!("prefix\tgebruiker\tomschrijving\taangemaakt\tlaatst gebruikt\tverloopt\tstatus");
    for k in &keys {
        let status = match (k.ingetrokken_op, k.verloopt_op) {
            (Some(t), _) => format!("ingetrokken {}", when(Some(t), "")),
            (None, Some(t)) if t <= now => "verlopen".to_string(),
            _ => "actief".to_string(),
        };
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            k.prefix.as_deref().unwrap_or("(onbekend)"),
            k.email,
            k.omschrijving.replace(['\t', '\n'], " "),
            when(Some(k.aangemaakt_op), ""),
            when(k.laatst_gebruikt_op, "nooit"),
            when(k.verloopt_op, "nooit"),
            status
        );
    }
    eprintln!("{} sleutel(s)", keys.len());
    db.close().await;
    Ok(())
}

/// Revokes one key, given whole or by its 16-character prefix; a running server refuses it from the
/// next request on (keys are looked up on every request).
pub async fn revoke_api_key(args: RevokeApiKeyArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, 2).await?;
    let app = app(db.clone());
    let result = api_keys::revoke_by_key_or_prefix(&app, &args.key, &cli_ctx()).await;
    db.close().await;
    let key = match result {
        Ok(k) => k,
        Err(AppError::NotFound) => bail!("geen API-sleutel gevonden voor deze sleutel of prefix"),
        Err(e) => return Err(explain(e)),
    };
    println!(
        "API-sleutel {} van {} ingetrokken.",
        key.prefix.as_deref().unwrap_or("(onbekend)"),
        key.email
    );
    Ok(())
}
