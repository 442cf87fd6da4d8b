//! Data in, PDF/A-2b out.

use chrono::{DateTime, Datelike, Timelike, Utc};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
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
        .map_err(|e| PdfError::Template(template, e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample(naam: &str) -> Vec<u8> {
        let naam = naam.replace('\\', "\\\\").replace('"', "\\\"");
        format!(
            r#"{{"titel": "Inzage", "kenmerk": "inzage-1", "gemeente": "Weert", "inleiding": "Tekst",
            "opgesteld_op": "2026-12-01 10:00:00", "opgesteld_door": "Privacy",
            "persoon": {{"id": "1", "naam": "{naam}"}},
            "gegevens": [{{"veld": "Voornamen", "waarde": "{naam}"}}],
            "huishouden": [{{"naam": "Lid", "rol": "Partner", "geboortedatum": ""}}],
            "activiteiten": [{{"naam": "Regie", "grondslag": "Wet"}}],
            "verwerkingen_inleiding": "1 keer",
            "verwerkingen": [{{"tijdstip": "2026-12-01 10:00:00", "wie": "{naam}", "organisatie": "Weert",
              "handeling": "Ingezien", "bron": "ui"}}]}}"#
        )
        .into_bytes()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("time")
    }

    #[test]
    fn renders_a_deterministic_pdf_and_typst_markup_in_data_stays_text() {
        // Markup, code and a closing bracket in data: read by json(), so never evaluated.
        let hostile = "#sys.exit() *vet* ] #panic(\"x\") $x$ <label> @ref";
        let a = render_pdf(Template::Inzage, sample(hostile), "inzage-1", now()).expect("pdf");
        assert!(a.starts_with(b"%PDF-"));
        let b = render_pdf(Template::Inzage, sample(hostile), "inzage-1", now()).expect("pdf");
        assert_eq!(a, b, "same data, same bytes");
        assert!(
            a.windows(b"pdfaid:part".len()).any(|w| w == b"pdfaid:part"),
            "PDF/A metadata"
        );
    }

    #[test]
    fn data_that_is_not_json_is_an_error_not_a_panic() {
        let err = render_pdf(Template::Inzage, b"{niet json".to_vec(), "x", now());
        assert!(matches!(err, Err(PdfError::Template(..))));
    }
}
