//! Searching the verwerkingenlog: by person, user, action and period, newest first, paged by keyset.
//!
//! The order is (tijdstip, id) descending. Every filter has an index ending in (tijdstip, id)
//! (migration 0007), so a page is one index range read from the cursor on and stops after a page:
//! the same cost on the first page and the thousandth, in a log of millions of rows. OFFSET would
//! read and throw away every row before the page. The SQL is built from fixed fragments; every value
//! is bound.

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};

use crate::audit::AuditRecord;
use crate::{Db, StorageError, StorageResult, on_pool};

/// At most this many persons in one person filter (a name search that matches more is narrowed
/// by the caller, who tells the user).
pub const MAX_PERSONS: usize = 50;

/// What to search for. `gemeente` is always applied: a viewer only ever sees their own gemeente.
#[derive(Debug, Clone)]
pub struct LogFilter {
    pub gemeente: OrganisatieId,
    /// `None`: rows about anyone (and about no one). `Some(ids)`: rows about these persons only;
    /// an empty list matches nothing.
    pub personen: Option<Vec<PersonId>>,
    pub gebruiker: Option<GebruikerId>,
    pub actie: Option<AuditAction>,
    /// From this moment (inclusive).
    pub van: Option<DateTime<Utc>>,
    /// Until this moment (exclusive).
    pub tot: Option<DateTime<Utc>>,
}

/// A position in the log: the (tijdstip, id) of a row. Shown to clients as `<micros>_<id>`, digits
/// only, so it needs no escaping and cannot carry anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogCursor {
    pub tijdstip: DateTime<Utc>,
    pub id: i64,
}

impl LogCursor {
    pub fn encode(&self) -> String {
        format!("{}_{}", self.tijdstip.timestamp_micros(), self.id)
    }

    /// `None` for anything [`LogCursor::encode`] did not make.
    pub fn decode(s: &str) -> Option<LogCursor> {
        let (t, id) = s.split_once('_')?;
        let digits = |x: &str| {
            !x.is_empty() && x.len() <= 20 && x.bytes().all(|b| b.is_ascii_digit() || b == b'-')
        };
        if !digits(t) || !digits(id) {
            return None;
        }
        Some(LogCursor {
            tijdstip: DateTime::from_timestamp_micros(t.parse().ok()?)?,
            id: id.parse().ok()?,
        })
    }
}

/// Which way to page from a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogRichting {
    /// Older rows than the cursor (the next page).
    Na(LogCursor),
    /// Newer rows than the cursor (the previous page).
    Voor(LogCursor),
}

/// A row of the log, with the person's name if that person belongs to the filter's gemeente.
#[derive(Debug, Clone)]
pub struct LogRow {
    pub record: AuditRecord,
    pub gebruiker_id: Option<GebruikerId>,
    pub persoon_naam: Option<String>,
}

