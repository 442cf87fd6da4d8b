//! `wegwijs audit verify`: recomputes the hash chain of the verwerkingenlog.

use std::collections::HashMap;

use anyhow::{Context, bail};
use uuid::Uuid;
use wegwijs_storage::audit_chain::{self, Break, VerifyReport};
use wegwijs_storage::{Db, DbOptions};

/// Read only: connects without migrating, so an auditor can run it with a read-only role.
pub async fn verify(url: &str) -> anyhow::Result<()> {
    let db = Db::connect(
        url,
        &DbOptions {
            max_connections: 2,
            pg_schema: None,
        },
    )
    .await
    .with_context(|| format!("kan de database niet openen ({})", super::redact(url)))?;
    let result = verify_db(&db).await;
    db.close().await;
    let text = result?;
    println!("{text}");
    Ok(())
}

/// The report as text when every chain holds; an error naming the first broken link otherwise.
pub async fn verify_db(db: &Db) -> anyhow::Result<String> {
    let report = audit_chain::verify(db)
        .await
        .context("de verwerkingenlog kan niet worden gelezen (is `wegwijs migrate` gedraaid?)")?;
    let names = gemeente_names(db).await?;
    let name = |g: Option<Uuid>| match g {
        None => "zonder gemeente".to_string(),
        Some(id) => match names.get(&id) {
            Some(n) => format!("gemeente {n} ({id})"),
            None => format!("gemeente {id}"),
        },
    };
    if let Some(b) = &report.broken {
        bail!("{}", describe_break(b, &name));
    }
    Ok(describe_ok(&report, &name))
}

fn describe_break(b: &Break, name: &dyn Fn(Option<Uuid>) -> String) -> String {
    let regel =
        b.id.map(|id| format!("regel id {id}"))
            .unwrap_or_else(|| "einde van de keten".into());
    format!(
        "verwerkingenlog GEBROKEN: eerste breuk in de keten {}, {regel}: {}\n  verwacht: {}\n  gevonden: {}",
        name(b.gemeente),
        b.what,
        b.expected,
        b.found
    )
}

fn describe_ok(r: &VerifyReport, name: &dyn Fn(Option<Uuid>) -> String) -> String {
    let mut out = format!(
        "Verwerkingenlog in orde: {} regels in {} ketens nagerekend",
        r.rows,
        r.chains.len()
    );
    if r.unchained_rows > 0 {
        out.push_str(&format!(
            " ({} oudere regels van voor de hashketen)",
            r.unchained_rows
        ));
    }
    out.push_str(".\nLaatste hash per keten (bewaar deze buiten de database):");
    for c in &r.chains {
        out.push_str(&format!(
            "\n  {}  {:>8} regels  {}",
            c.head,
            c.rows,
            name(c.gemeente)
        ));
    }
    out
}

async fn gemeente_names(db: &Db) -> anyhow::Result<HashMap<Uuid, String>> {
    const SQL: &str = "SELECT id, naam FROM organisaties";
    let rows: Vec<(Uuid, String)> =
        wegwijs_storage::on_pool!(db, |p| sqlx::query_as(SQL).fetch_all(p).await)?;
    Ok(rows.into_iter().collect())
}
