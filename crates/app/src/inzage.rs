//! The inzage export (AVG art. 15): everything Wegwijs holds about one person and who processed it,
//! for the privacy officer to hand to that person, as a PDF or as a ZIP of the same data as JSON plus
//! the PDF. Making it is logged on the person (`inzage_export_gemaakt`) before the file is returned;
//! the household members it names are logged as shown.

use chrono::{DateTime, Utc};
use serde::Serialize;
use wegwijs_documents::{Template, render_pdf, zip};
use wegwijs_domain::audit::{ACTIVITEITEN, AuditAction};
use wegwijs_domain::authz::{Action, PersonScope};
use wegwijs_domain::clock::dutch_time;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::FIELDS;
use wegwijs_domain::record::Input;
use wegwijs_storage::audit_search::{self, LogFilter, LogRichting};
use wegwijs_storage::{households, organisations, persons};

use crate::Ctx;
use crate::error::{AppError, AppResult};
use crate::log_search::EXPORT_MAX;

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
    pub activiteiten: Vec<Activiteit>,
    pub verwerkingen_inleiding: String,
    pub verwerkingen: Vec<Verwerking>,
}

#[derive(Serialize)]
pub struct Persoon {
    pub id: String,
    pub naam: String,
}

#[derive(Serialize)]
pub struct Gegeven {
    pub veld: &'static str,
    pub waarde: String,
}

#[derive(Serialize)]
pub struct Huisgenoot {
    pub naam: String,
    pub rol: String,
    pub geboortedatum: String,
}

#[derive(Serialize)]
pub struct Activiteit {
    pub naam: &'static str,
    pub grondslag: &'static str,
}

#[derive(Serialize)]
pub struct Verwerking {
    pub tijdstip: String,
    pub tijdstip_utc: DateTime<Utc>,
    pub wie: String,
    pub organisatie: String,
    pub handeling: &'static str,
    pub handeling_code: &'static str,
    pub toelichting: String,
    pub verwerkingsactiviteit: String,
    pub grondslag: String,
    pub bron: String,
    pub verzoek_id: String,
}

/// The file: its bytes, media type and a file name without personal data.
pub struct InzageFile {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
    pub file_name: String,
}

fn shown(value: Option<&str>, input: &Input) -> String {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return "onbekend".into();
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
        _ => v.to_string(),
    }
}

/// Collects the data and writes the audit rows; nothing is returned unless those rows are durable.
pub async fn export(ctx: &Ctx<'_>, id: PersonId, formaat: Formaat) -> AppResult<InzageFile> {
    let gemeente = ctx.require_in_own_gemeente(Action::InzageExport)?;
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
    let gegevens = FIELDS
        .iter()
        .zip(raw.fields())
        .map(|(def, (_, value))| Gegeven {
            veld: def.label,
            waarde: shown(value, &def.input),
        })
        .collect();
    let leden: Vec<_> = household
        .iter()
        .flat_map(|h| &h.leden)
        .filter(|l| l.persoon_id != id)
        .collect();
    let data = InzageData {
        titel: "Inzage in uw persoonsgegevens",
        kenmerk: format!("inzage-{id}"),
        gemeente: gemeente_naam,
        inleiding: "U heeft gevraagd welke persoonsgegevens de gemeente over u verwerkt in Wegwijs, het \
                    systeem voor de regie op inburgering (artikel 15 van de Algemene verordening \
                    gegevensbescherming). Hieronder staan alle gegevens die op dit moment over u zijn \
                    vastgelegd, waarom de gemeente ze verwerkt en wie ze heeft ingezien of gewijzigd.",
        opgesteld_op: dutch_time(now),
        opgesteld_door: "De privacyfunctionaris van de gemeente",
        persoon: Persoon {
            id: id.to_string(),
            naam: person.details.display_name(),
        },
        gegevens,
        huishouden: leden
            .iter()
            .map(|l| Huisgenoot {
                naam: l.naam(),
                rol: l.relatie.label().to_string(),
                geboortedatum: l.geboortedatum.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect(),
        activiteiten: ACTIVITEITEN
            .iter()
            .map(|a| Activiteit {
                naam: a.naam,
                grondslag: a.grondslag,
            })
            .collect(),
        verwerkingen_inleiding: format!(
            "Elke keer dat een medewerker of een koppeling uw gegevens heeft geopend, in een lijst heeft \
             gezien of heeft gewijzigd, is dat vastgelegd: {} keer, nieuwste eerst.",
            log.len()
        ),
        verwerkingen: log
            .iter()
            .map(|r| {
                let a = &r.record;
                Verwerking {
                    tijdstip: dutch_time(a.tijdstip),
                    tijdstip_utc: a.tijdstip,
                    wie: a.gebruiker_naam.clone().unwrap_or_else(|| "systeem".into()),
                    organisatie: a.organisatie_naam.clone().unwrap_or_default(),
                    handeling: a.actie.label(),
                    handeling_code: a.actie.code(),
                    toelichting: a.details.clone().unwrap_or_default(),
                    verwerkingsactiviteit: a.verwerkingsactiviteit.clone(),
                    grondslag: a.grondslag.clone(),
                    bron: a.bron.clone(),
                    verzoek_id: a.trace_id.clone(),
                }
            })
            .collect(),
    };
    let json = serde_json::to_vec_pretty(&data)
        .map_err(|e| AppError::Internal(format!("inzage json: {e}")))?;
    let pdf = render_pdf(Template::Inzage, json.clone(), &data.kenmerk, now)
        .map_err(|e| AppError::Internal(format!("inzage pdf: {e}")))?;
    let file = match formaat {
        Formaat::Pdf => InzageFile {
            bytes: pdf,
            content_type: "application/pdf",
            file_name: format!("inzage-{id}.pdf"),
        },
        Formaat::Zip => InzageFile {
            bytes: zip(&[
                ("inzage.json", json.as_slice()),
                ("inzage.pdf", pdf.as_slice()),
            ])
            .map_err(|e| AppError::Internal(format!("inzage zip: {e}")))?,
            content_type: "application/zip",
            file_name: format!("inzage-{id}.zip"),
        },
    };

    let mut rows = vec![ctx.audit.entry(
        now,
        AuditAction::InzageExported,
        Some(gemeente),
        Some(id),
        Some(format!(
            "{}; {} verwerkingen",
            formaat.code(),
            data.verwerkingen.len()
        )),
    )];
    for l in &leden {
        rows.push(ctx.audit.entry(
            now,
            AuditAction::PersonListed,
            Some(gemeente),
            Some(l.persoon_id),
            Some(format!("huishouden in inzage-export van {id}")),
        ));
    }
    ctx.app.audit.record(rows).await?;
    Ok(file)
}
