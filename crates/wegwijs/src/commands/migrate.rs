pub async fn run(url: &str) -> anyhow::Result<()> {
    let db = super::open(url, 2).await?;
    println!(
        "Database bijgewerkt: {} schema versie {}",
        db.backend().name(),
        db.schema_version().await?
    );
    db.close().await;
    Ok(())
}
