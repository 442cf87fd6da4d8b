//! The PIP beschikking (Wet inburgering 2021 art. 15) as a PDF/A-2b letter: the formal decision with
//! its bezwaar clause, and as its last page a summary in plain Dutch (A2).
//!
//! The data goes to `templates/beschikking.typ` as JSON, never as markup (see the crate docs), so a
//! name like `#panic()` or `*vet*` prints as written.

mod data;

use serde::Serialize;

pub use data::{
    Activiteit, BeschikkingData, Contactpersoon, Doel, EigenVisie, Geadresseerde, Gemeente,
    Leerroute, Onderdeel, Ondertekenaar, Termijn, Vervanging, Voorwaarden,
};

use crate::pdf::{PdfError, Template, render_pdf};

/// Why a beschikking could not be made. Like [`PdfError`], it names the kind of failure only, never
/// the data.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("de gegevens van de beschikking konden niet als JSON worden geschreven")]
    Data(#[source] serde_json::Error),
    #[error("de PDF van de beschikking kon niet worden gemaakt")]
    Pdf(#[source] PdfError),
}

/// Which parts of the letter the template prints.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Onderdelen {
    /// The formal letter and the summary as its last page.
    BriefEnSamenvatting,
    /// The summary page alone (to hand over in a conversation).
    Samenvatting,
}

/// What the template reads as `/data.json`: the data and the parts to print.
#[derive(Serialize)]
struct Invoer<'a> {
    onderdelen: Onderdelen,
    #[serde(flatten)]
    data: &'a BeschikkingData,
}

/// The beschikking letter with its plain-Dutch summary as the last page: one PDF/A-2b document.
/// Same data, same bytes.
pub fn beschikking_pdf(data: &BeschikkingData) -> Result<Vec<u8>, DocumentError> {
    render(data, Onderdelen::BriefEnSamenvatting, "beschikking")
}

/// Only the one-page summary in plain Dutch, PDF/A-2b.
pub fn samenvatting_pdf(data: &BeschikkingData) -> Result<Vec<u8>, DocumentError> {
    render(data, Onderdelen::Samenvatting, "samenvatting")
}

fn render(
    data: &BeschikkingData,
    onderdelen: Onderdelen,
    soort: &str,
) -> Result<Vec<u8>, DocumentError> {
    let json = serde_json::to_vec(&Invoer { onderdelen, data }).map_err(DocumentError::Data)?;
    // The kenmerk and version identify the document (the PDF's /ID); no name goes in.
    let ident = format!("pip-{soort}-{}-v{}", data.kenmerk, data.versie);
    render_pdf(Template::Beschikking, json, &ident, data.gemaakt_op).map_err(DocumentError::Pdf)
}
