//! The person record (the inburgeraar's dossier data). Reads are always filtered by the actor's
//! [`PersonScope`] inside the SQL; a person outside the scope is simply "not found".

mod debug;
mod list;
pub(crate) mod row;
mod write;

use chrono::{DateTime, Utc};
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;

use crate::scope::{Binder, person_condition};
use crate::{Db, StorageError, StorageResult, on_pool};
use row::ROW_SELECT;

pub use list::{
    COUNT_CAP, Cursor, ListQuery, MAX_OFFSET, Page, PersonSummary, RegisseurFilter, Richting, Sort,
    list,
};
pub use write::{insert, reassign, update};

/// A stored person: the validated details plus the bookkeeping around them.
/// `Debug` by hand (`debug.rs`): names and BSNs stay out of logs.
#[derive(Clone)]
pub struct PersonRecord {
    pub id: PersonId,
    pub gemeente_id: OrganisatieId,
    pub regisseur_id: Option<GebruikerId>,
    pub regisseur_naam: Option<String>,
    pub versie: i64,
    pub details: PersonDetails,
    pub aangemaakt_op: DateTime<Utc>,
    pub gewijzigd_op: DateTime<Utc>,
    /// Who saved last: the conflict page tells "you, in another window" from a colleague.
    pub gewijzigd_door: Option<GebruikerId>,
    pub gewijzigd_door_naam: Option<String>,
    /// The household the person belongs to, if any (read along, saving a query per dossier).
    pub huishouden_id: Option<HuishoudenId>,
}

/// The gemeente a scope limits to; `None` means the scope allows nothing.
pub(crate) fn scope_gemeente(scope: PersonScope) -> Option<OrganisatieId> {
    match scope {
        PersonScope::Gemeente(g) => Some(g),
        // A partner's grant never opens the gemeente's trajectory tables (intake, PIP, termijn).
        PersonScope::Nothing | PersonScope::Verwijzingen(_) => None,
    }
}

/// One person, if the scope allows it.
pub async fn get(db: &Db, scope: PersonScope, id: PersonId) -> StorageResult<PersonRecord> {
    let mut b = Binder::starting_at(2);
    let cond = person_condition(scope, "p", &mut |u| b.bind(u)).ok_or(StorageError::NotFound)?;
    let sql = format!("{} WHERE p.id = $1 AND {cond}", *ROW_SELECT);
    let row: Option<row::PersonRow> = on_pool!(db, |p| {
        let mut q = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(id.0);
        for v in &b.values {
            q = q.bind(*v);
        }
        q.fetch_optional(p).await
    })?;
    row.ok_or(StorageError::NotFound)?.try_into()
}

/// Normalises a name for prefix search: transliterated to lower-case ASCII with `deunicode`
/// ("Yıldız" → "yildiz", "Ðorđević" → "dordevic", "Çelik" → "celik"), apostrophes, hyphens and dots
/// as spaces, so "Al-Hassan" and "al hassan" find the same person. The result is stored in
/// `zoek_achternaam`/`zoek_voornamen`: a change here must raise `search_fold::SEARCH_FOLD_VERSION`,
/// so `migrate` recomputes the stored keys.
pub fn search_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut own = [0u8; 4];
    for ch in s.trim().chars() {
        // A character deunicode has no transliteration for stays as it is.
        let ascii: &str = match deunicode::deunicode_char(ch) {
            Some(a) => a,
            None => ch.encode_utf8(&mut own),
        };
        for c in ascii.chars().flat_map(char::to_lowercase) {
            let c = match c {
                '\'' | '’' | '`' | '-' | '.' => ' ',
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(c);
        }
    }
    out.trim_end().to_string()
}

/// The search key of the surname as written, tussenvoegsel first ("el Inktami" → "el inktami"): stored in
/// `zoek_achternaam_tv`, so a search typed the way the name is spoken finds it.
pub fn surname_key(tussenvoegsel: Option<&str>, geslachtsnaam: &str) -> String {
    match tussenvoegsel.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => search_key(&format!("{t} {geslachtsnaam}")),
        None => search_key(geslachtsnaam),
    }
}

/// The gemeente a person belongs to, without reading any personal data (for the audit-log view, whose
/// readers may not see the dossier itself).
pub async fn gemeente_of(db: &Db, id: PersonId) -> StorageResult<Option<OrganisatieId>> {
    const SQL: &str = "SELECT gemeente_id FROM personen WHERE id = $1";
    let g: Option<uuid::Uuid> = on_pool!(db, |p| sqlx::query_scalar(SQL)
        .bind(id.0)
        .fetch_optional(p)
        .await)?;
    Ok(g.map(OrganisatieId))
}

/// Number of persons in the whole database (is it empty? how big is the benchmark set?).
pub async fn count_all(db: &Db) -> StorageResult<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM personen";
    Ok(on_pool!(db, |p| sqlx::query_scalar(SQL)
        .fetch_one(p)
        .await)?)
}

#[cfg(test)]
mod tests {
    use super::search_key;

    #[test]
    fn search_key_folds_case_diacritics_and_hyphens() {
        assert_eq!(search_key("  Al-Hassan "), "al hassan");
        assert_eq!(search_key("Çelik"), "celik");
        assert_eq!(search_key("O'Neill"), "o neill");
        assert_eq!(
            search_key("Tesfaÿe  Müller"),
            "tesfaye  muller".replace("  ", " ")
        );
    }

    #[test]
    fn search_key_transliterates_letters_outside_the_accent_table() {
        assert_eq!(search_key("Yıldız"), "yildiz");
        assert_eq!(search_key("YILDIZ"), search_key("Yıldız"));
        assert_eq!(search_key("Ðorđević"), "dordevic");
        assert_eq!(search_key("Müller"), "muller");
        assert_eq!(search_key("Øvergård"), "overgard");
        assert_eq!(search_key("Groß"), "gross");
        assert_eq!(search_key("N’Diaye"), "n diaye");
    }
}
