//! The QR code of an otpauth URL, drawn by the server as inline SVG: no image service sees the secret,
//! and the page needs no script or extra request (the CSP allows neither).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use wegwijs_app::error::AppError;

/// The `<svg>` element (without XML prologue) for `data`, labelled for screen readers. `label` is
/// fixed text of ours (it goes into an attribute unescaped).
pub fn svg(data: &str, label: &'static str) -> Result<String, AppError> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
        .map_err(|e| AppError::Internal(format!("qr: {e}")))?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg").unwrap_or(0);
    Ok(image[start..].replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr\" "),
        1,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_svg_is_inline_and_labelled() {
        let s = super::svg(
            "otpauth://totp/Wegwijs:a%40b.test?secret=JBSWY3DPEHPK3PXP",
            "QR-code",
        )
        .expect("svg");
        assert!(
            s.starts_with("<svg role=\"img\" aria-label=\"QR-code\""),
            "{s}"
        );
        assert!(s.ends_with("</svg>") && !s.contains("<?xml"));
    }
}
