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
    /// A PIP beschikking with its plain-Dutch summary (see `crate::beschikking`).
    Beschikking,
}

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::Inzage => include_str!("../templates/inzage.typ"),
            Template::Beschikking => include_str!("../templates/beschikking.typ"),
        }
    }

    /// The explanation printed when a text had to be transliterated (see `fit`).
    fn font_note(self) -> &'static str {
        match self {
            Template::Inzage => crate::fit::NOTE,
            Template::Beschikking => crate::fit::NOTE_BESCHIKKING,
        }
    }
}

/// Why a PDF could not be made. Only the kind and a count: Typst's messages quote the text that
/// failed (a name, say), and these errors end up in the server log, where no personal data goes.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template did not compile or lay out with this data: a bug in the template, never the
    /// user's fault (the data is only ever read as JSON).
    #[error("template {0:?}: {1} fout(en) bij het opmaken")]
    Template(Template, usize),
    /// The laid-out document could not be written as PDF/A (e.g. a glyph still missing).
    #[error("template {0:?}: {1} fout(en) bij het schrijven van de PDF")]
    Export(Template, usize),
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
    let data_json =
        crate::fit::fit_json(crate::world::font_book(), data_json, template.font_note());
    let world = DocWorld::new(template.source(), data_json, today);
    let doc: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errs| PdfError::Template(template, errs.len()))?;
    let standards =
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|_| PdfError::Export(template, 1))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(today)),
        standards,
        ..Default::default()
    };
    typst_pdf::pdf(&doc, &options).map_err(|errs| PdfError::Export(template, errs.len()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample(naam: &str) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "titel": "Inzage", "kenmerk": "inzage-1", "gemeente": "Weert", "inleiding": "Tekst",
            "opgesteld_op": "1 december 2026, 10:00", "opgesteld_door": "Privacy",
            "persoon": {"id": "1", "naam": naam, "geboortedatum": "niet bekend"},
            "gegevens": [{"veld": "Voornamen", "waarde": naam}],
            "huishouden": [{"naam": naam, "rol": "Partner"}],
            "categorieen": ["Naam en identificatie"],
            "doelen": [{"naam": "Regie", "grondslag": "Wet", "uitleg": "Uitleg"}],
            "herkomst": ["De gemeente"],
            "ontvangers": "Niemand", "bewaartermijn": "Lang",
            "rechten": [{"recht": "Rectificatie", "uitleg": "Uitleg"}],
            "klacht": "AP", "contact": "FG",
            "verwerkingen_inleiding": "1 keer",
            "verwerkingen": [{"tijdstip": "1 december 2026, 10:00", "wie": naam, "organisatie": "Weert",
              "handeling": "Ingezien", "toelichting": naam, "bron": "Wegwijs (scherm)"}]
        }))
        .expect("json")
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

    /// Names in scripts the embedded fonts lack (Ge'ez, CJK, emoji) in every place a name can be:
    /// the person, a household member, a staff member. The PDF is made, the name transliterated and
    /// marked, the explanation printed once.
    #[test]
    fn a_name_the_fonts_cannot_show_never_makes_the_pdf_fail() {
        for naam in ["ሰምሃር ተስፋይ", "王秀英", "Amal 😀", "Ασμερόμ ፌቨን"]
        {
            let pdf = render_pdf(Template::Inzage, sample(naam), "inzage-1", now())
                .unwrap_or_else(|e| panic!("{naam}: {e}"));
            assert!(pdf.starts_with(b"%PDF-"), "{naam}");
        }
    }

    #[test]
    fn an_error_names_its_kind_never_the_data() {
        // A template error in data that holds a name: the message says what failed, not the text.
        let naam = "Zoekmans";
        let broken = format!(r#"{{"titel": "{naam}"}}"#).into_bytes();
        let err = render_pdf(Template::Inzage, broken, "x", now()).expect_err("incomplete data");
        let text = format!("{err} {err:?}");
        assert!(!text.contains(naam), "{text}");
    }

    #[test]
    fn data_that_is_not_json_is_an_error_not_a_panic() {
        let err = render_pdf(Template::Inzage, b"{niet json".to_vec(), "x", now());
        assert!(matches!(err, Err(PdfError::Template(..))));
    }
}
