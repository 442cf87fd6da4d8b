//! Mapping between the `personen` row and the domain's [`PersonDetails`]. The detail columns, their
//! order and their types come from the domain's field table ([`FIELDS`]), so a new person field needs
//! no edit here: only its migration.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{ColumnIndex, Decode, Row, Type};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, HuishoudenId, OrganisatieId, PersonId};
use wegwijs_domain::person::{FIELDS, PersonColumns, PersonDetails};
use wegwijs_domain::record::{ColumnValue, Stored};

use super::{PersonRecord, search_key, surname_key};
use crate::StorageError;

/// Derived columns written with every change of the details: the folded names that search and sort
/// use. Bound after the [`FIELDS`] columns, in this order.
const SEARCH_COLUMNS: [&str; 3] = ["zoek_achternaam", "zoek_voornamen", "zoek_achternaam_tv"];

/// The detail columns in bind order: every field of the table, then the search keys.
pub(crate) fn detail_columns() -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .map(|f| f.column)
        .chain(SEARCH_COLUMNS.iter().copied())
}

/// The values for [`detail_columns`], in the same order.
pub(crate) fn detail_values(d: &PersonDetails) -> Vec<ColumnValue> {
    let mut values = d.to_columns().values();
    values.push(ColumnValue::Text(Some(search_key(&d.geslachtsnaam))));
    values.push(ColumnValue::Text(Some(search_key(&d.voornamen))));
    values.push(ColumnValue::Text(Some(surname_key(
        d.tussenvoegsel.as_deref(),
        &d.geslachtsnaam,
    ))));
    values
}

/// Binds one [`ColumnValue`]: `bind_column!(query, value, bind)` for a query (returns the query),
/// `bind_column!(builder, value, push_bind)` for a `QueryBuilder` or its `Separated`.
macro_rules! bind_column {
    ($q:expr, $v:expr, $bind:ident) => {
        match $v {
            wegwijs_domain::record::ColumnValue::Text(t) => $q.$bind(t),
            wegwijs_domain::record::ColumnValue::Date(d) => $q.$bind(d),
            wegwijs_domain::record::ColumnValue::Flag(b) => $q.$bind(b),
        }
    };
}
pub(crate) use bind_column;

/// The SELECT of every query that returns a whole person (a `WHERE` follows); built once.
pub(crate) static ROW_SELECT: LazyLock<String> = LazyLock::new(|| {
    let mut sql = String::from(
        "SELECT p.id, p.gemeente_id, p.regisseur_id, r.naam AS regisseur_naam, p.versie, \
         p.aangemaakt_op, p.gewijzigd_op, p.gewijzigd_door, w.naam AS gewijzigd_door_naam, h.huishouden_id",
    );
    for f in FIELDS {
        sql.push_str(", p.");
        sql.push_str(f.column);
    }
    sql.push_str(
        " FROM personen p LEFT JOIN gebruikers r ON r.id = p.regisseur_id \
         LEFT JOIN gebruikers w ON w.id = p.gewijzigd_door \
         LEFT JOIN huishouden_leden h ON h.persoon_id = p.id",
    );
    sql
});

pub(crate) struct PersonRow {
    id: Uuid,
    gemeente_id: Uuid,
    regisseur_id: Option<Uuid>,
    regisseur_naam: Option<String>,
    versie: i64,
    details: Vec<ColumnValue>,
    aangemaakt_op: DateTime<Utc>,
    gewijzigd_op: DateTime<Utc>,
    gewijzigd_door: Option<Uuid>,
    gewijzigd_door_naam: Option<String>,
    huishouden_id: Option<Uuid>,
}

impl<'r, R: Row> sqlx::FromRow<'r, R> for PersonRow
where
    &'r str: ColumnIndex<R>,
    Uuid: Decode<'r, R::Database> + Type<R::Database>,
    String: Decode<'r, R::Database> + Type<R::Database>,
    i64: Decode<'r, R::Database> + Type<R::Database>,
    bool: Decode<'r, R::Database> + Type<R::Database>,
    NaiveDate: Decode<'r, R::Database> + Type<R::Database>,
    DateTime<Utc>: Decode<'r, R::Database> + Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        let details = FIELDS
            .iter()
            .map(|f| {
                Ok(match f.stored {
                    Stored::Text => ColumnValue::Text(row.try_get(f.column)?),
                    Stored::Date => ColumnValue::Date(row.try_get(f.column)?),
                    Stored::Flag => ColumnValue::Flag(row.try_get(f.column)?),
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        Ok(PersonRow {
            id: row.try_get("id")?,
            gemeente_id: row.try_get("gemeente_id")?,
            regisseur_id: row.try_get("regisseur_id")?,
            regisseur_naam: row.try_get("regisseur_naam")?,
            versie: row.try_get("versie")?,
            details,
            aangemaakt_op: row.try_get("aangemaakt_op")?,
            gewijzigd_op: row.try_get("gewijzigd_op")?,
            gewijzigd_door: row.try_get("gewijzigd_door")?,
            gewijzigd_door_naam: row.try_get("gewijzigd_door_naam")?,
            huishouden_id: row.try_get("huishouden_id")?,
        })
    }
}

impl TryFrom<PersonRow> for PersonRecord {
    type Error = StorageError;
    fn try_from(r: PersonRow) -> Result<Self, StorageError> {
        // A stored value that no longer parses is corruption, not "onbekend".
        let details = PersonColumns::from_values(r.details)
            .and_then(PersonDetails::from_columns)
            .map_err(|e| StorageError::Corrupt(e.to_string()))?;
        Ok(PersonRecord {
            id: PersonId(r.id),
            gemeente_id: OrganisatieId(r.gemeente_id),
            regisseur_id: r.regisseur_id.map(GebruikerId),
            regisseur_naam: r.regisseur_naam,
            versie: r.versie,
            details,
            aangemaakt_op: r.aangemaakt_op,
            gewijzigd_op: r.gewijzigd_op,
            gewijzigd_door: r.gewijzigd_door.map(GebruikerId),
            gewijzigd_door_naam: r.gewijzigd_door_naam,
            huishouden_id: r.huishouden_id.map(HuishoudenId),
        })
    }
}
