//! `wegwijs bench`: latency and throughput of the real HTTP stack on generated data, beside the
//! physical limit of the same database.
//!
//! One process: the server (same router and `axum::serve` as `wegwijs serve`) listens on a local port
//! and a `reqwest` client drives it, so client and server share the machine's cores. Every scenario
//! warms up, then runs for `--duration-secs`; latencies are per request, percentiles nearest-rank.
//! A scenario with any failed request is reported as failed and makes the exit code non-zero; a
//! missed target does not (this is a measurement, not a test).

mod access;
mod dataset;
mod driver;
mod http;
mod limits;
mod report;
mod server;
mod stats;
mod subject;
mod targets;

use std::sync::Arc;
use std::time::Duration;

use anyhow::bail;
use clap::Args;

use access::{BsnRange, Credentials};
use dataset::{Dataset, DemoLoad};
use driver::{Plan, Widths};
use report::{Context, Report};
use server::Server;
use subject::Subject;
use targets::{Kind, Measured, Selection};

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Persons in the dataset (generated if the database is empty).
    #[arg(long, default_value_t = 250_000)]
    pub persons: usize,
    /// Database to measure; default a fresh SQLite file in the temp directory (removed afterwards).
    /// A database that already holds persons is reused as it is. Deliberately not read from
    /// `DATABASE_URL`: the benchmark writes sessions and persons, so it never runs against a production
    /// database by accident.
    #[arg(long)]
    pub database_url: Option<String>,
    /// Measuring time per scenario, after a warm-up of a fifth of it (0.2 to 1 s).
    #[arg(long, default_value_t = 5)]
    pub duration_secs: u64,
    /// Concurrent clients of the concurrent read scenarios (dossier_N, api_get) and their limit.
    #[arg(long, default_value_t = 64)]
    pub concurrency: usize,
    /// Concurrent clients creating persons (create_api and limit_create).
    #[arg(long, default_value_t = 16)]
    pub create_concurrency: usize,
    /// Address of the in-process server.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub listen: String,
    /// Run only these scenarios and limits (comma separated names as in the report, e.g.
    /// "caseload,limit_caseload"); default all.
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Connections in the read pool (SQLite) or in total (PostgreSQL), as `wegwijs serve --db-connections`.
    #[arg(long, default_value_t = 16)]
    pub db_connections: u32,
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let data = Dataset::prepare(&args).await?;
    let result = measure_all(&args, &data).await;
    data.close().await;
    let report = result?;
    report.print();
    let failed = report.failed();
    if !failed.is_empty() {
        bail!("niet elk verzoek slaagde in: {}", failed.join(", "));
    }
    Ok(())
}

async fn measure_all(args: &BenchArgs, data: &Dataset) -> anyhow::Result<Report> {
    let subject = Subject::find(&data.db).await?;
    let server = Server::start(data.db.clone(), &args.listen).await?;
    let creds = Credentials::create(&server.state, &subject.user).await?;
    let duration = Duration::from_secs(args.duration_secs.max(1));
    let result = run_scenarios(args, data, &server, &creds, &subject, duration).await;
    // The client is gone (dropped with its load), so the server can stop; then remove our traces.
    server.stop().await;
    creds.revoke(&data.db).await?;
    access::remove_created_persons(&data.db, subject.gemeente).await?;
    Ok(Report {
        context: Context {
            backend: data.db.backend(),
            url: data.shown_url.clone(),
            persons: data.persons,
            demo_load_secs: match data.demo {
                DemoLoad::Generated(d) => Some(d.as_secs_f64()),
                DemoLoad::Reused => None,
            },
            gemeente: subject.gemeente_naam.clone(),
            gemeente_persons: subject.gemeente_persons,
            regisseur: subject.user.naam.clone(),
            caseload: subject.caseload,
            duration_secs: duration.as_secs(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        },
        measured: result?,
    })
}

/// Every selected scenario and limit in [`Kind::ORDER`].
async fn run_scenarios(
    args: &BenchArgs,
    data: &Dataset,
    server: &Server,
    creds: &Credentials,
    subject: &Subject,
    duration: Duration,
) -> anyhow::Result<Vec<Measured>> {
    let plan = Plan {
        warmup: (duration / 5).clamp(Duration::from_millis(200), Duration::from_secs(1)),
        duration,
    };
    let widths = Widths {
        concurrency: args.concurrency,
        create_concurrency: args.create_concurrency,
    };
    let only = Selection(args.only.clone());
    let bsns = Arc::new(BsnRange::after_existing(&data.db, subject.gemeente).await?);
    let load = Arc::new(http::Load::new(&server.base, creds, subject, bsns.clone())?);
    let limits = Arc::new(limits::Limits::new(&data.db, subject, bsns));
    let mut measured = Vec::new();
    for kind in Kind::ORDER {
        let width = kind.width(widths);
        if !only.wants(&kind.name(width)) {
            continue;
        }
        eprintln!("{} ...", kind.name(width));
        let summary = if kind.is_limit() {
            limits::measure_limit(&limits, kind, width, plan).await
        } else {
            http::measure_scenario(&load, kind, width, plan).await
        };
        measured.extend(summary.map(|s| Measured::new(kind, width, s)));
        if kind.creates() {
            let removed = access::remove_created_persons(&data.db, subject.gemeente).await?;
            eprintln!("  {removed} aangemaakte personen weer verwijderd.");
        }
    }
    Ok(measured)
}
