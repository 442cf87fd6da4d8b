//! Writing the trajectory rows of a generated dataset: table by table, parents before children, in
//! transactions of up to [`ROWS_PER_TX`] rows (multi-row INSERTs inside, see `storage::bulk_trajectory`).

use anyhow::Context;
use chrono::{DateTime, Utc};
use wegwijs_storage::Db;
use wegwijs_storage::bulk_trajectory::{self as bulk, Traject};

/// Rows per transaction: commits stay rare, the SQLite WAL stays modest.
const ROWS_PER_TX: usize = 20_000;

macro_rules! chunked {
    ($db:expr, $rows:expr, $what:literal, |$tx:ident, $chunk:ident| $insert:expr) => {
        for $chunk in $rows.chunks(ROWS_PER_TX) {
            let mut $tx = $db.begin().await?;
            $insert
                .await
                .context(concat!("demo-", $what, " toevoegen mislukt"))?;
            $tx.commit().await?;
        }
    };
}

/// On PostgreSQL the tables go in three streams on their own connections (each server backend takes
/// a core; one stream left the second core idle and missed the 60 s target at 250,000 persons). The
/// only foreign keys between these tables are PIP goals and activities to their version, which stay
/// in one stream. SQLite has one writer: the streams take turns per transaction, as one would.
pub async fn trajectory(db: &Db, t: &Traject, now: DateTime<Utc>) -> anyhow::Result<()> {
    tokio::try_join!(
        timed("intake", intake_stream(db, t, now)),
        timed("pip", pip_stream(db, t)),
        timed("progress", progress_stream(db, t))
    )?;
    Ok(())
}

async fn timed(
    stream: &str,
    f: impl std::future::Future<Output = anyhow::Result<()>>,
) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    f.await?;
    tracing::debug!(
        stream,
        seconds = started.elapsed().as_secs_f64(),
        "demo trajectory stream"
    );
    Ok(())
}

async fn intake_stream(db: &Db, t: &Traject, now: DateTime<Utc>) -> anyhow::Result<()> {
    chunked!(db, t.taakstellingen, "taakstellingen", |tx, c| {
        bulk::insert_taakstellingen(&mut tx, c, now)
    });
    chunked!(db, t.koppelingen, "koppelingen", |tx, c| {
        bulk::insert_koppelingen(&mut tx, c)
    });
    chunked!(db, t.intakes, "intakes", |tx, c| bulk::insert_intakes(
        &mut tx, c
    ));
    chunked!(db, t.intake_secties, "intakesecties", |tx, c| {
        bulk::insert_intake_secties(&mut tx, c)
    });
    chunked!(db, t.intake_gesprekken, "intakegesprekken", |tx, c| {
        bulk::insert_intake_gesprekken(&mut tx, c)
    });
    Ok(())
}

async fn pip_stream(db: &Db, t: &Traject) -> anyhow::Result<()> {
    chunked!(db, t.pips, "PIP-versies", |tx, c| bulk::insert_pip_versies(
        &mut tx, c
    ));
    chunked!(db, t.pip_doelen, "PIP-doelen", |tx, c| {
        bulk::insert_pip_doelen(&mut tx, c)
    });
    chunked!(db, t.pip_activiteiten, "PIP-activiteiten", |tx, c| {
        bulk::insert_pip_activiteiten(&mut tx, c)
    });
    chunked!(db, t.examens, "examens", |tx, c| bulk::insert_examens(
        &mut tx, c
    ));
    Ok(())
}

async fn progress_stream(db: &Db, t: &Traject) -> anyhow::Result<()> {
    chunked!(db, t.verlengingen, "termijnverlengingen", |tx, c| {
        bulk::insert_verlengingen(&mut tx, c)
    });
    chunked!(db, t.duo_besluiten, "DUO-besluiten", |tx, c| {
        bulk::insert_duo_besluiten(&mut tx, c)
    });
    chunked!(
        db,
        t.voortgangsgesprekken,
        "voortgangsgesprekken",
        |tx, c| { bulk::insert_voortgangsgesprekken(&mut tx, c) }
    );
    chunked!(db, t.uren, "uren", |tx, c| bulk::insert_uren(&mut tx, c));
    chunked!(db, t.afrondingen, "afrondingen", |tx, c| {
        bulk::insert_afrondingen(&mut tx, c)
    });
    Ok(())
}
