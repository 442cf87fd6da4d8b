//! The inzage export (AVG art. 15): everything Wegwijs holds about one person, why, where it came
//! from, who processed it and the person's rights, for the privacy officer to hand to that person, as
//! a PDF or as a ZIP of the same data as JSON plus the PDF. Making it is logged on the person
//! (`inzage_export_gemaakt`) before the file is returned; the household members it names are logged
//! as shown (without saying whose export it was: see `audit_text`).
//!
//! A name never makes the export fail: the PDF prints what its fonts cannot show transliterated (see
//! `wegwijs_documents`), and if the PDF still cannot be made, the answer is the ZIP with the JSON and
//! an explanation. Building the files is CPU work: it runs on a blocking thread, at most
//! [`EXPORTS_AT_ONCE`] at a time, and a request that finds no turn gets "busy" (503, Retry-After).

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use wegwijs_documents::{PdfError, Template, render_pdf, zip};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::audit_text::for_people;
use wegwijs_domain::authz::{Action, PersonScope};
use wegwijs_domain::clock::{dutch_date, long_date, long_time};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::FIELDS;
use wegwijs_domain::record::Input;
use wegwijs_storage::audit_search::{self, LogFilter, LogRichting, LogRow};
use wegwijs_storage::{households, organisations, persons};

use crate::Ctx;
use crate::error::{AppError, AppResult};
use crate::inzage_text::{self as text, Doel, Recht};
use crate::log_search::EXPORT_MAX;

/// Exports built at the same time (each holds up to [`EXPORT_MAX`] rows and takes a core).
pub const EXPORTS_AT_ONCE: usize = 2;
/// Seconds after which a refused export is worth trying again.
const BUSY_RETRY_SECS: u64 = 10;

/// An empty field, as the person reads it.
const NIET_BEKEND: &str = "niet bekend";

/// The file formats of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formaat {
    Pdf,
    /// `inzage.json` and `inzage.pdf` in one ZIP.
    Zip,
}

impl Formaat {
    pub fn parse(s: &str) -> Option<Formaat> {
        match s {
            "pdf" => Some(Formaat::Pdf),
            "zip" => Some(Formaat::Zip),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Formaat::Pdf => "pdf",
            Formaat::Zip => "zip",
        }
    }
}

/// The export's contents; also the JSON in the ZIP and the data of the PDF template.
#[derive(Serialize)]
pub struct InzageData {
    pub titel: &'static str,
    pub kenmerk: String,
    pub gemeente: String,
    pub inleiding: &'static str,
    pub opgesteld_op: String,
    pub opgesteld_door: &'static str,
    pub persoon: Persoon,
    pub gegevens: Vec<Gegeven>,
    pub huishouden: Vec<Huisgenoot>,
    pub categorieen: Vec<String>,
    pub doelen: Vec<Doel>,
    pub herkomst: Vec<String>,
    pub ontvangers: &'static str,
    pub bewaartermijn: &'static str,
    pub rechten: [Recht; 4],
    pub klacht: &'static str,
    pub contact: String,
    pub verwerkingen_inleiding: String,
    pub verwerkingen: Vec<Verwerking>,
}

#[derive(Serialize)]
pub struct Persoon {
    pub id: String,
    pub naam: String,
    pub geboortedatum: String,
}

#[derive(Serialize)]
pub struct Gegeven {
    pub veld: &'static str,
    pub waarde: String,
}

/// Another member of the household: name and relation only; their birth date and the rest are
/// their own data (AVG art. 15 lid 4).
#[derive(Serialize)]
pub struct Huisgenoot {
    pub naam: String,
    pub rol: String,
}

#[derive(Serialize, Clone)]
pub struct Verwerking {
    /// Dutch local time ("15 januari 2025, 14:03"), or the day of a grouped run of list views.
    pub tijdstip: String,
    pub tijdstip_utc: DateTime<Utc>,
    pub wie: String,
    pub organisatie: String,
    /// The label the log page shows, or "N keer in een lijst gezien".
    pub handeling: String,
    pub handeling_code: &'static str,
    /// The detail as the pages show it: no other person's ids.
    pub toelichting: String,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    pub bron: String,
    pub verzoek_id: String,
    /// How many log rows this line stands for (1 in the JSON, which lists every row).
    pub aantal: usize,
}

