//! A ZIP of named files, stored without compression: the files are small (JSON, a PDF that is already
//! compressed) and a stored ZIP needs no compression library in the build.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

#[derive(Debug, thiserror::Error)]
#[error("zip: {0}")]
pub struct ZipError(String);

/// The archive bytes holding `files` (name, contents) in the given order.
pub fn zip(files: &[(&str, &[u8])]) -> Result<Vec<u8>, ZipError> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    // A fixed date (the ZIP default, 1980-01-01) keeps the archive reproducible; the files carry
    // their own dates.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .unix_permissions(0o644);
    for (name, contents) in files {
        w.start_file(*name, options)
            .map_err(|e| ZipError(e.to_string()))?;
        w.write_all(contents).map_err(|e| ZipError(e.to_string()))?;
    }
    let cursor = w.finish().map_err(|e| ZipError(e.to_string()))?;
    Ok(cursor.into_inner())
}
