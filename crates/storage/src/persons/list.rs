//! The caseload list and search. The SQL is assembled from fixed fragments only (user input is always
//! bound), filtered by the actor's scope, and every filter/sort has an index (see the migrations).
//!
//! Paging is by keyset (a cursor holding the sort keys of the last or first row shown), so a page deep
//! in a gemeente of 100,000 persons costs the same as the first: every query reads an index range from
//! the cursor on and stops after one page. The order is a concatenation of *segments*, each a
//! predicate plus an index-ordered key list without NULLs:
//! - own persons first (`eigen_eerst`): "regisseur is me", then "regisseur is someone else or nobody";
//! - a name search by prefix and sorted by name: surname matches (ordered by surname), then first-name
//!   matches that are not surname matches (ordered by first names): two index ranges instead of one
//!   OR that has to be sorted as a whole;
//! - a sort on a date with NULLs last: "date known" (ordered by the date), then "date unknown".
//!
//! The total is counted up to [`COUNT_CAP`] rows: "meer dan 1.000" is as useful as the exact number and
//! costs a bounded index scan instead of one over the whole gemeente.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::{Bsn, Doelgroep, VNummer};

use super::search_key;
use crate::scope::person_condition;
use crate::{Db, StorageResult, on_pool};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RegisseurFilter {
    /// Everyone the actor may see.
    #[default]
    Alle,
    /// Only this regisseur's caseload.
    Van(GebruikerId),
    /// Persons without a regisseur (to be assigned).
    Geen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Naam,
    Geboortedatum,
    KoppelingNieuwste,
}

impl Sort {
    pub fn code(self) -> &'static str {
        match self {
            Sort::Naam => "naam",
            Sort::Geboortedatum => "geboortedatum",
            Sort::KoppelingNieuwste => "koppeling",
        }
    }
    pub fn parse(s: &str) -> Option<Sort> {
        [Sort::Naam, Sort::Geboortedatum, Sort::KoppelingNieuwste]
            .into_iter()
            .find(|x| x.code() == s)
    }
}

#[derive(Clone, Default)]
pub struct ListQuery {
    pub zoek: Option<String>,
    pub doelgroep: Option<Doelgroep>,
    pub regisseur: RegisseurFilter,
    /// Persons of this regisseur are listed first (the actor's own caseload).
    pub eigen_eerst: Option<GebruikerId>,
    pub sort: Sort,
    /// Page number from 1. Without a cursor it is the position (OFFSET paging, clamped to the first
    /// [`MAX_OFFSET`] rows); with a cursor only the number shown ("pagina 7 van meer dan 40").
    pub pagina: u32,
    pub per_pagina: u32,
    /// Keyset paging: the page after or before a row of an earlier page.
    pub cursor: Option<Richting>,
}

/// Which way to page from a cursor.
#[derive(Clone, PartialEq, Eq)]
pub enum Richting {
    /// The rows after the cursor (the next page).
    Na(Cursor),
    /// The rows before the cursor (the previous page).
    Voor(Cursor),
}

/// A list row: only what the list shows.
#[derive(Clone, sqlx::FromRow)]
pub struct PersonSummary {
    pub id: Uuid,
    pub gemeente_id: Uuid,
    pub voornamen: String,
    pub tussenvoegsel: Option<String>,
    pub geslachtsnaam: String,
    pub bsn: Option<String>,
    pub v_nummer: Option<String>,
    pub geboortedatum: Option<NaiveDate>,
    pub doelgroep: Option<String>,
    pub datum_koppeling: Option<NaiveDate>,
    pub regisseur_id: Option<Uuid>,
    pub regisseur_naam: Option<String>,
    pub versie: i64,
    /// The sort keys (for the cursor).
    pub zoek_achternaam: String,
    pub zoek_voornamen: String,
    pub zoek_achternaam_tv: String,
}

impl PersonSummary {
    pub fn person_id(&self) -> PersonId {
        PersonId(self.id)
    }
    pub fn gemeente(&self) -> OrganisatieId {
        OrganisatieId(self.gemeente_id)
    }
}

#[derive(Clone)]
pub struct Page {
    pub items: Vec<PersonSummary>,
    /// Matching persons, counted up to [`COUNT_CAP`].
    pub totaal: i64,
    /// `true` when there are more than `totaal` matches (the count stopped at the cap).
    pub totaal_begrensd: bool,
    /// The page number (as asked for; with a cursor only a label).
    pub pagina: u32,
    pub per_pagina: u32,
    /// Cursor of the next page, if there are rows after this page.
    pub volgende: Option<Cursor>,
    /// Cursor of the previous page, if there are rows before this page.
    pub vorige: Option<Cursor>,
}