/// The file: its bytes, media type and a file name without personal data.
pub struct InzageFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

fn shown(value: Option<&str>, input: &Input) -> String {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return NIET_BEKEND.into();
    };
    match input {
        Input::Choice(choices) => choices
            .iter()
            .find(|(code, _)| *code == v)
            .map(|(_, label)| (*label).to_string())
            .unwrap_or_else(|| v.to_string()),
        Input::YesNo => match v {
            "true" | "ja" => "ja".into(),
            "false" | "nee" => "nee".into(),
            other => other.to_string(),
        },
        Input::Date => NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(long_date)
            .unwrap_or_else(|_| v.to_string()),
        _ => v.to_string(),
    }
}

fn verwerking(r: &LogRow) -> Verwerking {
    let a = &r.record;
    let toelichting = a.details.as_deref().map(for_people).unwrap_or_default();
    Verwerking {
        tijdstip: long_time(a.tijdstip),
        tijdstip_utc: a.tijdstip,
        wie: a
            .gebruiker_naam
            .clone()
            .unwrap_or_else(|| "Wegwijs (automatisch)".into()),
        organisatie: a
            .organisatie_naam
            .clone()
            .unwrap_or_else(|| NIET_BEKEND.into()),
        handeling: a.actie.label().to_string(),
        handeling_code: a.actie.code(),
        toelichting: if toelichting == "—" {
            String::new()
        } else {
            toelichting
        },
        verwerkingsactiviteit: a.verwerkingsactiviteit.clone(),
        grondslag: a.grondslag.clone(),
        bron: text::bron(&a.bron),
        verzoek_id: a.trace_id.clone(),
        aantal: 1,
    }
}

/// The PDF's lines: a run of list views by the same user (by id: two colleagues may share a name)
/// on the same Dutch day is one line "N keer in een lijst gezien", as on the "wie heeft dit gezien"
/// page. The log is newest first.
pub fn grouped(log: &[LogRow]) -> Vec<Verwerking> {
    type Key = (Option<wegwijs_domain::ids::GebruikerId>, NaiveDate);
    let mut out: Vec<(Verwerking, Option<Key>)> = Vec::new();
    for r in log {
        let key = (r.record.actie == AuditAction::PersonListed)
            .then(|| (r.gebruiker_id, dutch_date(r.record.tijdstip)));
        if let (Some(k), Some((last, Some(last_key)))) = (&key, out.last_mut())
            && k == last_key
        {
            last.aantal += 1;
            last.handeling = format!("{} keer in een lijst gezien", last.aantal);
            last.tijdstip = long_date(k.1);
            last.toelichting = String::new();
            continue;
        }
        out.push((verwerking(r), key));
    }
    out.into_iter().map(|(v, _)| v).collect()
}

