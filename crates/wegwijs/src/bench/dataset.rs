//! The database under test: a fresh SQLite file in a temp directory, or the URL given. An empty
//! database is filled by the demo generator (and that load is timed); one that holds persons is reused.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use wegwijs_app::clock::SystemClock;
use wegwijs_domain::clock::Clock;
use wegwijs_storage::Db;

use super::BenchArgs;

/// The demo generator's seed, as `wegwijs demo` uses by default.
const SEED: u64 = 2021;

pub enum DemoLoad {
    Generated(Duration),
    Reused,
}

pub struct Dataset {
    pub db: Db,
    /// The URL without its password, for the report.
    pub shown_url: String,
    /// The URL itself (the limits open connections of their own).
    pub url: String,
    pub persons: i64,
    pub demo: DemoLoad,
    temp_dir: Option<PathBuf>,
}

impl Dataset {
    pub async fn prepare(args: &BenchArgs) -> anyhow::Result<Dataset> {
        let (url, temp_dir) = match &args.database_url {
            Some(url) => (url.clone(), None),
            None => {
                let dir = std::env::temp_dir()
                    .join(format!("wegwijs-bench-{}", uuid::Uuid::now_v7().simple()));
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("kan {} niet aanmaken", dir.display()))?;
                (
                    format!("sqlite://{}", dir.join("bench.db").display()),
                    Some(dir),
                )
            }
        };
        let shown_url = crate::commands::redact(&url);
        eprintln!("Database: {shown_url}");
        let db = crate::commands::open(&url, args.db_connections).await?;
        let demo = if crate::demo::is_empty(&db).await? {
            eprintln!("Demodata genereren: {} personen ...", args.persons);
            let password = format!("Bench-{}", &wegwijs_app::auth::tokens::random_token()[..16]);
            let hash =
                wegwijs_app::auth::password::hash(&wegwijs_app::AppConfig::default(), password)
                    .await?;
            let started = Instant::now();
            let largest = (args.largest_gemeente > 0).then_some(args.largest_gemeente);
            crate::demo::load_with(
                &db,
                args.persons,
                largest,
                crate::demo::Seed::new(SEED),
                &hash,
                SystemClock.now(),
            )
            .await?;
            let took = started.elapsed();
            eprintln!("Demodata geladen in {:.1} s.", took.as_secs_f64());
            DemoLoad::Generated(took)
        } else {
            eprintln!(
                "De database bevat al personen: die worden hergebruikt (--persons telt niet)."
            );
            DemoLoad::Reused
        };
        let persons = wegwijs_storage::persons::count_all(&db).await?;
        Ok(Dataset {
            db,
            shown_url,
            url,
            persons,
            demo,
            temp_dir,
        })
    }

    /// Where the fsync measurement writes: beside the SQLite file (same disk), else the temp directory.
    pub fn sync_dir(&self) -> PathBuf {
        self.url
            .strip_prefix("sqlite://")
            .or_else(|| self.url.strip_prefix("sqlite:"))
            .map(|rest| rest.split('?').next().unwrap_or(rest))
            .and_then(|path| std::path::Path::new(path).parent().map(PathBuf::from))
            .filter(|dir| dir.is_dir())
            .unwrap_or_else(std::env::temp_dir)
    }

    /// Closes the database and removes the temp directory of a default run.
    pub async fn close(self) {
        self.db.close().await;
        if let Some(dir) = self.temp_dir
            && let Err(e) = std::fs::remove_dir_all(&dir)
        {
            eprintln!("Kan {} niet verwijderen: {e}", dir.display());
        }
    }
}
