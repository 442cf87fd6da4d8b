//! The pages of `list_100k`: the API's list of the regisseur's whole gemeente (`regisseur=alle`, by
//! name over the whole list) in pages of 100, walked once through the storage layer to collect the cursor of every page,
//! so the scenario can ask for any page, first to last, as a client following `next` links would.

use wegwijs_domain::authz::PersonScope;
use wegwijs_storage::Db;
use wegwijs_storage::persons::{self, Cursor, ListQuery, RegisseurFilter, Richting};

use super::subject::Subject;

pub const PAGE: u32 = 100;

pub struct Pages {
    /// `na` cursors of pages 2..; page 1 has none.
    cursors: Vec<String>,
}

/// The list query of `GET /api/v1/personen?paginaGrootte=100&regisseur=alle` for this user.
pub fn api_query(cursor: Option<Cursor>) -> ListQuery {
    ListQuery {
        regisseur: RegisseurFilter::Alle,
        eigen_eerst: None,
        per_pagina: PAGE,
        pagina: 1,
        cursor: cursor.map(Richting::Na),
        ..ListQuery::default()
    }
}

impl Pages {
    pub async fn walk(db: &Db, subject: &Subject) -> anyhow::Result<Pages> {
        let scope = PersonScope::Gemeente(subject.gemeente);
        let mut cursors = Vec::new();
        let mut next: Option<Cursor> = None;
        loop {
            let page = persons::list(db, scope, &api_query(next.take())).await?;
            match page.volgende {
                Some(c) => {
                    cursors.push(c.encode());
                    next = Some(c);
                }
                None => break,
            }
        }
        Ok(Pages { cursors })
    }

    /// Only the first page (when no list scenario runs).
    pub fn empty() -> Pages {
        Pages { cursors: vec![] }
    }

    /// Pages in the list (at least 1).
    pub fn len(&self) -> usize {
        self.cursors.len() + 1
    }

    /// The cursor of page `i` (from 0), `None` for the first.
    pub fn cursor(&self, i: usize) -> Option<Cursor> {
        i.checked_sub(1)
            .and_then(|k| self.cursors.get(k))
            .and_then(|c| Cursor::decode(c))
    }

    /// The query string after `paginaGrootte=100` for page `i` (from 0).
    pub fn query(&self, i: usize) -> String {
        match i.checked_sub(1).and_then(|k| self.cursors.get(k)) {
            Some(c) => format!("&pagina={}&na={c}", i + 1),
            None => String::new(),
        }
    }
}
