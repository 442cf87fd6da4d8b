//! Bulk loading for the demo generator and the benchmark: no duplicate pre-checks (the generator makes
//! unique numbers) and one transaction per chunk, so 250,000 persons load in seconds.

use chrono::{DateTime, Utc};
use wegwijs_domain::household::LidInput;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;

use crate::persons::INSERT_SQL;
use crate::persons::row::bind_details;
use crate::{StorageResult, Tx, on_tx_exec};

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

pub async fn insert_persons(
    tx: &mut Tx,
    persons: &[BulkPerson],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    for p in persons {
        on_tx_exec!(tx, |c| {
            let q = sqlx::query(INSERT_SQL)
                .bind(p.id.0)
                .bind(p.gemeente.0)
                .bind(p.regisseur.map(|r| r.0));
            bind_details!(q, &p.details)
                .bind(now)
                .bind(now)
                .bind(None::<uuid::Uuid>)
                .execute(c)
                .await
        })?;
    }
    Ok(())
}

pub async fn insert_households(
    tx: &mut Tx,
    households: &[BulkHousehold],
    now: DateTime<Utc>,
) -> StorageResult<()> {
    const HEAD: &str = "INSERT INTO huishoudens (id, gemeente_id, omschrijving, versie, aangemaakt_op, gewijzigd_op) \
                        VALUES ($1, $2, $3, 1, $4, $5)";
    const MEMBER: &str = "INSERT INTO huishouden_leden (huishouden_id, persoon_id, relatie, nareiziger) VALUES ($1, $2, $3, $4)";
    for h in households {
        on_tx_exec!(tx, |c| sqlx::query(HEAD)
            .bind(h.id.0)
            .bind(h.gemeente.0)
            .bind(h.omschrijving.clone())
            .bind(now)
            .bind(now)
            .execute(c)
            .await)?;
        for lid in &h.leden {
            on_tx_exec!(tx, |c| sqlx::query(MEMBER)
                .bind(h.id.0)
                .bind(lid.persoon_id.0)
                .bind(lid.relatie.code())
                .bind(lid.nareiziger)
                .execute(c)
                .await)?;
        }
    }
    Ok(())
}
