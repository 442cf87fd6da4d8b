//! Documents Wegwijs produces as files: the inzage export of one person (AVG art. 15) now, the PIP
//! beschikking letters later.
//!
//! PDFs are made with Typst as a library. A template is Typst source reviewed like code
//! (`templates/*.typ`); the data reaches it **only** as a virtual `/data.json` read with `json()`, where
//! strings stay text. Nothing from users or the database is ever formatted into Typst source, so a name
//! such as `#sys.exit()` or `*vet*` prints as written.

mod pdf;
mod world;
mod zip_file;

pub use pdf::{PdfError, Template, render_pdf};
pub use zip_file::{ZipError, zip};
