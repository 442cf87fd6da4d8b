//! `/verwerkingen`: the privacy officer's search in the gemeente's verwerkingenlog (by person, user,
//! action and period, newest first, keyset pages) and `/verwerkingen/export.csv`, the same selection as
//! a file.

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use wegwijs_app::log_search::{self, FoundPerson, LogQuery};
use wegwijs_app::model::{LogCursor, LogRichting};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::ids::{GebruikerId, PersonId};

use super::forms::SelectOption;
use super::person::audit::AuditRow;
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, render_status};
use crate::state::AppState;

/// The form as typed. No `Debug`: `persoon` is a name or a BSN.
#[derive(Default, Deserialize)]
pub struct LogForm {
    pub persoon: Option<String>,
    pub persoon_id: Option<String>,
    pub gebruiker: Option<String>,
    pub handeling: Option<String>,
    pub van: Option<String>,
    pub tot: Option<String>,
    /// Cursor of the next (older) page.
    pub na: Option<String>,
    /// Cursor of the previous (newer) page.
    pub voor: Option<String>,
}

/// A refused field: its id (the summary links to it) and the Dutch message.
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn filled(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn date(
    field: &'static str,
    s: &Option<String>,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let v = filled(s)?;
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError {
                field,
                message: "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-03-01.".into(),
            });
            None
        }
    }
}

/// A `persoon_id` that is not an id: it comes from a link, so the link is wrong; the whole log is
/// not what was asked for.
fn bad_person_link() -> PageError {
    PageError(wegwijs_app::error::AppError::BadRequest(
        "De link naar deze persoon klopt niet. Zoek de persoon opnieuw op naam of BSN.".into(),
    ))
}

fn malformed_person_id(f: &LogForm) -> bool {
    filled(&f.persoon_id).is_some_and(|s| s.parse::<uuid::Uuid>().is_err())
}

/// The query, or the fields that were refused (never echoing what was typed).
fn parse(f: &LogForm) -> (LogQuery, Vec<FieldError>) {
    let mut errors = Vec::new();
    let persoon = match filled(&f.persoon).map(wegwijs_domain::validation::search_term) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(m)) => {
            errors.push(FieldError {
                field: "persoon",
                message: m,
            });
            None
        }
    };
    // Ids and codes come from links and select lists; a wrong one was not typed by a person.
    let persoon_id = filled(&f.persoon_id)
        .and_then(|s| s.parse().ok())
        .map(PersonId);
    let gebruiker = match filled(&f.gebruiker) {
        None => None,
        Some(s) => match s.parse() {
            Ok(id) => Some(GebruikerId(id)),
            Err(_) => {
                errors.push(FieldError {
                    field: "gebruiker",
                    message: "Kies een medewerker uit de lijst.".into(),
                });
                None
            }
        },
    };
    let actie = match filled(&f.handeling) {
        None => None,
        Some(s) => match AuditAction::parse(s) {
            Some(a) => Some(a),
            None => {
                errors.push(FieldError {
                    field: "handeling",
                    message: "Kies een handeling uit de lijst.".into(),
                });
                None
            }
        },
    };
    let van = date("van", &f.van, &mut errors);
    let tot = date("tot", &f.tot, &mut errors);
    if let (Some(v), Some(t)) = (van, tot)
        && t < v
    {
        errors.push(FieldError {
            field: "tot",
            message: "De einddatum ligt vóór de begindatum.".into(),
        });
    }
    let richting = match (
        filled(&f.na).and_then(LogCursor::decode),
        filled(&f.voor).and_then(LogCursor::decode),
    ) {
        (Some(c), _) => Some(LogRichting::Na(c)),
        (None, Some(c)) => Some(LogRichting::Voor(c)),
        (None, None) => None,
    };
    let q = LogQuery {
        persoon,
        persoon_id,
        gebruiker,
        actie,
        van,
        tot,
        richting,
    };
    (q, errors)
}

/// The query string of the filters (without a cursor), for links and the export.
fn filter_pairs(q: &LogQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(p) = &q.persoon {
        pairs.push(("persoon", p.clone()));
    }
    if let Some(p) = q.persoon_id {
        pairs.push(("persoon_id", p.to_string()));
    }
    if let Some(g) = q.gebruiker {
        pairs.push(("gebruiker", g.to_string()));
    }
    if let Some(a) = q.actie {
        pairs.push(("handeling", a.code().to_string()));
    }
    if let Some(d) = q.van {
        pairs.push(("van", d.to_string()));
    }
    if let Some(d) = q.tot {
        pairs.push(("tot", d.to_string()));
    }
    pairs
}

