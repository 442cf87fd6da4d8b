//! Searching the gemeente's verwerkingenlog (privacy officer): by person (name or BSN), user, action
//! and period, paged by keyset; and exporting the selection.
//!
//! A search by name or BSN first finds the persons of the viewer's own gemeente (with the same search
//! as the caseload, logged like it: kind of term, keyed hash, number of hits, never the term), then
//! filters the log by their ids. Each look at the log of a person is logged as `inzage_log_bekeken`
//! with that person's id, so it shows up in their own "wie heeft dit gezien".

use chrono::NaiveDate;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PersonRef, PersonScope, Resource, can};
use wegwijs_domain::clock::start_of_dutch_day;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::audit::AuditEntry;
use wegwijs_storage::audit_search::{self, LogFilter, LogPage, LogRichting, MAX_PERSONS};
use wegwijs_storage::persons::{self, ListQuery};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// Rows per page of the log.
pub const PAGE_SIZE: i64 = 100;

/// What the viewer asked for. Everything is optional: no filter is the whole gemeente's log.
/// No `Debug`: `persoon` is a name or a BSN.
#[derive(Clone, Default)]
pub struct LogQuery {
    /// A name or BSN (or V-nummer), matched like the caseload search.
    pub persoon: Option<String>,
    /// One person, e.g. from a link in the log.
    pub persoon_id: Option<PersonId>,
    pub gebruiker: Option<GebruikerId>,
    pub actie: Option<AuditAction>,
    /// Dutch calendar days, both inclusive.
    pub van: Option<NaiveDate>,
    pub tot: Option<NaiveDate>,
    pub richting: Option<LogRichting>,
}

/// A person a name or BSN search found (shown so the viewer can narrow down to one). No `Debug`.
#[derive(Clone)]
pub struct FoundPerson {
    pub id: PersonId,
    pub naam: String,
    pub geboortedatum: Option<NaiveDate>,
}

pub struct LogResult {
    pub page: LogPage,
    /// The persons the name/BSN search found (`None` without such a search).
    pub gevonden: Option<Vec<FoundPerson>>,
    /// More persons matched than the log can be filtered by at once.
    pub te_veel_personen: bool,
}

/// The filter's persons and the audit rows of the name search, if there was one.
struct Resolved {
    personen: Option<Vec<PersonId>>,
    gevonden: Option<Vec<FoundPerson>>,
    te_veel: bool,
    rows: Vec<AuditEntry>,
}

fn check_period(q: &LogQuery) -> AppResult<()> {
    if let (Some(van), Some(tot)) = (q.van, q.tot)
        && tot < van
    {
        let mut e = wegwijs_domain::validation::ValidationErrors::new();
        e.push(
            "tot",
            "out_of_range",
            "De einddatum ligt vóór de begindatum.",
        );
        return Err(AppError::Invalid(e));
    }
    Ok(())
}

fn filter(gemeente: OrganisatieId, q: &LogQuery, personen: Option<Vec<PersonId>>) -> LogFilter {
    LogFilter {
        gemeente,
        personen,
        gebruiker: q.gebruiker,
        actie: q.actie,
        van: q.van.map(start_of_dutch_day),
        tot: q.tot.and_then(|d| d.succ_opt()).map(start_of_dutch_day),
    }
}

/// Finds the persons meant by `q` in the viewer's gemeente.
async fn resolve(ctx: &Ctx<'_>, gemeente: OrganisatieId, q: &LogQuery) -> AppResult<Resolved> {
    let mut resolved = Resolved {
        personen: None,
        gevonden: None,
        te_veel: false,
        rows: Vec::new(),
    };
    if let Some(id) = q.persoon_id {
        // Checked before anything is searched or logged: another gemeente's person id would
        // otherwise be written into this gemeente's log ("personen: 1") and found there later.
        if persons::gemeente_of(&ctx.app.db, id).await? != Some(gemeente) {
            return Err(AppError::NotFound);
        }
        resolved.personen = Some(vec![id]);
    }
    let Some(term) = q
        .persoon
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return Ok(resolved);
    };
    let query = ListQuery {
        zoek: Some(term.to_string()),
        pagina: 1,
        per_pagina: u32::try_from(MAX_PERSONS).unwrap_or(50),
        ..ListQuery::default()
    };
    let page = persons::list(&ctx.app.db, PersonScope::Gemeente(gemeente), &query).await?;
    let now = ctx.now();
    resolved.rows.push(ctx.audit.entry(
        now,
        AuditAction::PersonSearched,
        Some(gemeente),
        None,
        Some(format!(
            "verwerkingenlog, {}",
            crate::persons::search_details(ctx, term, page.totaal)
        )),
    ));
    let found: Vec<FoundPerson> = page
        .items
        .iter()
        .map(|p| FoundPerson {
            id: p.person_id(),
            naam: [
                Some(p.voornamen.as_str()),
                p.tussenvoegsel.as_deref(),
                Some(p.geslachtsnaam.as_str()),
            ]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
            geboortedatum: p.geboortedatum,
        })
        .collect();
    // The list of matches shows names and birth dates: a disclosure of each, like a caseload row.
    for p in &found {
        resolved.rows.push(ctx.audit.entry(
            now,
            AuditAction::PersonListed,
            Some(gemeente),
            Some(p.id),
            Some("zoeken in verwerkingenlog".into()),
        ));
    }
    resolved.te_veel = page.totaal > found.len() as i64;
    let ids: Vec<PersonId> = found.iter().map(|p| p.id).collect();
    resolved.personen = Some(match resolved.personen {
        // Both a search and one person: that person if the search found them.
        Some(one) => one.into_iter().filter(|id| ids.contains(id)).collect(),
        None => ids,
    });
    resolved.gevonden = Some(found);
    Ok(resolved)
}

