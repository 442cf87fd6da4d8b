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
    let summary = crate::demo::load(&db, args.persons, args.seed, &hash, clock.now()).await?;
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

pub fn print_summary(s: &crate::demo::DemoSummary, password: &str) {
    println!(
        "Demodata geladen: {} personen, {} huishoudens, {} gemeenten, {} accounts in {:.1} s.",
        s.persons,
        s.households,
        s.gemeenten,
        s.users,
        s.elapsed.as_secs_f64()
    );
    println!("Demo-accounts (wachtwoord voor allemaal: {password}):");
    for a in &s.accounts {
        let rollen: Vec<&str> = a.rollen.iter().map(|r| r.code()).collect();
        println!(
            "  {:<34} {:<24} {}",
            a.email,
            rollen.join(","),
            a.organisatie
        );
    }
}
