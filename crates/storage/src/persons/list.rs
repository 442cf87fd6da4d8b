//! The caseload list and search. The SQL is assembled from fixed fragments only (user input is always
//! bound), filtered by the actor's scope, and every filter/sort has an index (see the migrations).

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::authz::PersonScope;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::{Bsn, Doelgroep, VNummer};

use super::{scope_gemeente, search_key};
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
    fn order_by(self) -> &'static str {
        match self {
            Sort::Naam => "p.zoek_achternaam, p.zoek_voornamen, p.id",
            Sort::Geboortedatum => "p.geboortedatum NULLS LAST, p.zoek_achternaam, p.id",
            Sort::KoppelingNieuwste => "p.datum_koppeling DESC NULLS LAST, p.zoek_achternaam, p.id",
        }
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
    pub pagina: u32,
    pub per_pagina: u32,
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
}

impl PersonSummary {
    pub fn person_id(&self) -> PersonId {
        PersonId(self.id)
    }
    pub fn gemeente(&self) -> OrganisatieId {
        OrganisatieId(self.gemeente_id)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub items: Vec<PersonSummary>,
    pub totaal: i64,
    pub pagina: u32,
    pub per_pagina: u32,
}

/// How a search term is matched.
enum Term {
    Bsn(String),
    VNummer(String),
    /// Prefix of the surname or of the first names.
    Prefix(String),
    /// "voornaam achternaam": first word on first names, the rest on the surname.
    TwoPart(String, String),
}

fn classify(zoek: &str) -> Option<Term> {
    let t = zoek.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(b) = Bsn::parse(t) {
        return Some(Term::Bsn(b.as_str().to_string()));
    }
    if let Ok(v) = VNummer::parse(t) {
        return Some(Term::VNummer(v.as_str().to_string()));
    }
    let key = search_key(t);
    match key.split_once(' ') {
        Some((first, rest)) if !rest.is_empty() => {
            Some(Term::TwoPart(first.to_string(), rest.to_string()))
        }
        _ => Some(Term::Prefix(key)),
    }
}

/// The smallest string greater than every string that starts with `prefix`: a prefix match becomes an
/// index range scan on both databases (LIKE would not use the index in general).
fn prefix_end(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

pub async fn list(db: &Db, scope: PersonScope, q: &ListQuery) -> StorageResult<Page> {
    let per_pagina = q.per_pagina.clamp(1, 200);
    let pagina = q.pagina.max(1);
    let Some(gemeente) = scope_gemeente(scope) else {
        return Ok(Page {
            items: vec![],
            totaal: 0,
            pagina,
            per_pagina,
        });
    };
    let mut sql_where = String::from(" WHERE p.gemeente_id = $1");
    let mut binds: Vec<Bind> = vec![Bind::Uuid(gemeente.0)];
    let mut push = |frag: &str, vals: Vec<Bind>, binds: &mut Vec<Bind>| {
        let mut f = frag.to_string();
        for (i, v) in vals.into_iter().enumerate() {
            binds.push(v);
            f = f.replace(&format!("${{{i}}}"), &format!("${}", binds.len()));
        }
        sql_where.push_str(&f);
    };
    match q.zoek.as_deref().and_then(classify) {
        None => {}
        Some(Term::Bsn(b)) => push(" AND p.bsn = ${0}", vec![Bind::Text(b)], &mut binds),
        Some(Term::VNummer(v)) => push(" AND p.v_nummer = ${0}", vec![Bind::Text(v)], &mut binds),
        Some(Term::Prefix(k)) => push(
            " AND ((p.zoek_achternaam >= ${0} AND p.zoek_achternaam < ${1}) \
             OR (p.zoek_voornamen >= ${0} AND p.zoek_voornamen < ${1}))",
            vec![Bind::Text(k.clone()), Bind::Text(prefix_end(&k))],
            &mut binds,
        ),
        Some(Term::TwoPart(first, rest)) => {
            let whole = format!("{first} {rest}");
            push(
                " AND ((p.zoek_voornamen >= ${0} AND p.zoek_voornamen < ${1} \
                   AND p.zoek_achternaam >= ${2} AND p.zoek_achternaam < ${3}) \
                 OR (p.zoek_achternaam >= ${4} AND p.zoek_achternaam < ${5}))",
                vec![
                    Bind::Text(first.clone()),
                    Bind::Text(prefix_end(&first)),
                    Bind::Text(rest.clone()),
                    Bind::Text(prefix_end(&rest)),
                    Bind::Text(whole.clone()),
                    Bind::Text(prefix_end(&whole)),
                ],
                &mut binds,
            )
        }
    }
    if let Some(d) = q.doelgroep {
        push(
            " AND p.doelgroep = ${0}",
            vec![Bind::Text(d.code().to_string())],
            &mut binds,
        );
    }
    match q.regisseur {
        RegisseurFilter::Alle => {}
        RegisseurFilter::Van(r) => push(
            " AND p.regisseur_id = ${0}",
            vec![Bind::Uuid(r.0)],
            &mut binds,
        ),
        RegisseurFilter::Geen => push(" AND p.regisseur_id IS NULL", vec![], &mut binds),
    }
    let count_sql = format!("SELECT COUNT(*) FROM personen p{sql_where}");
    let mut order = String::new();
    if let Some(me) = q.eigen_eerst {
        binds.push(Bind::Uuid(me.0));
        order.push_str(&format!(
            "CASE WHEN p.regisseur_id = ${} THEN 0 ELSE 1 END, ",
            binds.len()
        ));
    }
    order.push_str(q.sort.order_by());
    let n = binds.len();
    // Sort and cut the page on `personen` alone, then join the regisseur's name to those rows only: a
    // broad search matches thousands of persons in a large gemeente.
    let list_sql = format!(
        "SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.bsn, p.v_nummer, \
         p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, r.naam AS regisseur_naam, p.versie \
         FROM (SELECT p.id, p.gemeente_id, p.voornamen, p.tussenvoegsel, p.geslachtsnaam, p.bsn, p.v_nummer, \
               p.geboortedatum, p.doelgroep, p.datum_koppeling, p.regisseur_id, p.versie, p.zoek_achternaam, \
               p.zoek_voornamen \
               FROM personen p{sql_where} ORDER BY {order} LIMIT ${} OFFSET ${}) p \
         LEFT JOIN gebruikers r ON r.id = p.regisseur_id ORDER BY {order}",
        n + 1,
        n + 2
    );
    let count_binds = if q.eigen_eerst.is_some() {
        &binds[..n - 1]
    } else {
        &binds[..]
    };
    let offset = i64::from(pagina - 1) * i64::from(per_pagina);
    let totaal: i64 = on_pool!(db, |p| {
        let mut query = sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql));
        for b in count_binds {
            query = match b {
                Bind::Uuid(u) => query.bind(*u),
                Bind::Text(t) => query.bind(t.clone()),
            };
        }
        query.fetch_one(p).await
    })?;
    let items: Vec<PersonSummary> = on_pool!(db, |p| {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(list_sql));
        for b in &binds {
            query = match b {
                Bind::Uuid(u) => query.bind(*u),
                Bind::Text(t) => query.bind(t.clone()),
            };
        }
        query
            .bind(i64::from(per_pagina))
            .bind(offset)
            .fetch_all(p)
            .await
    })?;
    Ok(Page {
        items,
        totaal,
        pagina,
        per_pagina,
    })
}

enum Bind {
    Uuid(Uuid),
    Text(String),
}
