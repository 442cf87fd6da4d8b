//! Bulk loading for the demo generator and the benchmark: many rows per statement, no duplicate
//! pre-checks (the generator makes unique numbers), so 250,000 persons load in seconds.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use wegwijs_domain::household::LidInput;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;

use crate::persons::row::{bind_column, detail_columns, detail_values};
use crate::{StorageResult, Tx, on_tx_exec};

/// Rows per INSERT: 36 values per person stays far below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const PERSONS_PER_STATEMENT: usize = 100;
const MEMBERS_PER_STATEMENT: usize = 500;

pub struct BulkPerson {
    pub id: PersonId,
    pub gemeente: OrganisatieId,
    pub regisseur: Option<GebruikerId>,
    pub details: PersonDetails,
}

pub struct BulkHousehold {
    pub id: HuishoudenId,
    pub gemeente: OrganisatieId,
    pub omschrijving: String,
    pub leden: Vec<LidInput>,
}

/// `INSERT INTO personen (...) ` up to `VALUES`; the detail columns follow the domain's field table.
static PERSON_INSERT: LazyLock<String> = LazyLock::new(|| {
    let columns: Vec<&str> = detail_columns().collect();
    format!(
        "INSERT INTO personen (id, gemeente_id, regisseur_id, versie, {}, aangemaakt_op, \
         gewijzigd_op, gewijzigd_door) ",
        columns.join(", ")
    )
});

pub async fn insert_persons(
    tx: &mut Tx,
    persons: &[BulkPerson],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    for chunk in persons.chunks(PERSONS_PER_STATEMENT) {
        on_tx_exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(PERSON_INSERT.as_str());
            qb.push_values(chunk, |mut b, p| {
                b.push_bind(p.id.0)
                    .push_bind(p.gemeente.0)
                    .push_bind(p.regisseur.map(|r| r.0))
                    .push_bind(1i64);
                for v in detail_values(&p.details) {
                    bind_column!(b, v, push_bind);
                }
                b.push_bind(now)
                    .push_bind(now)
                    .push_bind(None::<uuid::Uuid>);
            });
            qb.build().execute(c).await
        })?;
    }
    Ok(())
}

pub async fn insert_households(
    tx: &mut Tx,
    households: &[BulkHousehold],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO huishoudens (id, gemeente_id, omschrijving, versie, aangemaakt_op, gewijzigd_op) ";
    const MEMBER: &str =
        "INSERT INTO huishouden_leden (huishouden_id, persoon_id, relatie, nareiziger) ";
    for chunk in households.chunks(MEMBERS_PER_STATEMENT) {
        on_tx_exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(HEAD);
            qb.push_values(chunk, |mut b, h| {
                b.push_bind(h.id.0)
                    .push_bind(h.gemeente.0)
                    .push_bind(h.omschrijving.clone())
                    .push_bind(1i64);
                b.push_bind(now).push_bind(now);
            });
            qb.build().execute(c).await
        })?;
    }
    let members: Vec<(HuishoudenId, &LidInput)> = households
        .iter()
        .flat_map(|h| h.leden.iter().map(move |l| (h.id, l)))
        .collect();
    for chunk in members.chunks(MEMBERS_PER_STATEMENT) {
        on_tx_exec!(tx, |c| {
            let mut qb = sqlx::QueryBuilder::new(MEMBER);
            qb.push_values(chunk, |mut b, (h, l)| {
                b.push_bind(h.0)
                    .push_bind(l.persoon_id.0)
                    .push_bind(l.relatie.code())
                    .push_bind(l.nareiziger);
            });
            qb.build().execute(c).await
        })?;
    }
    Ok(())
}
