//! `/personen/{id}/verwerkingen`: who saw or changed this record (teamleider, privacy officer).
//!
//! Written for people, not for auditors: a run of "shown in a list" rows by the same user on the same
//! day is one line ("Getoond in een overzicht, 12 keer"), and the technical columns (request id,
//! source) sit in a details element per row. The CSV export and the inzage export keep every row.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use serde::Deserialize;
use uuid::Uuid;
use wegwijs_app::model::{AuditRecord, LogCursor, LogRichting, LogRow};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Role};
use wegwijs_domain::ids::PersonId;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::{PagePath, PageQuery};
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, tijdstip};
use crate::state::AppState;
use wegwijs_app::audit_view;

pub struct AuditRow {
    pub tijdstip: String,
    pub gebruiker: String,
    pub organisatie: String,
    pub handeling: &'static str,
    /// How many log rows this line stands for (a grouped run of list views), 1 otherwise.
    pub aantal: usize,
    /// The earliest time of a grouped run.
    pub tijdstip_van: Option<String>,
    pub details: String,
    pub grondslag: String,
    pub bron: String,
    pub trace_id: String,
    pub persoon_naam: Option<String>,
    pub persoon_href: Option<String>,
}

impl From<AuditRecord> for AuditRow {
    fn from(r: AuditRecord) -> Self {
        AuditRow {
            tijdstip: tijdstip(r.tijdstip),
            gebruiker: r.gebruiker_naam.unwrap_or_else(|| "systeem".into()),
            organisatie: r.organisatie_naam.unwrap_or_default(),
            handeling: r.actie.label(),
            aantal: 1,
            tijdstip_van: None,
            details: r
                .details
                .as_deref()
                .map(crate::pages::audit_text::for_people)
                .unwrap_or_default(),
            grondslag: r.grondslag,
            bron: r.bron,
            trace_id: r.trace_id,
            persoon_naam: None,
            persoon_href: r
                .persoon_id
                .map(|p| format!("/verwerkingen?persoon_id={p}")),
        }
    }
}

impl AuditRow {
    pub fn from_log_row(r: LogRow) -> AuditRow {
        let naam = r.persoon_naam;
        AuditRow {
            persoon_naam: naam,
            ..AuditRow::from(r.record)
        }
    }
}

/// Folds runs of list views (same user, same Dutch day, consecutive in the log) into one line. The
/// user by id: two colleagues may share a display name.
pub fn group_list_views(rows: Vec<LogRow>) -> Vec<AuditRow> {
    type Key = (Option<wegwijs_domain::ids::GebruikerId>, chrono::NaiveDate);
    let mut out: Vec<(AuditRow, Option<Key>)> = Vec::new();
    for r in rows {
        let key = (r.record.actie == AuditAction::PersonListed).then(|| {
            (
                r.gebruiker_id,
                wegwijs_domain::clock::dutch_date(r.record.tijdstip),
            )
        });
        if let (Some(k), Some((last, Some(last_key)))) = (&key, out.last_mut())
            && k == last_key
        {
            // Newest first: this row is older than the line's rows so far.
            last.aantal += 1;
            last.tijdstip_van = Some(tijdstip(r.record.tijdstip));
            continue;
        }
        out.push((AuditRow::from_log_row(r), key));
    }
    out.into_iter().map(|(row, _)| row).collect()
}

#[derive(Template)]
#[template(path = "audit_list.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub heading: String,
    pub intro: String,
    pub rows: Vec<AuditRow>,
    pub next: Option<String>,
    pub prev: Option<String>,
    pub back_href: Option<String>,
    /// Whom the page is about (name, birth date, masked BSN), shown above the export.
    pub betreft: Option<Betreft>,
    /// Privacy officer: back to the log search, filtered on this person.
    pub search_href: Option<String>,
    /// Privacy officer: the CSV of this person's log and the inzage export.
    pub export_href: Option<String>,
    pub inzage_action: Option<String>,
}

pub struct Betreft {
    pub naam: String,
    pub geboortedatum: String,
    pub bsn: String,
}

#[derive(Deserialize)]
pub struct CursorQuery {
    pub na: Option<String>,
    pub voor: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    PageQuery(q): PageQuery<CursorQuery>,
) -> Result<Response, PageError> {
    let richting = match (
        q.na.as_deref().and_then(LogCursor::decode),
        q.voor.as_deref().and_then(LogCursor::decode),
    ) {
        (Some(c), _) => Some(LogRichting::Na(c)),
        (None, Some(c)) => Some(LogRichting::Voor(c)),
        (None, None) => None,
    };
    let ctx = signed.ctx(&state);
    let audit_view::PersonLog { page, subject } =
        audit_view::person_page(&ctx, PersonId(id), richting).await?;
    let base = format!("/personen/{id}/verwerkingen");
    let may_export = ctx.require_in_own_gemeente(Action::InzageExport).is_ok();
    Ok(render(&AuditPage {
        layout: Layout::new(&signed, nonce, "Wie heeft dit dossier gezien", ""),
        heading: "Wie heeft dit dossier gezien of gewijzigd".into(),
        intro: "Elke keer dat iemand de gegevens van deze persoon opent, in een lijst ziet of wijzigt, staat hier, \
                nieuwste eerst. Ook het bekijken van deze lijst wordt vastgelegd."
            .into(),
        next: page
            .volgende
            .map(|c| format!("{base}?na={}", c.encode())),
        prev: page.vorige.map(|c| format!("{base}?voor={}", c.encode())),
        rows: group_list_views(page.rows),
        betreft: Some(Betreft {
            naam: subject.naam,
            geboortedatum: crate::pages::datum(subject.geboortedatum),
            bsn: subject
                .bsn_gemaskeerd
                .unwrap_or_else(|| "niet bekend".into()),
        }),
        search_href: ctx
            .require_in_own_gemeente(Action::AuditViewGemeente)
            .is_ok()
            .then(|| format!("/verwerkingen?persoon_id={id}")),
        back_href: signed
            .actor
            .has(Role::Teamleider)
            .then(|| format!("/personen/{id}")),
        export_href: may_export.then(|| format!("/verwerkingen/export.csv?persoon_id={id}")),
        inzage_action: may_export.then(|| format!("/personen/{id}/inzage")),
    }))
}