/// How a search term is matched.
enum Term {
    Bsn(String),
    VNummer(String),
    /// One word: prefix of the surname or of the first names.
    Prefix(String),
    /// Several words, as a name is written and shown: "Layla el Inktami", "el Inktami", "Layla Inktami".
    Words(Vec<String>),
    /// "achternaam, voornamen" as the list shows names: "Inktami, Layla el" (the tussenvoegsel last).
    Reversed {
        surname: String,
        rest: Vec<String>,
    },
}

/// At most this many words of a name search are combined into forms (each split is one index
/// range); a longer term is matched on its first words only.
const MAX_WORDS: usize = 6;

fn classify(zoek: &str) -> Option<Term> {
    let t = zoek.trim();
    if t.is_empty() {
        return None;
    }
    // "123-456-782" and "123.456.782" are the BSN 123456782, as the letters people copy from write it.
    let number = wegwijs_domain::validation::number_search_form(t);
    if let Ok(b) = Bsn::parse(&number) {
        return Some(Term::Bsn(b.as_str().to_string()));
    }
    if let Ok(v) = VNummer::parse(&number) {
        return Some(Term::VNummer(v.as_str().to_string()));
    }
    let words = |s: &str| -> Vec<String> {
        search_key(s)
            .split(' ')
            .filter(|w| !w.is_empty() && *w != ",")
            .take(MAX_WORDS)
            .map(str::to_string)
            .collect()
    };
    if let Some((surname, first)) = t.split_once(',') {
        let surname = words(surname).join(" ");
        let rest = words(&first.replace(',', " "));
        return match (surname.is_empty(), rest.is_empty()) {
            (true, true) => None,
            (true, false) => classify(&rest.join(" ")),
            (false, true) => classify(&surname),
            (false, false) => Some(Term::Reversed { surname, rest }),
        };
    }
    let ws = words(t);
    match ws.len() {
        0 => None,
        1 => ws.into_iter().next().map(Term::Prefix),
        _ => Some(Term::Words(ws)),
    }
}

/// The forms a name of several words can take, most literal first, each a conjunction with one index
/// range on a surname key (the first names are a filter on it), with the order that index gives: the
/// whole term as surname (with or without its tussenvoegsel), or its first words as first names and
/// the rest as surname; for "achternaam, voornamen" the part after the comma as first names, possibly
/// ending in the tussenvoegsel.
fn name_forms(term: &Term) -> Vec<(Cond, &'static [Key])> {
    let surname_either = |k: &str| {
        [
            (
                Cond::Prefix("p.zoek_achternaam_tv", k.to_string()),
                BY_NAME_TV,
            ),
            (Cond::Prefix("p.zoek_achternaam", k.to_string()), BY_NAME),
        ]
    };
    let with_first = |(s, keys): (Cond, &'static [Key]), first: String| {
        (
            Cond::All(vec![s, Cond::Prefix("p.zoek_voornamen", first)]),
            keys,
        )
    };
    let mut forms = Vec::new();
    match term {
        Term::Words(ws) => {
            forms.extend(surname_either(&ws.join(" ")));
            for i in 1..ws.len() {
                let first = ws[..i].join(" ");
                for s in surname_either(&ws[i..].join(" ")) {
                    forms.push(with_first(s, first.clone()));
                }
            }
            // "achternaam voornamen" without a comma, as lists and letters often write it
            // ("Droomadi Mustafa Mahmoud"): the first words as surname, the rest as first names.
            // Still one index range on a surname key per form.
            for i in 1..ws.len() {
                let first = ws[i..].join(" ");
                for s in surname_either(&ws[..i].join(" ")) {
                    forms.push(with_first(s, first.clone()));
                }
            }
        }
        Term::Reversed { surname, rest } => {
            let first = rest.join(" ");
            for s in surname_either(surname) {
                forms.push(with_first(s, first.clone()));
            }
            // "Inktami, Layla el": the last words after the comma may be the tussenvoegsel.
            for j in 1..rest.len() {
                let tv_surname = format!("{} {surname}", rest[j..].join(" "));
                forms.push(with_first(
                    (Cond::Prefix("p.zoek_achternaam_tv", tv_surname), BY_NAME_TV),
                    rest[..j].join(" "),
                ));
            }
        }
        Term::Bsn(_) | Term::VNummer(_) | Term::Prefix(_) => {}
    }
    forms
}