impl LogRow {
    pub fn cursor(&self) -> LogCursor {
        LogCursor {
            tijdstip: self.record.tijdstip,
            id: self.record.id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct LogPage {
    pub rows: Vec<LogRow>,
    /// There are older rows: the next page starts after the last row.
    pub volgende: Option<LogCursor>,
    /// There are newer rows: the previous page ends before the first row.
    pub vorige: Option<LogCursor>,
}

enum Bind {
    Uuid(Uuid),
    Text(String),
    Time(DateTime<Utc>),
    Int(i64),
}

#[derive(Default)]
struct Sql {
    text: String,
    binds: Vec<Bind>,
}

impl Sql {
    fn bind(&mut self, b: Bind) -> String {
        self.binds.push(b);
        format!("${}", self.binds.len())
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    tijdstip: DateTime<Utc>,
    trace_id: String,
    gebruiker_id: Option<Uuid>,
    gebruiker_naam: Option<String>,
    organisatie_naam: Option<String>,
    persoon_id: Option<Uuid>,
    actie: String,
    verwerkingsactiviteit: String,
    grondslag: String,
    bron: String,
    details: Option<String>,
    voornamen: Option<String>,
    tussenvoegsel: Option<String>,
    geslachtsnaam: Option<String>,
}

impl TryFrom<Row> for LogRow {
    type Error = StorageError;
    fn try_from(r: Row) -> StorageResult<LogRow> {
        let actie = AuditAction::parse(&r.actie)
            .ok_or_else(|| StorageError::Corrupt(format!("actie {}", r.actie)))?;
        let persoon_naam = r.geslachtsnaam.map(|achternaam| {
            [r.voornamen, r.tussenvoegsel, Some(achternaam)]
                .into_iter()
                .flatten()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        });
        Ok(LogRow {
            record: AuditRecord {
                id: r.id,
                tijdstip: r.tijdstip,
                trace_id: r.trace_id,
                gebruiker_naam: r.gebruiker_naam,
                organisatie_naam: r.organisatie_naam,
                persoon_id: r.persoon_id.map(PersonId),
                actie,
                verwerkingsactiviteit: r.verwerkingsactiviteit,
                grondslag: r.grondslag,
                bron: r.bron,
                details: r.details,
            },
            gebruiker_id: r.gebruiker_id.map(GebruikerId),
            persoon_naam,
        })
    }
}

/// The WHERE clause of `filter` (on `audit_log a`), without the cursor.
fn where_clause(sql: &mut Sql, f: &LogFilter) -> String {
    let mut conds = vec![format!(
        "a.gemeente_id = {}",
        sql.bind(Bind::Uuid(f.gemeente.0))
    )];
    if let Some(ids) = &f.personen {
        if ids.is_empty() {
            conds.push("1 = 0".into());
        } else {
            let list: Vec<String> = ids
                .iter()
                .take(MAX_PERSONS)
                .map(|p| sql.bind(Bind::Uuid(p.0)))
                .collect();
            conds.push(format!("a.persoon_id IN ({})", list.join(", ")));
        }
    }
    if let Some(g) = f.gebruiker {
        conds.push(format!("a.gebruiker_id = {}", sql.bind(Bind::Uuid(g.0))));
    }
    if let Some(a) = f.actie {
        conds.push(format!(
            "a.actie = {}",
            sql.bind(Bind::Text(a.code().to_string()))
        ));
    }
    if let Some(t) = f.van {
        conds.push(format!("a.tijdstip >= {}", sql.bind(Bind::Time(t))));
    }
    if let Some(t) = f.tot {
        conds.push(format!("a.tijdstip < {}", sql.bind(Bind::Time(t))));
    }
    conds.join(" AND ")
}

/// The page cut on `audit_log` alone: one index range read from the cursor on. `backward` reads
/// newer rows than the cursor, oldest first.
fn inner_sql(
    sql: &mut Sql,
    f: &LogFilter,
    from: Option<LogCursor>,
    backward: bool,
    limit: i64,
) -> String {
    let mut cond = where_clause(sql, f);
    if let Some(c) = from {
        let t = sql.bind(Bind::Time(c.tijdstip));
        let id = sql.bind(Bind::Int(c.id));
        let op = if backward { ">" } else { "<" };
        cond.push_str(&format!(" AND (a.tijdstip, a.id) {op} ({t}, {id})"));
    }
    let dir = if backward { "ASC" } else { "DESC" };
    let lim = sql.bind(Bind::Int(limit));
    format!(
        "SELECT * FROM audit_log a WHERE {cond} ORDER BY a.tijdstip {dir}, a.id {dir} LIMIT {lim}"
    )
}

/// The page query: the page is cut first, then names are joined to those rows only.
fn page_sql(f: &LogFilter, from: Option<LogCursor>, backward: bool, limit: i64) -> Sql {
    let mut sql = Sql::default();
    let inner = inner_sql(&mut sql, f, from, backward, limit);
    let dir = if backward { "ASC" } else { "DESC" };
    let gemeente = sql.bind(Bind::Uuid(f.gemeente.0));
    sql.text = format!(
        "SELECT a.id, a.tijdstip, a.trace_id, a.gebruiker_id, g.naam AS gebruiker_naam, \
         o.naam AS organisatie_naam, a.persoon_id, a.actie, a.verwerkingsactiviteit, a.grondslag, a.bron, \
         a.details, p.voornamen, p.tussenvoegsel, p.geslachtsnaam \
         FROM ({inner}) a \
         LEFT JOIN gebruikers g ON g.id = a.gebruiker_id \
         LEFT JOIN organisaties o ON o.id = a.organisatie_id \
         LEFT JOIN personen p ON p.id = a.persoon_id AND p.gemeente_id = {gemeente} \
         ORDER BY a.tijdstip {dir}, a.id {dir}"
    );
    sql
}

/// The query plan of the page cut for `filter` (one line per plan step), for tests and benchmarks
/// that check every filter is an index range read in order, without a sort. (The join of names to
/// the 100 rows of a page afterwards may sort those 100 rows; that is not what grows with the log.)
pub async fn explain(
    db: &Db,
    f: &LogFilter,
    from: Option<LogCursor>,
) -> StorageResult<Vec<String>> {
    use sqlx::Row as _;
    let mut sql = Sql::default();
    sql.text = inner_sql(&mut sql, f, from, false, 101);
    let Sql { text, binds } = sql;
    macro_rules! bound {
        ($q:expr) => {{
            let mut q = $q;
            for b in &binds {
                q = match b {
                    Bind::Uuid(u) => q.bind(*u),
                    Bind::Text(t) => q.bind(t.clone()),
                    Bind::Time(t) => q.bind(*t),
                    Bind::Int(i) => q.bind(*i),
                };
            }
            q
        }};
    }
    match db {
        Db::Sqlite { read, .. } => {
            let sql = format!("EXPLAIN QUERY PLAN {text}");
            let rows = bound!(sqlx::query(sqlx::AssertSqlSafe(sql)))
                .fetch_all(read)
                .await?;
            rows.iter()
                .map(|r| r.try_get::<String, _>("detail").map_err(StorageError::from))
                .collect()
        }
        Db::Pg(pool) => {
            let sql = format!("EXPLAIN {text}");
            let rows = bound!(sqlx::query(sqlx::AssertSqlSafe(sql)))
                .fetch_all(pool)
                .await?;
            rows.iter()
                .map(|r| r.try_get::<String, _>(0).map_err(StorageError::from))
                .collect()
        }
    }
}

async fn fetch(db: &Db, sql: Sql) -> StorageResult<Vec<LogRow>> {
    let Sql { text, binds } = sql;
    let rows: Vec<Row> = on_pool!(db, |p| {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(text));
        for b in &binds {
            query = match b {
                Bind::Uuid(u) => query.bind(*u),
                Bind::Text(t) => query.bind(t.clone()),
                Bind::Time(t) => query.bind(*t),
                Bind::Int(i) => query.bind(*i),
            };
        }
        query.fetch_all(p).await
    })?;
    rows.into_iter().map(LogRow::try_from).collect()
}

/// One page of at most `per_page` rows, newest first, from the cursor on.
pub async fn search(
    db: &Db,
    filter: &LogFilter,
    richting: Option<LogRichting>,
    per_page: i64,
) -> StorageResult<LogPage> {
    let n = per_page.clamp(1, 10_000);
    match richting {
        None | Some(LogRichting::Na(_)) => {
            let from = match richting {
                Some(LogRichting::Na(c)) => Some(c),
                _ => None,
            };
            let mut rows = fetch(db, page_sql(filter, from, false, n + 1)).await?;
            let more = rows.len() as i64 > n;
            rows.truncate(n as usize);
            Ok(LogPage {
                volgende: more.then(|| rows.last().map(LogRow::cursor)).flatten(),
                // Coming from a newer page, there is one to go back to.
                vorige: from.and_then(|_| rows.first().map(LogRow::cursor)),
                rows,
            })
        }
        Some(LogRichting::Voor(c)) => {
            let mut rows = fetch(db, page_sql(filter, Some(c), true, n + 1)).await?;
            let more = rows.len() as i64 > n;
            rows.truncate(n as usize);
            rows.reverse();
            Ok(LogPage {
                vorige: more.then(|| rows.first().map(LogRow::cursor)).flatten(),
                volgende: rows.last().map(LogRow::cursor),
                rows,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_refuses_anything_else() {
        let c = LogCursor {
            tijdstip: DateTime::from_timestamp_micros(1_764_550_000_123_456).expect("time"),
            id: 42,
        };
        assert_eq!(LogCursor::decode(&c.encode()), Some(c));
        for bad in [
            "",
            "_",
            "1_",
            "_1",
            "1_2_3",
            "a_1",
            "1\u{0}_2",
            "99999999999999999999999_1",
        ] {
            assert_eq!(LogCursor::decode(bad), None, "{bad:?}");
        }
    }
}
