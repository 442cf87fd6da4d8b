//! The intake queue: inburgeringsplichtigen (a doelgroep set, or a koppeling) who have no regisseur
//! yet or no brede intake yet, oldest koppeling first. The access scope is part of the query.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use crate::persons::scope_gemeente;
use crate::{Db, StorageResult, on_pool};

/// One person waiting for assignment or intake.
#[derive(Clone, PartialEq, Eq)]
pub struct Wachtende {
    pub id: PersonId,
    /// "Voornamen [tussenvoegsel] Geslachtsnaam".
    pub naam: String,
    pub doelgroep: Option<String>,
    pub datum_koppeling: Option<NaiveDate>,
    pub regisseur_id: Option<GebruikerId>,
    pub regisseur_naam: Option<String>,
    /// An `intakes` row exists (then the person is listed for lacking a regisseur).
    pub intake_gestart: bool,
}

/// `Debug` without the name (personal data).
impl std::fmt::Debug for Wachtende {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wachtende")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

// Unknown koppeling dates last: `IS NULL` sorts false before true on both backends.
const SQL: &str = "SELECT p.id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.doelgroep, \
     p.datum_koppeling, p.regisseur_id, g.naam, \
     EXISTS (SELECT 1 FROM intakes i WHERE i.persoon_id = p.id) AS intake_gestart \
     FROM personen p LEFT JOIN gebruikers g ON g.id = p.regisseur_id \
     WHERE p.gemeente_id = $1 \
     AND (p.doelgroep IS NOT NULL OR EXISTS (SELECT 1 FROM koppelingen k WHERE k.persoon_id = p.id)) \
     AND (p.regisseur_id IS NULL OR NOT EXISTS (SELECT 1 FROM intakes i WHERE i.persoon_id = p.id)) \
     ORDER BY p.datum_koppeling IS NULL, p.datum_koppeling, p.id \
     LIMIT $2";

type Row = (
    Uuid,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<NaiveDate>,
    Option<Uuid>,
    Option<String>,
    bool,
);

/// At most `limit` waiting persons within `scope` (none for an actor without one).
pub async fn list(db: &Db, scope: PersonScope, limit: i64) -> StorageResult<Vec<Wachtende>> {
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok(Vec::new());
    };
    let rows: Vec<Row> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(limit)
        .fetch_all(p)
        .await)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, voornamen, tv, achternaam, doelgroep, datum, r, rnaam, intake)| Wachtende {
                id: PersonId(id),
                naam: match tv {
                    Some(t) => format!("{voornamen} {t} {achternaam}"),
                    None => format!("{voornamen} {achternaam}"),
                },
                doelgroep,
                datum_koppeling: datum,
                regisseur_id: r.map(GebruikerId),
                regisseur_naam: rnaam,
                intake_gestart: intake,
            },
        )
        .collect())
}