/// The kinds of data held: the field groups with at least one value, the household, the log.
fn categorieen(gegevens: &[(&'static str, bool)], household: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (group, filled) in gegevens {
        if *filled && !out.iter().any(|g| g == group) {
            out.push((*group).to_string());
        }
    }
    if household {
        out.push("Uw huishouden (naam en relatie van de leden)".into());
    }
    out.push("Wie uw gegevens heeft bekeken of gewijzigd, en wanneer".into());
    out
}

/// Where the data came from, as far as the record says.
fn herkomst(log: &[LogRow], value_of: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let via_koppeling = log
        .iter()
        .any(|r| r.record.actie == AuditAction::PersonCreated && r.record.bron == "api");
    let mut out = vec![if via_koppeling {
        "De gemeente: uw gegevens zijn in Wegwijs vastgelegd via een koppeling met een ander \
         systeem van de gemeente, en daarna door medewerkers van de gemeente aangevuld."
            .to_string()
    } else {
        "De gemeente: medewerkers van de gemeente hebben uw gegevens in Wegwijs vastgelegd, \
         met wat u en andere instanties hun vertelden."
            .to_string()
    }];
    if let Some(d) = value_of("datumBrpInschrijving") {
        out.push(format!(
            "De Basisregistratie Personen (BRP): uw inschrijving in de gemeente op {d}."
        ));
    }
    if let Some(d) = value_of("datumKennisgevingDuo") {
        out.push(format!(
            "DUO (Dienst Uitvoering Onderwijs): het bericht dat u moet inburgeren, op {d}."
        ));
    }
    out
}

/// Collects the data, builds the file and writes the audit rows; nothing is returned unless those
/// rows are durable.
pub async fn export(ctx: &Ctx<'_>, id: PersonId, formaat: Formaat) -> AppResult<InzageFile> {
    let gemeente = ctx.require_in_own_gemeente(Action::InzageExport)?;
    // No queue: a person waiting on a spinner is better served by "try again in a moment".
    let turn = std::sync::Arc::clone(&ctx.app.exports)
        .try_acquire_owned()
        .map_err(|_| AppError::Busy {
            retry_after_secs: BUSY_RETRY_SECS,
        })?;
    let scope = PersonScope::Gemeente(gemeente);
    let person = persons::get(&ctx.app.db, scope, id).await?;
    let household = households::get_opt(&ctx.app.db, scope, person.huishouden_id).await?;
    let gemeente_naam = organisations::get(&ctx.app.db, gemeente).await?.naam;

    let filter = LogFilter {
        gemeente,
        personen: Some(vec![id]),
        gebruiker: None,
        actie: None,
        van: None,
        tot: None,
    };
    let mut log = Vec::new();
    let mut from = None;
    loop {
        let page = audit_search::search(&ctx.app.db, &filter, from, 1_000).await?;
        log.extend(page.rows);
        match page.volgende {
            Some(c) if log.len() < EXPORT_MAX => from = Some(LogRichting::Na(c)),
            _ => break,
        }
    }

    let now = ctx.now();
    let raw = person.details.to_raw();
    let fields: Vec<_> = FIELDS.iter().zip(raw.fields()).collect();
    let value_of = |api: &str| {
        fields
            .iter()
            .find(|(def, _)| def.api == api)
            .and_then(|(def, (_, v))| {
                v.filter(|v| !v.trim().is_empty())
                    .map(|v| shown(Some(v), &def.input))
            })
    };
    let gegevens = fields
        .iter()
        .map(|(def, (_, value))| Gegeven {
            veld: def.label,
            waarde: shown(*value, &def.input),
        })
        .collect();
    let filled: Vec<(&'static str, bool)> = fields
        .iter()
        .map(|(def, (_, v))| (def.group, v.is_some_and(|v| !v.trim().is_empty())))
        .collect();
    let leden: Vec<_> = household
        .iter()
        .flat_map(|h| &h.leden)
        .filter(|l| l.persoon_id != id)
        .collect();
    let kenmerk = format!("inzage-{id}");
    let mut data = InzageData {
        titel: "Inzage in uw persoonsgegevens",
        gemeente: gemeente_naam.clone(),
        inleiding: "U heeft gevraagd welke persoonsgegevens de gemeente over u verwerkt in Wegwijs, het \
                    systeem voor de regie op inburgering (artikel 15 van de Algemene verordening \
                    gegevensbescherming). Hieronder staan alle gegevens die op dit moment over u zijn \
                    vastgelegd, waarom de gemeente ze verwerkt, waar ze vandaan komen, hoe lang ze \
                    worden bewaard, wie ze heeft ingezien of gewijzigd, en welke rechten u heeft.",
        opgesteld_op: long_time(now),
        opgesteld_door: "De privacyfunctionaris van de gemeente",
        persoon: Persoon {
            id: id.to_string(),
            naam: person.details.display_name(),
            geboortedatum: value_of("geboortedatum").unwrap_or_else(|| NIET_BEKEND.into()),
        },
        gegevens,
        huishouden: leden
            .iter()
            .map(|l| Huisgenoot {
                naam: l.naam(),
                rol: l.relatie.label().to_string(),
            })
            .collect(),
        categorieen: categorieen(&filled, !leden.is_empty()),
        doelen: text::doelen(log.iter().map(|r| r.record.verwerkingsactiviteit.as_str())),
        herkomst: herkomst(&log, value_of),
        ontvangers: text::ONTVANGERS,
        bewaartermijn: text::BEWAARTERMIJN,
        rechten: text::RECHTEN,
        klacht: text::KLACHT,
        contact: text::contact(&gemeente_naam, &kenmerk),
        kenmerk,
        verwerkingen_inleiding: format!(
            "Elke keer dat een medewerker of een koppeling uw gegevens heeft geopend, in een lijst heeft \
             gezien of heeft gewijzigd, is dat vastgelegd: {} keer, nieuwste eerst. Tijden zijn \
             Nederlandse tijd. Als iemand u op één dag vaker in een lijst zag, staat dat op één regel.",
            log.len()
        ),
        verwerkingen: log.iter().map(verwerking).collect(),
    };
    let total = data.verwerkingen.len();
    // The JSON lists every row; the PDF groups list views.
    let json =
        serde_json::to_vec_pretty(&data).map_err(|_| AppError::Internal("inzage json".into()))?;
    data.verwerkingen = grouped(&log);
    let pdf_json =
        serde_json::to_vec(&data).map_err(|_| AppError::Internal("inzage json".into()))?;
    let ident = data.kenmerk.clone();
    let (file, made) = tokio::task::spawn_blocking(move || {
        let _turn = turn;
        let pdf = render_pdf(Template::Inzage, pdf_json, &ident, now);
        package(id, formaat, &json, pdf)
    })
    .await
    .map_err(|_| AppError::Internal("inzage: taak afgebroken".into()))??;

    let mut rows = vec![ctx.audit.entry(
        now,
        AuditAction::InzageExported,
        Some(gemeente),
        Some(id),
        Some(format!(
            "{made}; {total} {}",
            if total == 1 {
                "verwerking"
            } else {
                "verwerkingen"
            }
        )),
    )];
    for l in &leden {
        // No id of the person whose export this is: the member's own export would show it.
        rows.push(ctx.audit.entry(
            now,
            AuditAction::PersonListed,
            Some(gemeente),
            Some(l.persoon_id),
            Some("huishouden in inzage-export".into()),
        ));
    }
    ctx.app.audit.record(rows).await?;
    Ok(file)
}

/// The file for `formaat`, and what was made (for the audit row). When the PDF could not be made the
/// answer is the ZIP with the JSON and an explanation, whatever was asked: the person gets their data
/// either way. The error is logged by kind only (its text could quote a name).
pub fn package(
    id: PersonId,
    formaat: Formaat,
    json: &[u8],
    pdf: Result<Vec<u8>, PdfError>,
) -> AppResult<(InzageFile, &'static str)> {
    let zipped =
        |files: &[(&str, &[u8])]| zip(files).map_err(|_| AppError::Internal("inzage zip".into()));
    let file_zip = |bytes| InzageFile {
        bytes,
        content_type: "application/zip",
        file_name: format!("inzage-{id}.zip"),
    };
    match (pdf, formaat) {
        (Ok(pdf), Formaat::Pdf) => Ok((
            InzageFile {
                bytes: pdf,
                content_type: "application/pdf",
                file_name: format!("inzage-{id}.pdf"),
            },
            "pdf",
        )),
        (Ok(pdf), Formaat::Zip) => Ok((
            file_zip(zipped(&[("inzage.json", json), ("inzage.pdf", &pdf)])?),
            "zip",
        )),
        (Err(e), _) => {
            tracing::warn!(error = %e, "inzage-pdf niet gemaakt; ZIP met alleen JSON");
            Ok((
                file_zip(zipped(&[
                    ("inzage.json", json),
                    ("LEESMIJ.txt", text::LEESMIJ_ZONDER_PDF.as_bytes()),
                ])?),
                "zip zonder pdf",
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pdf_that_cannot_be_made_still_gives_the_json_in_a_zip() {
        let id = PersonId(uuid::Uuid::nil());
        for formaat in [Formaat::Pdf, Formaat::Zip] {
            let (file, made) = package(
                id,
                formaat,
                br#"{"naam": "x"}"#,
                Err(PdfError::Template(Template::Inzage, 1)),
            )
            .expect("a file, not an error");
            assert_eq!(file.content_type, "application/zip");
            assert!(file.file_name.ends_with(".zip"));
            assert_eq!(made, "zip zonder pdf");
            let bytes = String::from_utf8_lossy(&file.bytes).to_string();
            assert!(bytes.contains("inzage.json") && bytes.contains("LEESMIJ.txt"));
            assert!(!bytes.contains("inzage.pdf"));
        }
    }
}
