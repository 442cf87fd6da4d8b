//! Documents Wegwijs produces as files: the inzage export of one person (AVG art. 15) and the PIP
//! beschikking letter with its plain-Dutch summary (`beschikking`).
//!
//! PDFs are made with Typst as a library. A template is Typst source reviewed like code
//! (`templates/*.typ`); the data reaches it **only** as a virtual `/data.json` read with `json()`, where
//! strings stay text. Nothing from users or the database is ever formatted into Typst source, so a name
//! such as `#sys.exit()` or `*vet*` prints as written.
//!
//! A name never makes a PDF fail: text the embedded fonts cannot show is printed transliterated and
//! marked (see `fit`). Errors carry only their kind, never the text of the data, so no name reaches a
//! log.

pub mod beschikking;
mod fit;
mod pdf;
mod world;
mod zip_file;

pub use beschikking::{BeschikkingData, DocumentError, beschikking_pdf, samenvatting_pdf};
pub use fit::NOTE as FONT_NOTE;
pub use pdf::{PdfError, Template, render_pdf};
pub use zip_file::{ZipError, zip};
