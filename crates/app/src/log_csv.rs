//! The log selection as CSV for Dutch Excel: `;` as separator (Dutch Excel reads `,` as the decimal
//! comma), a UTF-8 byte order mark (without it Excel reads "Çelik" as "Ã‡elik"), and every cell that
//! Excel would run as a formula neutralised.

use wegwijs_domain::clock::dutch_time;
use wegwijs_storage::audit_search::LogRow;

use crate::error::{AppError, AppResult};

const BOM: &[u8] = b"\xEF\xBB\xBF";

const HEADER: [&str; 13] = [
    "Tijdstip",
    "Gebruiker",
    "Organisatie",
    "Handeling",
    "Omschrijving",
    "Persoon",
    "Persoon-id",
    "Toelichting",
    "Verwerkingsactiviteit",
    "Grondslag",
    "Via",
    "Verzoek-id",
    "Log-id",
];

/// A cell Excel or LibreOffice would read as a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before one) gets a leading `'`, which makes it text (OWASP "CSV injection"). Names and
/// free text from the log can hold anything a user once typed.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The first line of a CSV whose name search matched more persons than an export covers: a file
/// that silently holds only part of what was asked for would be read as complete.
pub const INCOMPLETE: &str = "LET OP: de zoekterm past op meer dan 50 personen; dit bestand bevat      alleen de verwerkingen van de eerste 50. Maak de zoekterm nauwkeuriger.";

/// The CSV bytes of `rows`, header first (after the [`INCOMPLETE`] line when `incomplete`).
pub fn to_csv(rows: &[LogRow], incomplete: bool) -> AppResult<Vec<u8>> {
    let mut out = BOM.to_vec();
    if incomplete {
        out.extend_from_slice(INCOMPLETE.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let fail = |e: csv::Error| AppError::Internal(format!("csv: {e}"));
        w.write_record(HEADER).map_err(fail)?;
        for r in rows {
            let a = &r.record;
            let cells = [
                dutch_time(a.tijdstip),
                a.gebruiker_naam.clone().unwrap_or_else(|| "systeem".into()),
                a.organisatie_naam.clone().unwrap_or_default(),
                a.actie.code().to_string(),
                a.actie.label().to_string(),
                r.persoon_naam.clone().unwrap_or_default(),
                a.persoon_id.map(|p| p.to_string()).unwrap_or_default(),
                a.details.clone().unwrap_or_default(),
                a.verwerkingsactiviteit.clone(),
                a.grondslag.clone(),
                a.bron.clone(),
                a.trace_id.clone(),
                a.id.to_string(),
            ];
            w.write_record(cells.iter().map(|c| neutralise(c)))
                .map_err(fail)?;
        }
        w.flush()
            .map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_become_text_and_other_cells_stay() {
        assert_eq!(neutralise("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(neutralise("+31 6"), "'+31 6");
        assert_eq!(neutralise("-2"), "'-2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        assert_eq!(neutralise("Çelik"), "Çelik");
        assert_eq!(neutralise(""), "");
    }
}
