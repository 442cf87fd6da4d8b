//! Deterministic synthetic demo data: gemeenten, partner organisations, accounts, newcomers and
//! their households, so the product can be shown and benchmarked without any real person's data.
//!
//! Everything is fictitious and recognisably so:
//! - BSNs come from 990000000 upward (a range never issued to people), V-nummers are "97" plus a
//!   counter, phone numbers are in the unissued 06-00 block, e-mail addresses end in `.example`;
//! - surnames and streets are invented (see the `names` module); first names are real but common;
//! - the region is Weert, Nederweert and Cranendonck (the pilot of the seeds); larger sets add
//!   "Demogemeente 004" ... "Demogemeente 342".
//!
//! The same `persons` and [`Seed`] give the same data on every day: key dates count back from the
//! seed's reference date, not from today (a demo shown in March looks as it did in December, and a
//! bug report can name the data it saw). Generation ([`generate::generate`]) is pure and tested without a database; [`load`] only
//! writes its result.

mod facts;
mod fill;
pub mod generate;
mod households;
mod insert;
mod insert_trajectory;
mod names;
mod origins;
// Chain partners (issue 8).
pub mod partners;
mod persons;
mod pick;
pub mod region;
mod sequences;
pub mod staff;
// Trajectory demo data (issue 7).
pub mod trajectory;
mod trajectory_afronding;
mod trajectory_feiten;
mod trajectory_intake;
mod trajectory_json;
mod trajectory_pip;
mod trajectory_plan;
mod trajectory_progress;
mod trajectory_texts;

#[cfg(test)]
mod load_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod trajectory_deadline_tests;
#[cfg(test)]
mod trajectory_tests;

use std::time::{Duration, Instant};

use anyhow::bail;
use wegwijs_domain::authz::Role;

pub use sequences::FIRST_DEMO_BSN;

/// A documented demo account of one of the three region gemeenten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: String,
    pub naam: String,
    pub organisatie: String,
    pub rollen: Vec<Role>,
}

