//! The one integration-test binary. Each test gets a fresh database: a temporary SQLite file, or, when
//! `TEST_DATABASE_URL` is set, a fresh schema in that PostgreSQL database (same tests, both backends).

mod harness;

mod accounts;
mod admin;
mod api_docs;
mod api_errors;
mod api_everyday;
mod api_keys;
mod api_persons;
mod attacks;
mod audit;
mod audit_integrity;
mod audit_search_scale;
mod authz;
mod caseload;
mod caseload_fixes;
mod cli;
mod concurrency;
// Trajectory demo data (issue 7, demo slice).
mod demo_trajectory;
mod dutch_date;
mod forms;
mod health;
mod households;
// Werkvoorraad (issue 7).
mod werkvoorraad;
// End werkvoorraad.
// koppeling (issue 7)
mod koppeling;
mod koppeling_pages;
// The brede intake (issue 7, intake slice).
mod intake;
mod intake_pages;
mod one_time_password;
mod openapi;
mod organisation_names;
mod pages;
// The inburgering trajectory: PIP (issue 7).
mod paging;
// Chain partners (issue 8).
mod partner_access;
mod pip;
mod pip_health;
mod pip_letter;
mod pip_rules;
// glue (issue 7): PIP drafted from the intake.
mod pip_intake;
mod pip_samenvatting;
// End glue.
mod privacy_export;
mod privacy_log;
// --- progress slice ---
mod progress;
mod termijn;
// --- end progress slice ---
mod reads;
mod schema_parity;
mod search_fold;
mod security_input;
mod sessions;
mod storage_contract;
mod two_factor;
// Taakstelling and intake queue (issue 7).
mod intake_queue;
mod taakstelling;
