//! Intake sections: every save is a new row (the history is data). The current answer is the highest
//! versie; a save names the versie it showed, and anything else is a conflict with nothing written.

use chrono::{DateTime, Utc};
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use super::in_scope;
use crate::persons::scope_gemeente;
use crate::{Db, StorageError, StorageResult, Tx, on_pool, on_tx, on_tx_exec};

/// One version of one section. `inhoud` is `None` when the section is special-category data and the
/// caller has no need: the row says that it exists, by whom and when, never what it holds.
#[derive(Clone, sqlx::FromRow)]
pub struct SectieVersie {
    pub sectie: String,
    pub versie: i64,
    pub status: String,
    pub inhoud: Option<String>,
    pub bijzonder: bool,
    pub gewijzigd_door_naam: Option<String>,
    pub gewijzigd_op: DateTime<Utc>,
}

impl std::fmt::Debug for SectieVersie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SectieVersie")
            .field("sectie", &self.sectie)
            .field("versie", &self.versie)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// Columns of a version; $3 says whether special-category content may be read.
macro_rules! columns {
    () => {
        "SELECT s.sectie, s.versie, s.status, \
     CASE WHEN s.bijzonder AND NOT $3 THEN NULL ELSE s.inhoud END AS inhoud, s.bijzonder, \
     g.naam AS gewijzigd_door_naam, s.gewijzigd_op \
     FROM intake_secties s LEFT JOIN gebruikers g ON g.id = s.gewijzigd_door"
    };
}

/// The current version of every saved section of a person.
pub async fn current_secties(
    db: &Db,
    scope: PersonScope,
    person: PersonId,
    bijzonder_zichtbaar: bool,
) -> StorageResult<Vec<SectieVersie>> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = concat!(
        columns!(),
        " WHERE s.persoon_id = $1 AND ",
        in_scope!(),
        " AND s.versie = (SELECT MAX(m.versie) FROM intake_secties m \
         WHERE m.persoon_id = s.persoon_id AND m.sectie = s.sectie) ORDER BY s.sectie"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(person.0)
        .bind(gemeente.0)
        .bind(bijzonder_zichtbaar)
        .fetch_all(p)
        .await)?)
}

/// Every version of one section, newest first.
pub async fn versies(
    db: &Db,
    scope: PersonScope,
    person: PersonId,
    sectie: &str,
    bijzonder_zichtbaar: bool,
) -> StorageResult<Vec<SectieVersie>> {
    let gemeente = scope_gemeente(scope).ok_or(StorageError::NotFound)?;
    const SQL: &str = concat!(
        columns!(),
        " WHERE s.persoon_id = $1 AND ",
        in_scope!(),
        " AND s.sectie = $4 ORDER BY s.versie DESC"
    );
    Ok(on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(person.0)
        .bind(gemeente.0)
        .bind(bijzonder_zichtbaar)
        .bind(sectie)
        .fetch_all(p)
        .await)?)
}

/// Appends version `expected + 1` of a section, if `expected` is still the current one (0: never
/// saved). Returns the new versie.
#[expect(
    clippy::too_many_arguments,
    reason = "one column each; a struct would only rename them"
)]
pub async fn insert_sectie(
    tx: &mut Tx,
    person: PersonId,
    sectie: &str,
    expected: i64,
    status: &str,
    inhoud: &str,
    bijzonder: bool,
    door: GebruikerId,
    now: DateTime<Utc>,
) -> StorageResult<i64> {
    const CURRENT: &str =
        "SELECT COALESCE(MAX(versie), 0) FROM intake_secties WHERE persoon_id = $1 AND sectie = $2";
    const INSERT: &str = "INSERT INTO intake_secties (persoon_id, sectie, versie, status, inhoud, bijzonder, \
                          gewijzigd_door, gewijzigd_op) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    let current: i64 = on_tx!(tx, |c| sqlx::query_scalar(CURRENT)
        .bind(person.0)
        .bind(sectie)
        .fetch_one(c)
        .await)?;
    if current != expected {
        return Err(StorageError::Conflict { expected, current });
    }
    let versie = expected + 1;
    on_tx_exec!(tx, |c| sqlx::query(INSERT)
        .bind(person.0)
        .bind(sectie)
        .bind(versie)
        .bind(status)
        .bind(inhoud)
        .bind(bijzonder)
        .bind(door.0)
        .bind(now)
        .execute(c)
        .await)
    .map_err(|e| {
        // Two saves of the same versie at once: the primary key lets one win.
        if StorageError::is_unique_violation(&e) {
            StorageError::Conflict {
                expected,
                current: versie,
            }
        } else {
            e.into()
        }
    })?;
    Ok(versie)
}
