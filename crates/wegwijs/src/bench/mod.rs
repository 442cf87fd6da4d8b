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
mod listing;
mod report;
mod server;
mod stats;
mod subject;
mod targets;
// Trajectory (issue 7).
mod http_traject;
mod traject_subject;
// End trajectory.

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
use traject_subject::TrajectRun;

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
    /// Connections in the read pool (SQLite) or in total (PostgreSQL), as `wegwijs serve --db-connections`;
    /// also the number of connections the limits (a) hold.
    #[arg(long, default_value_t = 16)]
    pub db_connections: u32,
    /// Persons in the largest gemeente when the dataset is generated (`list_100k` pages through it;
    /// the benchmark's regisseur works there). 0: the demo's own size curve.
    #[arg(long, default_value_t = 100_000)]
    pub largest_gemeente: usize,
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

/// `uptime`'s load averages, for the report (other work on the machine moves every figure).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

async fn measure_all(args: &BenchArgs, data: &Dataset) -> anyhow::Result<Report> {
    let load_start = load_average();
    let subject = Subject::find(&data.db).await?;
    let floor_page = Arc::new(std::sync::RwLock::new(axum::body::Bytes::new()));
    let server = Server::start(data.db.clone(), &args.listen, floor_page.clone()).await?;
    let creds = Credentials::create(&server.state, &subject.user).await?;
    let only = Selection(args.only.clone());
    let traject = if Kind::ORDER
        .iter()
        .any(|k| k.is_traject() && only.wants(&k.name(k.width(widths(args)))))
    {
        Some(TrajectRun::start(&server.state, subject.gemeente).await?)
    } else {
        None
    };
    let duration = Duration::from_secs(args.duration_secs.max(1));
    let who = Who {
        creds: &creds,
        subject: &subject,
        traject: traject.as_ref(),
    };
    let result = run_scenarios(args, data, &server, who, duration, floor_page).await;
    // The client is gone (dropped with its load), so the server can stop; then remove our traces.
    server.stop().await;
    creds.revoke(&data.db).await?;
    if let Some(t) = &traject {
        t.revoke(&data.db).await?;
    }
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
            list_gemeente_persons: subject.gemeente_persons,
            duration_secs: duration.as_secs(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            load_start,
            load_end: load_average(),
            traject: traject.as_ref().map(|t| t.subject.describe()),
        },
        measured: result?,
    })
}

fn widths(args: &BenchArgs) -> Widths {
    Widths {
        concurrency: args.concurrency,
        create_concurrency: args.create_concurrency,
    }
}

/// Whom the scenarios act as.
#[derive(Clone, Copy)]
struct Who<'a> {
    creds: &'a Credentials,
    subject: &'a Subject,
    /// Only when a trajectory scenario or limit is selected.
    traject: Option<&'a TrajectRun>,
}

/// The HTTP loads of a run.
struct Loads {
    main: Arc<http::Load>,
    traject: Option<Arc<http_traject::TrajectLoad>>,
}

/// Every selected scenario and limit in [`Kind::ORDER`].
async fn run_scenarios(
    args: &BenchArgs,
    data: &Dataset,
    server: &Server,
    who: Who<'_>,
    duration: Duration,
    floor_page: Arc<std::sync::RwLock<axum::body::Bytes>>,
) -> anyhow::Result<Vec<Measured>> {
    let plan = Plan {
        warmup: (duration / 5).clamp(Duration::from_millis(200), Duration::from_secs(1)),
        duration,
    };
    let (creds, subject) = (who.creds, who.subject);
    let widths = widths(args);
    let only = Selection(args.only.clone());
    let bsns = Arc::new(BsnRange::after_existing(&data.db, subject.gemeente).await?);
    let wants_list = Kind::ORDER.iter().any(|k| {
        matches!(
            k,
            Kind::List | Kind::ListFirst | Kind::ListDeep | Kind::LimitList
        ) && only.wants(&k.name(k.width(widths)))
    });
    let pages = Arc::new(if wants_list {
        let started = std::time::Instant::now();
        let p = listing::Pages::walk(&data.db, subject).await?;
        eprintln!(
            "list_100k: {} pagina's van {} doorlopen in {:.1} s.",
            p.len(),
            listing::PAGE,
            started.elapsed().as_secs_f64()
        );
        p
    } else {
        listing::Pages::empty()
    });
    let load = Arc::new(http::Load::new(
        &server.base,
        creds,
        subject,
        bsns.clone(),
        pages.clone(),
        server::FLOOR_PATH,
    )?);
    // Limit (b) serves a page of the dossier page's size.
    let size = load.dossier_size().await?;
    if let Ok(mut page) = floor_page.write() {
        *page = axum::body::Bytes::from(floor_body(size));
    }
    let limits = Arc::new(
        limits::Limits::new(limits::LimitsInput {
            db: &data.db,
            url: &data.url,
            connections: args.db_connections as usize,
            audit: server.state.app.audit_writer().clone(),
            writes: server.state.app.write_batcher().clone(),
            subject,
            bsns,
            pages,
            sync_dir: data.sync_dir(),
            traject: who.traject,
        })
        .await?,
    );
    let loads = Loads {
        main: load,
        traject: match who.traject {
            Some(t) => Some(Arc::new(http_traject::TrajectLoad::new(
                &server.base,
                &t.regisseur,
                &t.teamleider,
                &t.subject,
            )?)),
            None => None,
        },
    };
    let result = run_each(&only, widths, plan, data, subject, &loads, &limits).await;
    limits.close().await;
    result
}

/// An HTML page of exactly `size` bytes.
fn floor_body(size: usize) -> String {
    let head = "<!doctype html><html lang=\"nl\"><title>vast</title><body><p>";
    let tail = "</p></body></html>";
    let fill = size.saturating_sub(head.len() + tail.len());
    format!("{head}{}{tail}", "x".repeat(fill))
}

async fn run_each(
    only: &Selection,
    widths: Widths,
    plan: Plan,
    data: &Dataset,
    subject: &Subject,
    loads: &Loads,
    limits: &Arc<limits::Limits>,
) -> anyhow::Result<Vec<Measured>> {
    let mut measured = Vec::new();
    for kind in Kind::ORDER {
        let width = kind.width(widths);
        if !only.wants(&kind.name(width)) {
            continue;
        }
        eprintln!("{} ...", kind.name(width));
        let summary = match limits::measure_limit(limits, kind, width, plan).await {
            Some(s) => Some(s),
            None => match http::measure_scenario(&loads.main, kind, width, plan).await {
                Some(s) => Some(s),
                None => match &loads.traject {
                    Some(t) => http_traject::measure_scenario(t, kind, width, plan).await,
                    None => None,
                },
            },
        };
        measured.extend(summary.map(|s| Measured::new(kind, width, s)));
        if kind.creates() {
            let removed = access::remove_created_persons(&data.db, subject.gemeente).await?;
            eprintln!("  {removed} aangemaakte personen weer verwijderd.");
        }
    }
    Ok(measured)
}