#[derive(Debug, Clone)]
pub struct DemoSummary {
    pub persons: usize,
    pub households: usize,
    pub gemeenten: usize,
    pub users: usize,
    /// The accounts of Weert, Nederweert and Cranendonck (not the thousands of national ones).
    pub accounts: Vec<DemoAccount>,
    /// Adult Wi2021 inburgeraars per trajectory stage.
    pub fasen: [(trajectory::Fase, usize); 9],
    /// Rows per trajectory table.
    pub traject_rows: [(&'static str, usize); 14],
    pub elapsed: Duration,
}

/// What fixes the generated data: the generator's number and the day the data is "as of".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    pub number: u64,
    /// Every key date (koppeling, BRP, birth dates ...) counts back from this day.
    pub reference: chrono::NaiveDate,
}

/// The default reference date: the day the demo data was last made to look current.
pub const REFERENCE_DATE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 1) {
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

impl Seed {
    pub const DEFAULT: Seed = Seed {
        number: 2021,
        reference: REFERENCE_DATE,
    };

    pub fn new(number: u64) -> Seed {
        Seed {
            number,
            reference: REFERENCE_DATE,
        }
    }
}

/// How many region gemeenten come first in the generated organisations.
const REGION_GEMEENTEN: usize = 3;

/// Fills an empty database with demo data. Every account gets `password_hash` (hashed once by the
/// caller: thousands of Argon2 hashes would take minutes).
///
/// Fails (with a Dutch message) if the database already holds persons.
pub async fn load(
    db: &wegwijs_storage::Db,
    persons: usize,
    seed: Seed,
    password_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<DemoSummary> {
    load_with(db, persons, None, seed, password_hash, now).await
}

/// As [`load`], with the largest gemeente holding exactly `largest` persons (the benchmark).
pub async fn load_with(
    db: &wegwijs_storage::Db,
    persons: usize,
    largest: Option<usize>,
    seed: Seed,
    password_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<DemoSummary> {
    let started = Instant::now();
    if !is_empty(db).await? {
        bail!("De database bevat al personen: demodata wordt alleen in een lege database geladen.");
    }
    let mut data = tokio::task::spawn_blocking(move || {
        generate::generate_with(persons, largest, seed.number, seed.reference)
    })
    .await?;
    let generated = started.elapsed();
    let accounts = region_accounts(&data);
    insert::organisations_and_staff(db, &mut data, password_hash, now).await?;
    insert::region_letter_details(db, &data, now).await?;
    insert::persons_and_households(db, &data, now).await?;
    let base = started.elapsed();
    insert_trajectory::trajectory(db, &data.traject.rows, now).await?;
    let region: Vec<_> = data.organisations[..data.gemeenten.min(REGION_GEMEENTEN)]
        .iter()
        .map(|o| o.id)
        .collect();
    partners::load(db, &region, &data.staff, now).await?;
    let traject = started.elapsed();
    insert::audit(db, &data, seed.number, now).await?;
    db.analyze().await?;
    tracing::info!(
        generate_s = generated.as_secs_f64(),
        persons_s = (base - generated).as_secs_f64(),
        trajectory_s = (traject - base).as_secs_f64(),
        audit_analyze_s = (started.elapsed() - traject).as_secs_f64(),
        "demo load phases"
    );
    Ok(DemoSummary {
        persons: data.persons.len(),
        households: data.households.len(),
        gemeenten: data.gemeenten,
        users: data.staff.len(),
        accounts,
        fasen: trajectory::Fase::spread(&data.traject.fasen),
        traject_rows: data.traject.rows.counts(),
        elapsed: started.elapsed(),
    })
}

/// The accounts of the region gemeenten, which come first in the generated organisations, and the
/// partner accounts (which work for them).
fn region_accounts(data: &generate::DemoData) -> Vec<DemoAccount> {
    let region = &data.organisations[..data.gemeenten.min(REGION_GEMEENTEN)];
    let partners = &data.organisations[data.gemeenten..];
    data.staff
        .iter()
        .filter_map(|s| {
            let org = region
                .iter()
                .chain(partners)
                .find(|o| o.id == s.organisatie)?;
            Some(DemoAccount {
                email: s.email.clone(),
                naam: s.naam.clone(),
                organisatie: org.naam.clone(),
                rollen: s.rollen.clone(),
            })
        })
        .collect()
}

/// The region accounts of a database that already holds demo data, read back from it (for a second
/// `serve --demo`, which loads nothing but must still say how to sign in). Empty when the region
/// gemeenten are not there (not a demo database).
pub async fn accounts_in(db: &wegwijs_storage::Db) -> anyhow::Result<Vec<(DemoAccount, String)>> {
    let mut seq = sequences::Sequences::new();
    let mut accounts = Vec::new();
    let mut ids: Vec<_> = (0..REGION_GEMEENTEN).map(|_| seq.organisatie()).collect();
    for (naam, _, _) in partners::SOORTEN {
        if let Some(o) = wegwijs_storage::organisations::find_by_name(db, naam).await? {
            ids.push(o.id);
        }
    }
    for id in ids {
        let org = match wegwijs_storage::organisations::get(db, id).await {
            Ok(org) => org,
            Err(wegwijs_storage::StorageError::NotFound) => continue,
            Err(e) => return Err(e.into()),
        };
        for u in wegwijs_storage::users::list_by_organisation(db, id).await? {
            if !u.email.ends_with(".example") {
                continue;
            }
            let account = DemoAccount {
                email: u.email,
                naam: u.naam,
                organisatie: org.naam.clone(),
                rollen: u.roles,
            };
            accounts.push((account, u.wachtwoord_hash));
        }
    }
    Ok(accounts)
}

/// Whether the database holds no persons yet (demo data is only loaded into an empty one).
pub async fn is_empty(db: &wegwijs_storage::Db) -> anyhow::Result<bool> {
    Ok(wegwijs_storage::persons::count_all(db).await? == 0)
}
