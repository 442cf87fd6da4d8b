//! Whom the benchmark acts as and what it asks for: the regisseur with the largest caseload in the
//! gemeente with the most persons, that gemeente's person ids, and search terms taken from its names.

use anyhow::{Context, anyhow};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_storage::users::User;
use wegwijs_storage::{Db, on_pool};

use super::driver::pick;

/// How many persons' names and BSNs the search terms are drawn from.
const SEARCH_SAMPLE: u64 = 2_000;

pub struct Subject {
    pub user: User,
    pub gemeente: OrganisatieId,
    pub gemeente_naam: String,
    pub gemeente_persons: usize,
    pub caseload: i64,
    /// Every person of the gemeente (the dossier pages to open).
    pub person_ids: Vec<Uuid>,
    /// Three-letter name prefixes, in proportion to how common they are, and some BSNs.
    pub search_terms: Vec<String>,
}

const LARGEST_GEMEENTE: &str =
    "SELECT gemeente_id, COUNT(*) AS n FROM personen GROUP BY gemeente_id ORDER BY n DESC LIMIT 1";
const BUSIEST_REGISSEUR: &str = "SELECT p.regisseur_id, COUNT(*) AS n FROM personen p \
     JOIN gebruikers g ON g.id = p.regisseur_id \
     JOIN gebruiker_rollen r ON r.gebruiker_id = g.id AND r.rol = 'regisseur' \
     WHERE p.gemeente_id = $1 AND g.actief AND g.totp_geheim IS NULL \
     GROUP BY p.regisseur_id ORDER BY n DESC LIMIT 1";
const PERSONS_OF: &str =
    "SELECT id, zoek_achternaam, bsn FROM personen WHERE gemeente_id = $1 ORDER BY id";

impl Subject {
    pub async fn find(db: &Db) -> anyhow::Result<Subject> {
        let (gemeente, _): (Uuid, i64) = on_pool!(db, |p| sqlx::query_as(LARGEST_GEMEENTE)
            .fetch_optional(p)
            .await)?
        .ok_or_else(|| anyhow!("de database bevat geen personen"))?;
        let (regisseur, caseload): (Uuid, i64) =
            on_pool!(db, |p| sqlx::query_as(BUSIEST_REGISSEUR)
                .bind(gemeente)
                .fetch_optional(p)
                .await)?
            .ok_or_else(|| anyhow!("de grootste gemeente heeft geen regisseur met een caseload"))?;
        let user = wegwijs_storage::users::get(db, GebruikerId(regisseur))
            .await
            .context("regisseur ophalen")?;
        let rows: Vec<(Uuid, String, Option<String>)> =
            on_pool!(db, |p| sqlx::query_as(PERSONS_OF)
                .bind(gemeente)
                .fetch_all(p)
                .await)?;
        let organisation = wegwijs_storage::organisations::get(db, OrganisatieId(gemeente)).await?;
        Ok(Subject {
            user,
            gemeente: OrganisatieId(gemeente),
            gemeente_naam: organisation.naam,
            gemeente_persons: rows.len(),
            caseload,
            search_terms: search_terms(&rows),
            person_ids: rows.into_iter().map(|(id, _, _)| id).collect(),
        })
    }
}

/// Prefixes of the surnames of a sample of persons (so common prefixes come up more often, as in
/// real use), with every fifth term a BSN instead.
fn search_terms(rows: &[(Uuid, String, Option<String>)]) -> Vec<String> {
    let mut terms = Vec::new();
    for i in 0..SEARCH_SAMPLE.min(u64::try_from(rows.len()).unwrap_or(u64::MAX)) {
        let Some((_, achternaam, bsn)) = rows.get(pick(i, rows.len())) else {
            continue;
        };
        let term = if i % 5 == 4 {
            bsn.clone()
        } else {
            name_prefix(achternaam)
        };
        terms.extend(term);
    }
    terms
}

/// The first three letters of a search key, when they are plain letters (usable in a URL as they are).
fn name_prefix(key: &str) -> Option<String> {
    let prefix: String = key.chars().take(3).collect();
    (prefix.chars().count() == 3 && prefix.chars().all(|c| c.is_ascii_lowercase()))
        .then_some(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_three_plain_letters() {
        assert_eq!(name_prefix("haddad").as_deref(), Some("had"));
        assert_eq!(name_prefix("al hassan"), None);
        assert_eq!(name_prefix("li"), None);
    }

    #[test]
    fn one_term_in_five_is_a_bsn() {
        let rows: Vec<_> = (0..50)
            .map(|i| {
                (
                    Uuid::from_u128(i),
                    "yilmaz".to_string(),
                    Some("999990019".to_string()),
                )
            })
            .collect();
        let terms = search_terms(&rows);
        assert_eq!(terms.len(), 50);
        assert_eq!(
            terms.iter().filter(|t| t.as_str() == "999990019").count(),
            10
        );
    }
}
