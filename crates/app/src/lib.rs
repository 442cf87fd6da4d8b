//! The use cases of Wegwijs. Each one checks access with the domain's `authz`, does the storage work
//! and writes the audit rows (in the same transaction for writes, through the group-commit batcher for
//! reads). Pages, the API, the CLI and background workers all call these; none of them touches storage
//! or the audit log on its own. This crate knows nothing of HTTP.

pub mod accounts;
pub mod api_keys;
pub mod audit_view;
pub mod auth;
pub mod caseload;
pub mod changes;
pub mod clock;
mod config;
mod ctx;
pub mod error;
pub mod household_move;
pub mod households;
// The brede intake (issue 7, intake slice).
pub mod intake;
// Taakstelling and intake queue (issue 7).
pub mod intake_queue;
pub mod inzage;
mod inzage_text;
pub mod koppeling;
pub mod list_filters;
pub mod log_csv;
pub mod log_search;
pub mod notices;
pub mod organisations;
pub mod paging;
// Chain partners (issue 8).
pub mod partners;
pub mod persons;
// --- progress slice ---
pub mod progress;
// --- end progress slice ---
// The inburgering trajectory: PIP (issue 7).
pub mod pip;
pub mod pip_letter;
pub mod search_term;
pub mod signed_in;
pub mod status;
pub mod taakstelling;
pub mod traject_settings;
pub mod users;
// Werkvoorraad (issue 7).
pub mod tijdlijn;
pub mod werkvoorraad;
// End werkvoorraad.

use std::sync::Arc;

use wegwijs_domain::clock::Clock;
use wegwijs_domain::login_throttle::ThrottlePolicy;
use wegwijs_storage::Db;
use wegwijs_storage::audit_batcher::AuditBatcher;
use wegwijs_storage::write_batcher::WriteBatcher;

pub use config::AppConfig;
pub use ctx::{Ctx, SystemCtx};
pub use error::{AppError, AppResult};

/// The types of stored records the callers render; they come from storage but callers get them here,
/// so no caller needs the storage crate.
pub mod model {
    pub use wegwijs_storage::api_keys::ApiKeyInfo;
    pub use wegwijs_storage::audit::{AuditContext, AuditRecord, Bron};
    pub use wegwijs_storage::audit_search::{LogCursor, LogPage, LogRichting, LogRow};
    pub use wegwijs_storage::caseload::GemeenteInstellingen;
    pub use wegwijs_storage::households::{Household, HouseholdSummary};
    // koppeling (issue 7)
    pub use wegwijs_storage::koppelingen::KoppelingRecord;
    // The brede intake (issue 7, intake slice).
    pub use wegwijs_storage::intakes::{GesprekRow, IntakeRow, SectieVersie};
    // Taakstelling and intake queue (issue 7).
    pub use wegwijs_storage::intake_queue::Wachtende;
    pub use wegwijs_storage::organisations::Organisation;
    // Chain partners (issue 8).
    pub use wegwijs_storage::partners::aanbod::AanbodRow;
    pub use wegwijs_storage::partners::uitvoering::{
        BijeenkomstRow, ContactRow, HandhavingRow, MetingRow, PlaatsingRow, UrenRow,
    };
    pub use wegwijs_storage::partners::verwijzingen::{
        Filter as VerwijzingFilter, StapRow, VerwijzingRow,
    };
    pub use wegwijs_storage::persons::{
        COUNT_CAP, Cursor, ListQuery, MAX_OFFSET, Page, PersonRecord, PersonSummary,
        RegisseurFilter, Richting, Sort,
    };
    pub use wegwijs_storage::sessions::Session;
    pub use wegwijs_storage::users::User;
    pub use wegwijs_storage::{Backend, Db, DbOptions, StorageError, WriterHealth};
}

/// What every use case needs: the database, the audit writer, the clock and the settings. Holds no
/// per-user state: sessions live in the database, so several instances can serve the same users.
#[derive(Clone)]
pub struct App {
    pub(crate) db: Db,
    pub(crate) audit: AuditBatcher,
    /// Group commit for small, frequent writes (person registration).
    pub(crate) writes: WriteBatcher,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<AppConfig>,
    pub throttle: Arc<ThrottlePolicy>,
    /// Turns for building an inzage export (PDF/ZIP): a big log takes seconds of CPU, so only a few
    /// at once, and a request that finds them all taken is answered "busy" rather than queued.
    pub(crate) exports: Arc<tokio::sync::Semaphore>,
}

impl App {
    /// Must be called inside a tokio runtime (starts the audit and write batchers).
    pub fn new(db: Db, clock: Arc<dyn Clock>, config: AppConfig) -> App {
        let audit = AuditBatcher::start(db.clone());
        let writes = WriteBatcher::start(db.clone());
        App {
            db,
            audit,
            writes,
            clock,
            config: Arc::new(config),
            throttle: Arc::new(ThrottlePolicy::default()),
            exports: Arc::new(tokio::sync::Semaphore::new(inzage::EXPORTS_AT_ONCE)),
        }
    }

    /// The export turns (see [`inzage::EXPORTS_AT_ONCE`]); tests take them to see the busy answer.
    pub fn export_turns(&self) -> &Arc<tokio::sync::Semaphore> {
        &self.exports
    }

    /// The database, for the binary's own plumbing (migrations, demo data, benchmarks). Use cases
    /// are the way in for everything that reads or changes personal data.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The group-commit audit writer (the benchmark's limit (a) hands its rows to the same writer).
    pub fn audit_writer(&self) -> &AuditBatcher {
        &self.audit
    }

    /// The write batcher (as [`App::audit_writer`]).
    pub fn write_batcher(&self) -> &WriteBatcher {
        &self.writes
    }
}