/// The smallest string greater than every string that starts with `prefix`: a prefix match becomes an
/// index range scan on both databases (LIKE would not use the index in general).
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

/// The total is counted up to this many rows; above it the page says "meer dan 1.000".
pub const COUNT_CAP: i64 = 1_000;
/// Page numbers reach at most this many rows deep; further pages use the cursor.
pub const MAX_OFFSET: u32 = 1_000;

/// A position in the list: the segment and sort-key values of a row. Opaque to clients (hex of a
/// small JSON array); one from another query gives a harmless but meaningless page.
#[derive(Clone, PartialEq, Eq)]
pub struct Cursor {
    sort: Sort,
    segment: usize,
    values: Vec<String>,
}

impl Cursor {
    pub fn encode(&self) -> String {
        let mut parts = vec![
            serde_json::Value::from(self.sort.code()),
            serde_json::Value::from(self.segment),
        ];
        parts.extend(
            self.values
                .iter()
                .map(|v| serde_json::Value::from(v.as_str())),
        );
        let json = serde_json::Value::Array(parts).to_string();
        json.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// `None` for anything that is not a cursor made by [`Cursor::encode`].
    pub fn decode(s: &str) -> Option<Cursor> {
        if !s.len().is_multiple_of(2) || s.len() > 4096 {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
            .collect();
        let parts: Vec<serde_json::Value> = serde_json::from_slice(&bytes?).ok()?;
        let mut it = parts.into_iter();
        let sort = Sort::parse(it.next()?.as_str()?)?;
        let segment = usize::try_from(it.next()?.as_u64()?).ok()?;
        // Control characters never occur in stored sort keys, and PostgreSQL refuses a NUL outright.
        let values = it
            .map(|v| {
                v.as_str()
                    .filter(|s| !s.chars().any(char::is_control))
                    .map(str::to_string)
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Cursor {
            sort,
            segment,
            values,
        })
    }
}

/// A sort key column; never NULL inside the segment that orders by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Achternaam,
    Voornamen,
    /// The surname with its tussenvoegsel (the order of the forms that search on it).
    AchternaamTv,
    Geboortedatum,
    Koppeling,
    Id,
}

impl Col {
    fn sql(self) -> &'static str {
        match self {
            Col::Achternaam => "p.zoek_achternaam",
            Col::Voornamen => "p.zoek_voornamen",
            Col::AchternaamTv => "p.zoek_achternaam_tv",
            Col::Geboortedatum => "p.geboortedatum",
            Col::Koppeling => "p.datum_koppeling",
            Col::Id => "p.id",
        }
    }

    fn value(self, p: &PersonSummary) -> String {
        match self {
            Col::Achternaam => p.zoek_achternaam.clone(),
            Col::Voornamen => p.zoek_voornamen.clone(),
            Col::AchternaamTv => p.zoek_achternaam_tv.clone(),
            Col::Geboortedatum => p.geboortedatum.map(|d| d.to_string()).unwrap_or_default(),
            Col::Koppeling => p.datum_koppeling.map(|d| d.to_string()).unwrap_or_default(),
            Col::Id => p.id.to_string(),
        }
    }

    fn bind(self, v: &str) -> Option<Bind> {
        Some(match self {
            Col::Achternaam | Col::Voornamen | Col::AchternaamTv => Bind::Text(v.to_string()),
            Col::Geboortedatum | Col::Koppeling => Bind::Date(v.parse().ok()?),
            Col::Id => Bind::Uuid(v.parse().ok()?),
        })
    }
}

#[derive(Debug, Clone, Copy)]
struct Key {
    col: Col,
    desc: bool,
}

const fn asc(col: Col) -> Key {
    Key { col, desc: false }
}

const BY_NAME: &[Key] = &[asc(Col::Achternaam), asc(Col::Voornamen), asc(Col::Id)];
const BY_FIRST_NAME: &[Key] = &[asc(Col::Voornamen), asc(Col::Achternaam), asc(Col::Id)];
const BY_BIRTH: &[Key] = &[asc(Col::Geboortedatum), asc(Col::Achternaam), asc(Col::Id)];
const BY_LINK: &[Key] = &[
    Key {
        col: Col::Koppeling,
        desc: true,
    },
    asc(Col::Achternaam),
    asc(Col::Id),
];
const BY_NAME_TV: &[Key] = &[asc(Col::AchternaamTv), asc(Col::Voornamen), asc(Col::Id)];
const BY_SURNAME_ID: &[Key] = &[asc(Col::Achternaam), asc(Col::Id)];

/// A condition on `personen p`; values are bound, never spliced.
#[derive(Clone)]
enum Cond {
    Eq(&'static str, Bind),
    IsNull(&'static str),
    NotNull(&'static str),
    /// `col IS NULL OR col <> value`
    NotEqOrNull(&'static str, Bind),
    /// `col >= prefix AND col < prefix_end(prefix)`
    Prefix(&'static str, String),
    Not(Box<Cond>),
    Any(Vec<Cond>),
    All(Vec<Cond>),
    /// The actor's scope (gemeente or referral grant), rendered by `crate::scope`.
    Scope(PersonScope),
}

impl Cond {
    fn render(&self, sql: &mut Sql) -> String {
        match self {
            Cond::Eq(c, v) => format!("{c} = {}", sql.bind(v.clone())),
            Cond::IsNull(c) => format!("{c} IS NULL"),
            Cond::NotNull(c) => format!("{c} IS NOT NULL"),
            Cond::NotEqOrNull(c, v) => format!("({c} IS NULL OR {c} <> {})", sql.bind(v.clone())),
            Cond::Prefix(c, k) => {
                let lo = sql.bind(Bind::Text(k.clone()));
                let hi = sql.bind(Bind::Text(prefix_end(k)));
                format!("({c} >= {lo} AND {c} < {hi})")
            }
            Cond::Not(c) => format!("NOT {}", c.render(sql)),
            Cond::Any(cs) => {
                let parts: Vec<String> = cs.iter().map(|c| c.render(sql)).collect();
                format!("({})", parts.join(" OR "))
            }
            Cond::All(cs) => {
                let parts: Vec<String> = cs.iter().map(|c| c.render(sql)).collect();
                format!("({})", parts.join(" AND "))
            }
            Cond::Scope(scope) => person_condition(*scope, "p", &mut |u| sql.bind(Bind::Uuid(u)))
                .unwrap_or_else(|| "1 = 0".into()),
        }
    }
}

/// SQL text with its binds, numbered `$1..` as both databases accept.
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

    fn only_where(&mut self, conds: &[&Cond]) {
        for (i, c) in conds.iter().enumerate() {
            let r = c.render(self);
            self.text.push_str(if i == 0 { " WHERE " } else { " AND " });
            self.text.push_str(&r);
        }
    }
}

/// One part of the order: the rows matching `conds`, ordered by `keys`.
struct Segment {
    conds: Vec<Cond>,
    keys: &'static [Key],
}

/// The filters every segment shares, the search as disjoint parts (each one index range, for the
/// count), and the segments.
struct Plan {
    base: Vec<Cond>,
    count_parts: Vec<Option<Cond>>,
    segments: Vec<Segment>,
}

fn plan(scope: PersonScope, q: &ListQuery) -> Plan {
    let mut base = vec![Cond::Scope(scope)];
    if let Some(d) = q.doelgroep {
        base.push(Cond::Eq("p.doelgroep", Bind::Text(d.code().to_string())));
    }
    match q.regisseur {
        RegisseurFilter::Alle => {}
        RegisseurFilter::Van(r) => base.push(Cond::Eq("p.regisseur_id", Bind::Uuid(r.0))),
        RegisseurFilter::Geen => base.push(Cond::IsNull("p.regisseur_id")),
    }
    // The name split: (extra condition, keys) per part, in order.
    let mut parts: Vec<(Option<Cond>, &'static [Key])> = Vec::new();
    let mut count_parts: Vec<Option<Cond>> = Vec::new();
    let search = match q.zoek.as_deref().and_then(classify) {
        None => None,
        Some(Term::Bsn(b)) => Some(Cond::Eq("p.bsn", Bind::Text(b))),
        Some(Term::VNummer(v)) => Some(Cond::Eq("p.v_nummer", Bind::Text(v))),
        Some(Term::Prefix(k)) => {
            let surname = Cond::Prefix("p.zoek_achternaam", k.clone());
            let first = Cond::Prefix("p.zoek_voornamen", k);
            // Counted as two disjoint index ranges: an OR of the two would scan the whole gemeente.
            count_parts.push(Some(surname.clone()));
            count_parts.push(Some(Cond::All(vec![
                first.clone(),
                Cond::Not(Box::new(surname.clone())),
            ])));
            if q.sort == Sort::Naam {
                parts.push((Some(surname.clone()), BY_NAME));
                parts.push((
                    Some(Cond::All(vec![
                        first.clone(),
                        Cond::Not(Box::new(surname.clone())),
                    ])),
                    BY_FIRST_NAME,
                ));
            }
            Some(Cond::Any(vec![surname, first]))
        }
        Some(term @ (Term::Words(_) | Term::Reversed { .. })) => {
            let forms = name_forms(&term);
            // Each form is a part of its own, minus the persons an earlier form found: disjoint index
            // ranges, so the count is a UNION ALL of range scans and, sorted by name, the list is one
            // segment per form in that index's order (the most literal matches first), never a scan
            // of the whole gemeente in name order that filters on the way.
            let mut earlier: Vec<Cond> = Vec::new();
            for (form, keys) in &forms {
                let part = if earlier.is_empty() {
                    form.clone()
                } else {
                    Cond::All(vec![
                        form.clone(),
                        Cond::Not(Box::new(Cond::Any(earlier.clone()))),
                    ])
                };
                count_parts.push(Some(part.clone()));
                if q.sort == Sort::Naam {
                    parts.push((Some(part), keys));
                }
                earlier.push(form.clone());
            }
            // Sorted by a date the forms are one filter; each branch carries the gemeente, so it is an
            // index range of its own (PostgreSQL: a bitmap OR; SQLite: its OR-by-union plan).
            let g = Cond::Scope(scope);
            Some(Cond::Any(
                forms
                    .into_iter()
                    .map(|(f, _)| Cond::All(vec![g.clone(), f]))
                    .collect(),
            ))
        }
    };
    if parts.is_empty() {
        let filter = search.clone();
        match q.sort {
            Sort::Naam => parts.push((filter, BY_NAME)),
            Sort::Geboortedatum | Sort::KoppelingNieuwste => {
                let (col, keys) = if q.sort == Sort::Geboortedatum {
                    ("p.geboortedatum", BY_BIRTH)
                } else {
                    ("p.datum_koppeling", BY_LINK)
                };
                let with = |c: Cond| match &filter {
                    Some(f) => Cond::All(vec![f.clone(), c]),
                    None => c,
                };
                parts.push((Some(with(Cond::NotNull(col))), keys));
                parts.push((Some(with(Cond::IsNull(col))), BY_SURNAME_ID));
            }
        }
    }
    // Own persons first, when the list mixes them with others.
    let own: Vec<Option<Cond>> = match (q.eigen_eerst, q.regisseur) {
        (Some(me), RegisseurFilter::Alle) => vec![
            Some(Cond::Eq("p.regisseur_id", Bind::Uuid(me.0))),
            Some(Cond::NotEqOrNull("p.regisseur_id", Bind::Uuid(me.0))),
        ],
        _ => vec![None],
    };
    let mut segments = Vec::new();
    for o in &own {
        for (c, keys) in &parts {
            segments.push(Segment {
                conds: o.iter().chain(c.iter()).cloned().collect(),
                keys,
            });
        }
    }
    if count_parts.is_empty() {
        count_parts.push(search);
    }
    Plan {
        base,
        count_parts,
        segments,
    }
}

/// `keys` after (or, backwards, before) `vals`: runs of keys in the same direction become one row-value
/// comparison, which both databases turn into an index range.
fn keyset(sql: &mut Sql, keys: &[Key], vals: &[Bind], backward: bool) -> String {
    let Some(first) = keys.first() else {
        return "1 = 0".into();
    };
    let run = keys.iter().take_while(|k| k.desc == first.desc).count();
    let greater = first.desc == backward;
    let (op, op_eq) = if greater { (">", ">=") } else { ("<", "<=") };
    let cols: Vec<&str> = keys[..run].iter().map(|k| k.col.sql()).collect();
    let cols = format!("({})", cols.join(", "));
    let placeholders = |sql: &mut Sql| {
        let ps: Vec<String> = vals[..run].iter().map(|v| sql.bind(v.clone())).collect();
        format!("({})", ps.join(", "))
    };
    if run == keys.len() {
        let p = placeholders(sql);
        return format!("{cols} {op} {p}");
    }
    let bound = placeholders(sql);
    let strict = placeholders(sql);
    let equal = placeholders(sql);
    let rest = keyset(sql, &keys[run..], &vals[run..], backward);
    format!("{cols} {op_eq} {bound} AND ({cols} {op} {strict} OR ({cols} = {equal} AND {rest}))")
}

const COLUMNS: &str = "p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.bsn, p.v_nummer, \
     p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, p.versie, p.zoek_achternaam, p.zoek_voornamen, \
     p.zoek_achternaam_tv";

/// Up to `limit` rows of one segment, after/before `from` (the key values of a cursor) or from its start
/// (or end, backwards).
async fn segment_rows(
    db: &Db,
    plan: &Plan,
    seg: &Segment,
    from: Option<&[Bind]>,
    backward: bool,
    limit: i64,
) -> StorageResult<Vec<PersonSummary>> {
    let mut sql = Sql {
        text: format!("SELECT {COLUMNS} FROM personen p"),
        ..Sql::default()
    };
    let mut conds: Vec<&Cond> = plan.base.iter().collect();
    conds.extend(seg.conds.iter());
    sql.only_where(&conds);
    if let Some(vals) = from {
        let k = keyset(&mut sql, seg.keys, vals, backward);
        sql.text.push_str(" AND ");
        sql.text.push_str(&k);
    }
    let order: Vec<String> = seg
        .keys
        .iter()
        .map(|k| {
            let desc = k.desc != backward;
            format!("{}{}", k.col.sql(), if desc { " DESC" } else { "" })
        })
        .collect();
    let order = order.join(", ");
    let lim = sql.bind(Bind::Int(limit));
    // Cut the page on `personen` alone, then join the regisseur's name to those rows only.
    let text = format!(
        "SELECT p.*, r.naam AS regisseur_naam FROM ({} ORDER BY {order} LIMIT {lim}) p \
         LEFT JOIN gebruikers r ON r.id = p.regisseur_id ORDER BY {order}",
        sql.text
    );
    Ok(on_pool!(db, |p| {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(text));
        for b in &sql.binds {
            query = match b {
                Bind::Uuid(u) => query.bind(*u),
                Bind::Text(t) => query.bind(t.clone()),
                Bind::Date(d) => query.bind(*d),
                Bind::Int(i) => query.bind(*i),
            };
        }
        query.fetch_all(p).await
    })?)
}

/// Matching persons up to `COUNT_CAP + 1`: one `SELECT 1 ... UNION ALL` branch per search part.
async fn capped_count(db: &Db, plan: &Plan) -> StorageResult<i64> {
    let mut sql = Sql::default();
    for (i, part) in plan.count_parts.iter().enumerate() {
        if i > 0 {
            sql.text.push_str(" UNION ALL ");
        }
        sql.text.push_str("SELECT 1 FROM personen p");
        let mut conds: Vec<&Cond> = plan.base.iter().collect();
        conds.extend(part.iter());
        sql.only_where(&conds);
    }
    let lim = sql.bind(Bind::Int(COUNT_CAP + 1));
    let text = format!("SELECT COUNT(*) FROM ({} LIMIT {lim}) t", sql.text);
    Ok(on_pool!(db, |p| {
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(text));
        for b in &sql.binds {
            query = match b {
                Bind::Uuid(u) => query.bind(*u),
                Bind::Text(t) => query.bind(t.clone()),
                Bind::Date(d) => query.bind(*d),
                Bind::Int(i) => query.bind(*i),
            };
        }
        query.fetch_one(p).await
    })?)
}

fn cursor_of(q: &ListQuery, plan: &Plan, segment: usize, p: &PersonSummary) -> Cursor {
    let keys = plan.segments.get(segment).map_or(&[][..], |s| s.keys);
    Cursor {
        sort: q.sort,
        segment,
        values: keys.iter().map(|k| k.col.value(p)).collect(),
    }
}

/// The cursor's segment and bound key values, if it fits this query's plan.
fn position(q: &ListQuery, plan: &Plan, c: &Cursor) -> Option<(usize, Vec<Bind>)> {
    let seg = plan.segments.get(c.segment)?;
    if c.sort != q.sort || c.values.len() != seg.keys.len() {
        return None;
    }
    let vals = seg
        .keys
        .iter()
        .zip(&c.values)
        .map(|(k, v)| k.col.bind(v))
        .collect::<Option<Vec<_>>>()?;
    Some((c.segment, vals))
}

/// Rows in list order from a position (`None`: the start), up to `limit`, with their segment.
async fn forward(
    db: &Db,
    plan: &Plan,
    from: Option<(usize, Vec<Bind>)>,
    limit: usize,
) -> StorageResult<Vec<(usize, PersonSummary)>> {
    let mut out = Vec::new();
    let start = from.as_ref().map_or(0, |(s, _)| *s);
    for (i, seg) in plan.segments.iter().enumerate().skip(start) {
        let vals = from
            .as_ref()
            .filter(|(s, _)| *s == i)
            .map(|(_, v)| v.as_slice());
        let want = i64::try_from(limit - out.len()).unwrap_or(i64::MAX);
        let rows = segment_rows(db, plan, seg, vals, false, want).await?;
        out.extend(rows.into_iter().map(|r| (i, r)));
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

/// Rows before a position, nearest first, up to `limit`.
async fn backward(
    db: &Db,
    plan: &Plan,
    from: (usize, Vec<Bind>),
    limit: usize,
) -> StorageResult<Vec<(usize, PersonSummary)>> {
    let mut out = Vec::new();
    for i in (0..=from.0).rev() {
        let Some(seg) = plan.segments.get(i) else {
            continue;
        };
        let vals = (i == from.0).then_some(from.1.as_slice());
        let want = i64::try_from(limit - out.len()).unwrap_or(i64::MAX);
        let rows = segment_rows(db, plan, seg, vals, true, want).await?;
        out.extend(rows.into_iter().map(|r| (i, r)));
        if out.len() >= limit {
            break;
        }
    }
    Ok(out)
}

pub async fn list(db: &Db, scope: PersonScope, q: &ListQuery) -> StorageResult<Page> {
    let per_pagina = q.per_pagina.clamp(1, 200);
    let n = per_pagina as usize;
    if scope == PersonScope::Nothing {
        return Ok(Page {
            items: vec![],
            totaal: 0,
            totaal_begrensd: false,
            pagina: 1,
            per_pagina,
            volgende: None,
            vorige: None,
        });
    }
    let plan = plan(scope, q);
    let counted = capped_count(db, &plan).await?;
    let cursor = match &q.cursor {
        Some(Richting::Na(c)) => position(q, &plan, c).map(|p| (false, p)),
        Some(Richting::Voor(c)) => position(q, &plan, c).map(|p| (true, p)),
        None => None,
    };
    let (rows, pagina, more_after, more_before) = match cursor {
        Some((false, from)) => {
            let mut rows = forward(db, &plan, Some(from), n + 1).await?;
            let more = rows.len() > n;
            rows.truncate(n);
            (rows, q.pagina.max(1), more, true)
        }
        Some((true, from)) => {
            let mut rows = backward(db, &plan, from, n + 1).await?;
            let more = rows.len() > n;
            rows.truncate(n);
            rows.reverse();
            if rows.len() < n {
                // Fewer than a page before the cursor (rows were removed meanwhile): the first page.
                let mut rows = forward(db, &plan, None, n + 1).await?;
                let more = rows.len() > n;
                rows.truncate(n);
                (rows, 1, more, false)
            } else {
                (rows, q.pagina.max(1), true, more)
            }
        }
        None => {
            let pagina = q.pagina.max(1);
            let offset = ((pagina - 1) as usize * n).min(MAX_OFFSET as usize);
            let mut rows = forward(db, &plan, None, offset + n + 1).await?;
            let mut rows = rows.split_off(offset.min(rows.len()));
            let more = rows.len() > n;
            rows.truncate(n);
            (rows, pagina, more, offset > 0)
        }
    };
    let volgende = more_after
        .then(|| rows.last().map(|(s, p)| cursor_of(q, &plan, *s, p)))
        .flatten();
    let vorige = more_before
        .then(|| rows.first().map(|(s, p)| cursor_of(q, &plan, *s, p)))
        .flatten();
    Ok(Page {
        items: rows.into_iter().map(|(_, p)| p).collect(),
        totaal: counted.min(COUNT_CAP),
        totaal_begrensd: counted > COUNT_CAP,
        pagina,
        per_pagina,
        volgende,
        vorige,
    })
}

#[derive(Clone)]
enum Bind {
    Uuid(Uuid),
    Text(String),
    Date(NaiveDate),
    Int(i64),
}

#[cfg(test)]
#[path = "search_forms_tests.rs"]
mod search_forms_tests;