fn href(
    path: &str,
    mut pairs: Vec<(&'static str, String)>,
    extra: Option<(&'static str, String)>,
) -> String {
    pairs.extend(extra);
    if pairs.is_empty() {
        return path.to_string();
    }
    format!(
        "{path}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

pub struct FoundRow {
    pub naam: String,
    pub geboortedatum: String,
    pub href: String,
    pub log_href: String,
}

#[derive(Template)]
#[template(path = "audit_search.html")]
pub struct LogSearchPage {
    pub layout: Layout,
    pub errors: Vec<FieldError>,
    pub persoon: String,
    pub persoon_fout: Option<String>,
    pub gebruikers: Vec<SelectOption>,
    pub handelingen: Vec<SelectOption>,
    pub van: String,
    pub tot: String,
    pub van_fout: Option<String>,
    pub tot_fout: Option<String>,
    pub gevonden: Option<Vec<FoundRow>>,
    pub te_veel_personen: bool,
    pub filter_persoon_id: bool,
    pub rows: Vec<AuditRow>,
    pub status: String,
    pub next: Option<String>,
    pub prev: Option<String>,
    pub export_href: String,
}

fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

fn found_rows(found: &[FoundPerson], q: &LogQuery) -> Vec<FoundRow> {
    found
        .iter()
        .map(|p| {
            let mut pairs = filter_pairs(&LogQuery {
                persoon: None,
                persoon_id: None,
                ..q.clone()
            });
            pairs.insert(0, ("persoon_id", p.id.to_string()));
            FoundRow {
                naam: p.naam.clone(),
                geboortedatum: datum(p.geboortedatum),
                href: href("/verwerkingen", pairs, None),
                log_href: format!("/personen/{}/verwerkingen", p.id),
            }
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(form): PageQuery<LogForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let (q, errors) = parse(&form);
    // Staff names first: it is also the access check, so a refused role learns nothing else.
    let staff = log_search::staff(&ctx).await?;
    if malformed_person_id(&form) {
        return Err(bad_person_link());
    }
    let result = if errors.is_empty() {
        Some(log_search::search(&ctx, &q).await?)
    } else {
        None
    };
    let pairs = filter_pairs(&q);
    let gebruikers = std::iter::once(SelectOption {
        value: String::new(),
        label: "Alle medewerkers".into(),
        selected: q.gebruiker.is_none(),
    })
    .chain(staff.into_iter().map(|(id, naam)| SelectOption {
        selected: q.gebruiker == Some(id),
        value: id.to_string(),
        label: naam,
    }))
    .collect();
    let handelingen = std::iter::once(SelectOption {
        value: String::new(),
        label: "Alle handelingen".into(),
        selected: q.actie.is_none(),
    })
    .chain(AuditAction::ALL.iter().map(|a| SelectOption {
        selected: q.actie == Some(*a),
        value: a.code().to_string(),
        label: a.label().to_string(),
    }))
    .collect();
    let (rows, next, prev, gevonden, te_veel, status) = match result {
        None => (
            vec![],
            None,
            None,
            None,
            false,
            "De zoekopdracht bevat fouten.".to_string(),
        ),
        Some(r) => {
            let next = r
                .page
                .volgende
                .map(|c| href("/verwerkingen", pairs.clone(), Some(("na", c.encode()))));
            let prev = r
                .page
                .vorige
                .map(|c| href("/verwerkingen", pairs.clone(), Some(("voor", c.encode()))));
            let n = r.page.rows.len();
            let status = match n {
                0 => "Geen verwerkingen gevonden.".to_string(),
                1 => "1 verwerking op deze pagina.".to_string(),
                n => format!("{n} verwerkingen op deze pagina."),
            };
            let gevonden = r.gevonden.as_deref().map(|f| found_rows(f, &q));
            let rows = r
                .page
                .rows
                .into_iter()
                .map(AuditRow::from_log_row)
                .collect();
            (rows, next, prev, gevonden, r.te_veel_personen, status)
        }
    };
    let code = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok(render_status(
        code,
        &LogSearchPage {
            layout: Layout::new(&signed, nonce, "Verwerkingenlog", "/verwerkingen"),
            persoon_fout: error_for(&errors, "persoon"),
            van_fout: error_for(&errors, "van"),
            tot_fout: error_for(&errors, "tot"),
            // A refused term is not shown again.
            persoon: q.persoon.clone().unwrap_or_default(),
            van: q.van.map(|d| d.to_string()).unwrap_or_default(),
            tot: q.tot.map(|d| d.to_string()).unwrap_or_default(),
            errors,
            gebruikers,
            handelingen,
            gevonden,
            te_veel_personen: te_veel,
            filter_persoon_id: q.persoon_id.is_some(),
            rows,
            status,
            next,
            prev,
            export_href: href("/verwerkingen/export.csv", pairs, None),
        },
    ))
}

/// `/verwerkingen/export.csv`: the selection (without paging) as a CSV file for Dutch Excel.
pub async fn export(
    State(state): State<AppState>,
    signed: SignedIn,
    PageQuery(form): PageQuery<LogForm>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let (q, errors) = parse(&form);
    if malformed_person_id(&form) {
        // The access check first, as on the page.
        log_search::staff(&ctx).await?;
        return Err(bad_person_link());
    }
    if let Some(e) = errors.first() {
        return Err(PageError(wegwijs_app::error::AppError::BadRequest(
            e.message.clone(),
        )));
    }
    let q = LogQuery {
        richting: None,
        ..q
    };
    let export = log_search::export_rows(&ctx, &q).await?;
    let bytes = wegwijs_app::log_csv::to_csv(&export.rows, export.te_veel_personen)?;
    let name = format!(
        "verwerkingen-{}.csv",
        wegwijs_domain::clock::dutch_date(ctx.now())
    );
    Ok((
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}
