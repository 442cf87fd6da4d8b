//! Storage layer: SQLite (embedded default) and PostgreSQL (scale) behind one repository API.
//!
//! Every repository function is written once; the [`on_pool!`] and [`on_tx!`] macros compile its body
//! for both backends, with the same SQL text where the dialects agree. Writes take a [`Tx`] so the web
//! layer can commit a change and its audit rows together.

mod batch;
mod db;
mod error;
mod macros;

pub mod api_keys;
pub mod audit;
pub mod audit_batcher;
pub mod audit_chain;
pub mod audit_search;
pub mod auth_cache;
pub mod bulk;
// Trajectory demo data (issue 7, demo slice).
pub mod bulk_trajectory;
pub mod caseload;
pub mod households;
pub mod koppelingen;
// The brede intake (issue 7, intake slice).
pub mod intakes;
// Taakstelling and intake queue (issue 7).
pub mod intake_queue;
pub mod login_attempts;
pub mod notices;
pub mod organisations;
// Chain partners (issue 8).
pub mod partners;
pub mod persons;
// --- progress slice ---
pub mod progress;
// --- end progress slice ---
// The inburgering trajectory: PIP (issue 7).
pub mod pip_rechtsmiddelen;
pub mod pips;
pub mod recovery_codes;
pub mod roles;
mod scope;
pub mod search_fold;
pub mod sessions;
// Werkvoorraad (issue 7).
pub mod trajectory_facts;
pub mod trajectory_timeline;
// End werkvoorraad.
pub mod taakstellingen;
pub mod traject_settings;
pub mod users;
pub mod write_batcher;

pub use batch::WriterHealth;
pub use db::{Backend, Db, DbOptions, Tx};
pub use error::{StorageError, StorageResult};
