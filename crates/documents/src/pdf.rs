//! Data in, PDF/A-2b out.

use chrono::{DateTime, Datelike, Timelike, Utc};
use typst::foundations::{Datetime, Smart};
use typst::layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::world::DocWorld;

/// The documents there are. Each is Typst source in `templates/`, compiled into the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// Everything Wegwijs holds about one person and who processed it (AVG art. 15).
    Inzage,
}

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::Inzage => include_str!("../templates/inzage.typ"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template did not compile or lay out with this data: a bug in the template, never the
    /// user's fault (the data is only ever read as JSON).
    #[error("template {0:?}: {1}")]
    Template(Template, String),
    #[error("tijdstip buiten bereik")]
    Timestamp,
}

/// Renders `template` with `data_json` (UTF-8 JSON, read by the template as `/data.json`).
/// `ident` names the document in the PDF (stable across runs: same data, same bytes); `now` is its
/// creation date, which PDF/A requires.
pub fn render_pdf(
    template: Template,
    data_json: Vec<u8>,
    ident: &str,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, PdfError> {
    let today = to_datetime(now).ok_or(PdfError::Timestamp)?;
    let world = DocWorld::new(template.source(), data_json, today);
    let doc: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errs| PdfError::Template(template, diagnostics(&errs)))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| PdfError::Template(template, e.to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        timestamp: Some(Timestamp::new_utc(today)),
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|errs| PdfError::Template(template, diagnostics(&errs)))
}

fn to_datetime(t: DateTime<Utc>) -> Option<Datetime> {
    Datetime::from_ymd_hms(
        t.year(),
        u8::try_from(t.month()).ok()?,
        u8::try_from(t.day()).ok()?,
        u8::try_from(t.hour()).ok()?,
        u8::try_from(t.minute()).ok()?,
        u8::try_from(t.second()).ok()?,
    )
}

fn diagnostics(errs: &[typst::diag::SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