/// What the audit row of a look at the log says about the filter (never a search term).
pub(crate) fn describe(q: &LogQuery, personen: Option<usize>) -> String {
    let mut parts = Vec::new();
    if let Some(n) = personen {
        parts.push(format!("personen: {n}"));
    }
    if let Some(g) = q.gebruiker {
        parts.push(format!("gebruiker {g}"));
    }
    if let Some(a) = q.actie {
        parts.push(format!("handeling {}", a.code()));
    }
    if let Some(d) = q.van {
        parts.push(format!("van {d}"));
    }
    if let Some(d) = q.tot {
        parts.push(format!("tot en met {d}"));
    }
    if parts.is_empty() {
        "hele log".into()
    } else {
        parts.join("; ")
    }
}

/// The rows that record a look at (part of) the log: one for the look, and one per person whose log
/// was filtered for, so that person's own log shows it.
pub(crate) fn look_rows(
    ctx: &Ctx<'_>,
    gemeente: OrganisatieId,
    personen: Option<&[PersonId]>,
    details: String,
) -> Vec<AuditEntry> {
    let now = ctx.now();
    let mut rows = vec![ctx.audit.entry(
        now,
        AuditAction::AuditRead,
        Some(gemeente),
        None,
        Some(details.clone()),
    )];
    for p in personen.unwrap_or_default() {
        rows.push(ctx.audit.entry(
            now,
            AuditAction::AuditRead,
            Some(gemeente),
            Some(*p),
            Some(details.clone()),
        ));
    }
    rows
}

/// Whether the viewer may see who the persons in the log are (names are personal data).
pub fn names_visible(ctx: &Ctx<'_>, gemeente: OrganisatieId) -> bool {
    can(
        ctx.actor,
        Action::AuditViewPerson,
        Resource::Person(PersonRef {
            gemeente_id: gemeente,
            regisseur_id: None,
        }),
    )
    .is_allowed()
}

/// One page of the gemeente's log for `q`. The look is logged before anything is returned.
pub async fn search(ctx: &Ctx<'_>, q: &LogQuery) -> AppResult<LogResult> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewGemeente)?;
    check_period(q)?;
    let resolved = resolve(ctx, gemeente, q).await?;
    let f = filter(gemeente, q, resolved.personen.clone());
    let mut page = audit_search::search(&ctx.app.db, &f, q.richting, PAGE_SIZE).await?;
    if !names_visible(ctx, gemeente) {
        page.rows.iter_mut().for_each(|r| r.persoon_naam = None);
    }
    let mut rows = resolved.rows;
    rows.extend(look_rows(
        ctx,
        gemeente,
        resolved.personen.as_deref(),
        describe(q, resolved.personen.as_ref().map(Vec::len)),
    ));
    ctx.app.audit.record(rows).await?;
    Ok(LogResult {
        page,
        gevonden: resolved.gevonden,
        te_veel_personen: resolved.te_veel,
    })
}

/// An export holds at most this many rows; a larger selection is narrowed by period first.
pub const EXPORT_MAX: usize = 100_000;

/// The rows of an export and whether the name search matched more persons than it covers.
pub struct ExportRows {
    pub rows: Vec<audit_search::LogRow>,
    /// The search matched more than [`MAX_PERSONS`] persons; only the first ones' rows are in it.
    pub te_veel_personen: bool,
}

/// All rows of the selection (newest first, at most [`EXPORT_MAX`]), for the CSV export. The export is
/// logged like a look, marked as an export with its size.
pub async fn export_rows(ctx: &Ctx<'_>, q: &LogQuery) -> AppResult<ExportRows> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewGemeente)?;
    check_period(q)?;
    let resolved = resolve(ctx, gemeente, q).await?;
    let f = filter(gemeente, q, resolved.personen.clone());
    let mut all = Vec::new();
    let mut from = None;
    // Keyset batches: each one an index range, however deep the export goes.
    loop {
        let page = audit_search::search(&ctx.app.db, &f, from, 1_000).await?;
        all.extend(page.rows);
        match page.volgende {
            Some(c) if all.len() < EXPORT_MAX => from = Some(LogRichting::Na(c)),
            _ => break,
        }
    }
    all.truncate(EXPORT_MAX);
    if !names_visible(ctx, gemeente) {
        all.iter_mut().for_each(|r| r.persoon_naam = None);
    }
    let mut rows = resolved.rows;
    let details = format!(
        "export csv, {} rijen; {}",
        all.len(),
        describe(q, resolved.personen.as_ref().map(Vec::len))
    );
    rows.extend(look_rows(
        ctx,
        gemeente,
        resolved.personen.as_deref(),
        details,
    ));
    ctx.app.audit.record(rows).await?;
    Ok(ExportRows {
        rows: all,
        te_veel_personen: resolved.te_veel,
    })
}

/// The gemeente's staff, to choose "what did this user do" from (names of colleagues, no personal data
/// of inburgeraars).
pub async fn staff(ctx: &Ctx<'_>) -> AppResult<Vec<(GebruikerId, String)>> {
    let gemeente = ctx.require_in_own_gemeente(Action::AuditViewGemeente)?;
    let users = wegwijs_storage::users::list_by_organisation(&ctx.app.db, gemeente).await?;
    Ok(users.into_iter().map(|u| (u.id, u.naam)).collect())
}
