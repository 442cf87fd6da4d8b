use std::sync::Arc;

use anyhow::bail;

use crate::cli::DemoArgs;

pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    let db = super::open(&args.db.database_url, 4).await?;
    if !crate::demo::is_empty(&db).await? {
        bail!("de database bevat al personen; demodata gaat alleen in een lege database");
    }
    let password = demo_password();
    let hash =
        wegwijs_app::auth::password::hash(&wegwijs_app::AppConfig::default(), password.clone())
            .await?;
    let clock: Arc<dyn wegwijs_domain::clock::Clock> = Arc::new(wegwijs_app::clock::SystemClock);
    let seed = crate::demo::Seed {
        number: args.seed,
        reference: args.reference_date,
    };
    let summary = crate::demo::load(&db, args.persons, seed, &hash, clock.now()).await?;
    print_summary(&summary, &password);
    db.close().await;
    Ok(())
}

/// The demo accounts' password: `WEGWIJS_DEMO_PASSWORD`, or a fresh random one.
pub fn demo_password() -> String {
    std::env::var("WEGWIJS_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| format!("Demo-{}", &wegwijs_app::auth::tokens::random_token()[..16]))
}

/// For a database that already holds demo data: the accounts again, and the password if it is known
/// (`WEGWIJS_DEMO_PASSWORD` that still opens the accounts, or the file `serve --demo` keeps beside a
/// SQLite database); otherwise where it was shown.
pub async fn print_existing(
    db: &wegwijs_storage::Db,
    password_file: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let accounts = crate::demo::accounts_in(db).await?;
    let Some((_, hash)) = accounts.first() else {
        println!(
            "De database bevat al gegevens (geen demodatabase): er is geen demodata toegevoegd."
        );
        return Ok(());
    };
    let from_env = std::env::var("WEGWIJS_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty());
    let from_file = password_file
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty());
    let mut known = None;
    for candidate in [from_env, from_file].into_iter().flatten() {
        if wegwijs_app::auth::password::verify(candidate.clone(), hash.clone())
            .await
            .unwrap_or(false)
        {
            known = Some(candidate);
            break;
        }
    }
    println!("De database bevat al demodata: er is niets toegevoegd.");
    match &known {
        Some(p) => println!("Demo-accounts (wachtwoord voor allemaal: {p}):"),
        None => println!(
            "Demo-accounts (wachtwoord: zoals getoond bij de eerste start; zet WEGWIJS_DEMO_PASSWORD vóór de eerste start om het zelf te kiezen):"
        ),
    }
    for (a, _) in &accounts {
        print_account(a);
    }
    Ok(())
}

fn print_account(a: &crate::demo::DemoAccount) {
    let rollen: Vec<&str> = a.rollen.iter().map(|r| r.code()).collect();
    println!(
        "  {:<34} {:<24} {}",
        a.email,
        rollen.join(","),
        a.organisatie
    );
}

pub fn print_summary(s: &crate::demo::DemoSummary, password: &str) {
    println!(
        "Demodata geladen: {} personen, {} huishoudens, {} gemeenten, {} accounts in {:.1} s.",
        s.persons,
        s.households,
        s.gemeenten,
        s.users,
        s.elapsed.as_secs_f64()
    );
    let fasen: Vec<String> = s
        .fasen
        .iter()
        .map(|(f, n)| format!("{} {n}", f.code()))
        .collect();
    println!("Trajectfasen: {}.", fasen.join(", "));
    let rows: Vec<String> = s
        .traject_rows
        .iter()
        .map(|(t, n)| format!("{t} {n}"))
        .collect();
    println!("Trajectrijen: {}.", rows.join(", "));
    println!("Demo-accounts (wachtwoord voor allemaal: {password}):");
    for a in &s.accounts {
        print_account(a);
    }
}
