//! Writing a generated [`DemoData`] to the database: organisations and accounts in one transaction,
//! then persons and households in transactions of a few thousand rows, then one audit row.

use std::collections::HashMap;

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::trajectory::briefgegevens::{self, RawBriefGegevens};
use wegwijs_domain::trajectory::settings::TrajectInstellingen;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::audit::{AuditEntry, Bron};
use wegwijs_storage::users::NewUser;
use wegwijs_storage::{Db, StorageError, bulk, organisations, traject_settings, users};

use super::generate::DemoData;

/// Persons per transaction: large enough that commits are rare, small enough to keep the WAL modest.
const PERSONS_PER_TX: usize = 5_000;
const HOUSEHOLDS_PER_TX: usize = 2_000;

/// An organisation that already exists (e.g. a gemeente made by hand before loading the demo) is
/// used as it is: the demo's rows are moved onto its id instead of failing on the unique name.
async fn existing_ids(
    db: &Db,
    data: &DemoData,
) -> anyhow::Result<HashMap<OrganisatieId, OrganisatieId>> {
    let mut map = HashMap::new();
    for org in &data.organisations {
        if let Some(found) = organisations::find_by_name(db, &org.naam).await? {
            if found.soort != org.soort {
                bail!(
                    "De organisatie \"{}\" bestaat al, maar niet als {}.",
                    org.naam,
                    org.soort.label().to_lowercase()
                );
            }
            map.insert(org.id, found.id);
        }
    }
    Ok(map)
}

/// Points every row at the existing organisations found by [`existing_ids`].
fn remap(data: &mut DemoData, map: &HashMap<OrganisatieId, OrganisatieId>) {
    if map.is_empty() {
        return;
    }
    let to = |id: &mut OrganisatieId| {
        if let Some(new) = map.get(id) {
            *id = *new;
        }
    };
    data.staff.iter_mut().for_each(|s| to(&mut s.organisatie));
    data.persons.iter_mut().for_each(|p| to(&mut p.gemeente));
    data.households.iter_mut().for_each(|h| to(&mut h.gemeente));
}

pub async fn organisations_and_staff(
    db: &Db,
    data: &mut DemoData,
    password_hash: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let map = existing_ids(db, data).await?;
    remap(data, &map);
    let mut tx = db.begin().await?;
    for org in data
        .organisations
        .iter()
        .filter(|o| !map.contains_key(&o.id))
    {
        organisations::insert(&mut tx, org, now)
            .await
            .with_context(|| format!("organisatie \"{}\" toevoegen mislukt", org.naam))?;
    }
    for s in &data.staff {
        let user = NewUser {
            id: s.id,
            email: &s.email,
            naam: &s.naam,
            organisatie_id: s.organisatie,
            wachtwoord_hash: password_hash,
            roles: &s.rollen,
        };
        match users::insert(&mut tx, &user, now).await {
            Ok(()) => {}
            Err(StorageError::Duplicate { .. }) => {
                bail!(
                    "Het demo-account {} bestaat al; demodata gaat alleen in een lege database.",
                    s.email
                )
            }
            Err(e) => return Err(e).context(format!("account {} toevoegen mislukt", s.email)),
        }
    }
    tx.commit().await?;
    Ok(())
}

pub async fn persons_and_households(
    db: &Db,
    data: &DemoData,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    // Two streams on their own connections: on PostgreSQL each backend takes a core (the persons'
    // search indexes make this the heaviest table); SQLite's one writer takes them in turn.
    let (a, b) = data.persons.split_at(data.persons.len() / 2);
    tokio::try_join!(persons(db, a, now), persons(db, b, now))?;
    for chunk in data.households.chunks(HOUSEHOLDS_PER_TX) {
        let mut tx = db.begin().await?;
        bulk::insert_households(&mut tx, chunk, now)
            .await
            .context("demohuishoudens toevoegen mislukt")?;
        tx.commit().await?;
    }
    Ok(())
}

async fn persons(db: &Db, rows: &[bulk::BulkPerson], now: DateTime<Utc>) -> anyhow::Result<()> {
    for chunk in rows.chunks(PERSONS_PER_TX) {
        let mut tx = db.begin().await?;
        bulk::insert_persons(&mut tx, chunk, now)
            .await
            .context("demopersonen toevoegen mislukt")?;
        tx.commit().await?;
    }
    Ok(())
}

/// The one audit row that says demo data was loaded, with the counts (never personal data).
pub async fn audit(db: &Db, data: &DemoData, seed: u64, now: DateTime<Utc>) -> anyhow::Result<()> {
    let details = serde_json::json!({
        "personen": data.persons.len(),
        "huishoudens": data.households.len(),
        "gemeenten": data.gemeenten,
        "partnerorganisaties": data.organisations.len() - data.gemeenten,
        "gebruikers": data.staff.len(),
        "seed": seed,
    });
    let entry = AuditEntry {
        tijdstip: now,
        trace_id: format!("demo-{seed}"),
        gebruiker_id: None,
        organisatie_id: None,
        gemeente_id: None,
        persoon_id: None,
        actie: AuditAction::DemoLoaded,
        bron: Bron::Cli,
        details: Some(details.to_string()),
        grondslag: None,
    };
    let mut tx = db.begin().await?;
    wegwijs_storage::audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}

/// Letter details of the region gemeenten, so a demo beschikking has a letterhead. Fictitious
/// postal addresses; the websites are the gemeenten's public ones. A gemeente that already has
/// settings (made by hand before loading) keeps them.
fn letter_details(naam: &str) -> Option<RawBriefGegevens> {
    let (postadres, postcode, plaats, website) = match naam {
        "Weert" => ("Postbus 950", "6000 AZ", "Weert", "www.weert.nl"),
        "Nederweert" => ("Postbus 2728", "6030 AA", "Nederweert", "www.nederweert.nl"),
        "Cranendonck" => ("Postbus 2090", "6020 AB", "Budel", "www.cranendonck.nl"),
        _ => return None,
    };
    Some(RawBriefGegevens {
        postadres: postadres.into(),
        postcode: postcode.into(),
        plaats: plaats.into(),
        telefoon: "14 0495".into(),
        website: website.into(),
        ..RawBriefGegevens::default()
    })
}

pub async fn region_letter_details(
    db: &Db,
    data: &DemoData,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    for org in &data.organisations {
        let Some(raw) = letter_details(&org.naam) else {
            continue;
        };
        let Some(found) = organisations::find_by_name(db, &org.naam).await? else {
            continue;
        };
        let (stored, versie) = traject_settings::get_tx(&mut tx, found.id).await?;
        if versie != 0 {
            continue;
        }
        let mut errors = ValidationErrors::new();
        let brief = briefgegevens::parse(&raw, &mut errors);
        if !errors.is_empty() {
            bail!("briefgegevens van {}: {errors}", org.naam);
        }
        let settings = TrajectInstellingen { brief, ..stored };
        traject_settings::set(&mut tx, found.id, false, &settings, 0, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
