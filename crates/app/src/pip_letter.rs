//! The PIP beschikking as a PDF (`documents::beschikking_pdf`): a decided version with the person,
//! the gemeente and the termijn mapped into the letter's data, every download audited. A concept has
//! no letter: it is no decision yet.

use chrono::{Days, Months, NaiveDate};
use uuid::Uuid;
use wegwijs_documents::beschikking as b;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, DenyReason, person_scope};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::briefgegevens::{BriefGegevens, Postadres};
use wegwijs_domain::trajectory::codes::{
    AlfaIndicator, Leerroute, Niveau, PipStatus, PipWijzigingsreden,
};
use wegwijs_domain::trajectory::intake::leefdomeinen;
use wegwijs_domain::trajectory::pip::inhoud::VisieSoort;
use wegwijs_domain::trajectory::pip::lifecycle::{self, OvergangWeigering};
use wegwijs_domain::trajectory::pip::parse::fmt_uren;
use wegwijs_domain::trajectory::pip::rechtsmiddel::bezwaartermijn;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::{organisations, pips};

use crate::Ctx;
use crate::error::AppError;
use crate::pip::{PipError, PipResult, PipVersie};

/// A PDF and the file name to offer it under.
pub struct Beschikking {
    pub pdf: Vec<u8>,
    pub bestandsnaam: String,
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

fn datum(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

fn datum_opt(d: Option<NaiveDate>) -> String {
    d.map(datum).unwrap_or_else(|| "nog niet bepaald".into())
}

fn regels(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn leerroute(v: &PipVersie) -> b::Leerroute {
    let p = &v.inhoud;
    let naam = match p.leerroute {
        Some(Leerroute::B1) => "B1-route",
        Some(Leerroute::Onderwijs) => "Onderwijsroute",
        Some(Leerroute::Z) => "Z-route",
        None => "",
    };
    let eenvoudig = match (p.leerroute, p.niveau) {
        (Some(Leerroute::Onderwijs), _) => {
            "U leert Nederlands om daarna een opleiding te doen.".to_string()
        }
        (Some(Leerroute::Z), _) => {
            "U leert Nederlands en doet mee in de buurt, op uw eigen manier.".to_string()
        }
        (_, Some(n)) => format!("U leert Nederlands tot niveau {}.", n.label()),
        _ => "U leert Nederlands.".to_string(),
    };
    b::Leerroute {
        naam: naam.into(),
        niveau: p.niveau.map(Niveau::label).unwrap_or_default().into(),
        alfabetisering: match p.alfabetisering {
            Some(AlfaIndicator::Nvt) | None => "Geen alfabetisering nodig".into(),
            Some(a) => a.label().into(),
        },
        intensiteit: p
            .intensiteit_uren
            .map(|u| format!("{u} uur taalcursus en KNM")),
        eenvoudig,
    }
}

fn onderdeel(o: &wegwijs_domain::trajectory::pip::Onderdeel) -> b::Onderdeel {
    b::Onderdeel {
        inhoud: o.inhoud.clone(),
        intensiteit: o.uren.map(|u| format!("{u} uur")).unwrap_or_default(),
    }
}

/// The letterhead from the gemeente's settings: only what is set, never a placeholder.
fn gemeente(naam: &str, brief: &BriefGegevens) -> b::Gemeente {
    b::Gemeente {
        naam: naam.into(),
        adres: brief
            .postadres
            .as_ref()
            .map(Postadres::regels)
            .unwrap_or_default(),
        telefoon: brief.telefoon.clone(),
        website: brief.website.clone(),
        bezwaaradres: brief.bezwaar().map(Postadres::regels).unwrap_or_default(),
    }
}

/// Why a version replaces the previous one. "Andere reden" says nothing: its toelichting is the
/// reason.
fn reden(reden: Option<PipWijzigingsreden>, toelichting: &str) -> String {
    match (reden, toelichting) {
        (Some(PipWijzigingsreden::Anders), t) if !t.is_empty() => t.into(),
        (Some(r), "") => r.label().into(),
        (Some(r), t) => format!("{}: {t}", r.label()),
        (None, t) => t.into(),
    }
}

fn data(
    person: &PersonRecord,
    v: &PipVersie,
    gemeente_naam: &str,
    brief: &BriefGegevens,
    eerste: Option<NaiveDate>,
    vorige: Option<&PipVersie>,
) -> b::BeschikkingData {
    let d = &person.details;
    let p = &v.inhoud;
    let dagtekening = v
        .dagtekening
        .unwrap_or_else(|| v.aangemaakt_op.date_naive());
    let adres: Vec<String> = [
        [d.straat.clone(), d.huisnummer.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        [
            d.postcode.as_ref().map(ToString::to_string),
            d.woonplaats.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
    ]
    .into_iter()
    .filter(|l| !l.is_empty())
    .collect();
    let termijn = eerste.and_then(|e| {
        let start = e.checked_add_days(Days::new(1))?;
        let eind = start
            .checked_add_months(Months::new(36))?
            .checked_sub_days(Days::new(1))?;
        Some(b::Termijn {
            start: datum(start),
            eind: datum(eind),
        })
    });
    b::BeschikkingData {
        gemeente: gemeente(gemeente_naam, brief),
        geadresseerde: b::Geadresseerde {
            naam: d.display_name(),
            adres,
        },
        kenmerk: format!(
            "PIP-{}-{}",
            dagtekening.format("%Y"),
            &v.id.simple().to_string()[20..]
        ),
        dagtekening: datum(dagtekening),
        gemaakt_op: v.vastgesteld_op.unwrap_or(v.gewijzigd_op),
        concept: v.status == PipStatus::Concept,
        versie: u32::try_from(v.nummer).unwrap_or(1),
        vervangt: vorige.and_then(|o| {
            Some(b::Vervanging {
                vorige_dagtekening: datum(o.dagtekening?),
                reden: reden(p.reden, &p.reden_toelichting),
            })
        }),
        leerroute: leerroute(v),
        pvt: onderdeel(&p.blokken.pvt),
        map: p.blokken.map.as_ref().map(onderdeel),
        begeleiding: regels(&p.blokken.begeleiding),
        doelen: p
            .doelen
            .iter()
            .map(|x| b::Doel {
                leefdomein: leefdomeinen::naam(&x.leefdomein).into(),
                omschrijving: x.omschrijving.clone(),
                streefdatum: datum_opt(x.streefdatum),
                wie: x.uitvoerder.clone(),
            })
            .collect(),
        activiteiten: p
            .activiteiten
            .iter()
            .map(|a| b::Activiteit {
                wat: a.omschrijving.clone(),
                aanbieder: a.aanbieder.clone(),
                uren_per_week: a.uren_per_week.map(fmt_uren).unwrap_or_default(),
                start: datum_opt(a.startdatum),
                eind: a.einddatum.map(datum),
            })
            .collect(),
        verplichtingen: regels(&p.blokken.verplichtingen),
        voorwaarden: b::Voorwaarden {
            kinderopvang: Some(p.blokken.voorwaarden.kinderopvang.clone())
                .filter(|s| !s.is_empty()),
            vervoer: Some(p.blokken.voorwaarden.vervoer.clone()).filter(|s| !s.is_empty()),
        },
        vve_afspraken: None,
        participatiewet: regels(&p.blokken.participatiewet),
        eigen_visie: b::EigenVisie {
            akkoord: p.blokken.eigen_visie.soort == Some(VisieSoort::Akkoord),
            zienswijze: Some(p.blokken.eigen_visie.tekst.clone()).filter(|s| !s.is_empty()),
            datum: datum_opt(p.blokken.eigen_visie.datum),
        },
        aantal_voortgangsgesprekken: p.aantal_voortgangsgesprekken.unwrap_or(0),
        volgend_voortgangsgesprek: None,
        inburgeringstermijn: termijn,
        contactpersoon: person.regisseur_naam.clone().map(|naam| b::Contactpersoon {
            naam,
            telefoon: None,
            email: None,
        }),
        // The letter says "namens het college ..." above the signature; Wegwijs knows no function
        // title of the signer, so none is printed under the name.
        ondertekenaar: b::Ondertekenaar {
            naam: v.vastgesteld_door_naam.clone().unwrap_or_default(),
            functie: None,
        },
        bezwaar_uiterlijk: datum(bezwaartermijn(dagtekening).1),
    }
}

/// What the letter of one decided version is made from: its data, the version number and the
/// person's gemeente. Read without an audit row; [`beschikking`] audits the download. Public so the
/// benchmark can measure the render alone on exactly this data.
pub struct BeschikkingInvoer {
    pub data: b::BeschikkingData,
    pub nummer: i32,
    pub gemeente_id: wegwijs_domain::ids::OrganisatieId,
    /// The letter holds goals in a special-category life domain (the download is audited as such).
    pub bijzonder: bool,
}

/// The letter's data of a decided version (vastgesteld, vervangen or ingetrokken). A concept is
/// refused (409: decide it first).
pub async fn invoer(ctx: &Ctx<'_>, persoon: PersonId, pip: Uuid) -> PipResult<BeschikkingInvoer> {
    let person = crate::persons::load(ctx, Action::TrajectView, persoon).await?;
    let scope = person_scope(ctx.actor, Action::TrajectView);
    let v = pips::get(&ctx.app.db, scope, persoon, pip).await?;
    if !lifecycle::is_beschikking(v.status) {
        return Err(PipError::Overgang(OvergangWeigering::GeenBeschikking));
    }
    // The letter is the whole decision: it is not handed out with goals cut away. Who may not see
    // its special-category goals (`can_view_health`) gets 403 instead.
    let bijzonder = v.inhoud.heeft_bijzondere_doelen();
    if bijzonder && !crate::pip::bijzonder_zichtbaar(ctx, &person).await? {
        return Err(AppError::Forbidden(DenyReason::NoNeed).into());
    }
    let versies = pips::list(&ctx.app.db, scope, persoon).await?;
    let eerste = versies
        .iter()
        .filter(|x| x.status != PipStatus::Concept)
        .min_by_key(|x| x.nummer)
        .and_then(|x| x.dagtekening);
    let vorige = match versies
        .iter()
        .filter(|x| x.nummer < v.nummer && x.status != PipStatus::Concept)
        .max_by_key(|x| x.nummer)
    {
        Some(x) => Some(pips::get(&ctx.app.db, scope, persoon, x.id).await?),
        None => None,
    };
    let gemeente = organisations::get(&ctx.app.db, person.gemeente_id)
        .await?
        .naam;
    let brief = crate::traject_settings::get(ctx.app, person.gemeente_id)
        .await?
        .brief;
    Ok(BeschikkingInvoer {
        data: data(&person, &v, &gemeente, &brief, eerste, vorige.as_ref()),
        nummer: v.nummer,
        gemeente_id: person.gemeente_id,
        bijzonder,
    })
}

/// Which document of a decided version: the whole letter, or only its plain-Dutch summary.
#[derive(Debug, Clone, Copy)]
enum Soort {
    Beschikking,
    Samenvatting,
}

/// The beschikking of a decided version (see [`invoer`]). The download is audited before the bytes
/// are returned.
pub async fn beschikking(ctx: &Ctx<'_>, persoon: PersonId, pip: Uuid) -> PipResult<Beschikking> {
    letter(ctx, persoon, pip, Soort::Beschikking).await
}

/// Only the one-page plain-Dutch summary of a decided version, for the person to keep: same access,
/// refusal and audit (`PipLetterDownloaded`) as the beschikking.
pub async fn samenvatting(ctx: &Ctx<'_>, persoon: PersonId, pip: Uuid) -> PipResult<Beschikking> {
    letter(ctx, persoon, pip, Soort::Samenvatting).await
}

async fn letter(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    pip: Uuid,
    soort: Soort,
) -> PipResult<Beschikking> {
    let BeschikkingInvoer {
        data: input,
        nummer,
        gemeente_id,
        bijzonder,
    } = invoer(ctx, persoon, pip).await?;
    let naam = match soort {
        Soort::Beschikking => "beschikking",
        Soort::Samenvatting => "samenvatting",
    };
    let pdf = tokio::task::spawn_blocking(move || match soort {
        Soort::Beschikking => wegwijs_documents::beschikking_pdf(&input),
        Soort::Samenvatting => wegwijs_documents::samenvatting_pdf(&input),
    })
    .await
    .map_err(|e| AppError::Internal(format!("{naam}: {e}")))?
    .map_err(|e| AppError::Internal(format!("{naam}: {e}")))?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::PipLetterDownloaded,
        Some(gemeente_id),
        Some(persoon),
        Some(format!("{naam} pip {nummer}")),
    );
    let mut entries = vec![entry];
    if bijzonder {
        entries.push(ctx.audit.entry(
            ctx.now(),
            AuditAction::HealthRead,
            Some(gemeente_id),
            Some(persoon),
            Some(format!(
                "{naam} pip {nummer}: doelen in een gezondheidsdomein"
            )),
        ));
    }
    ctx.app.audit.record(entries).await?;
    Ok(Beschikking {
        pdf,
        bestandsnaam: format!("{naam}-pip-{nummer}.pdf"),
    })
}

/// What the gemeente's letters still lack ("postadres", "telefoonnummer", "website"), for the
/// warning on the vaststellen page and the settings page. Empty: the letter is complete.
pub async fn ontbrekende_briefgegevens(ctx: &Ctx<'_>) -> PipResult<Vec<&'static str>> {
    let g = ctx.gemeente()?;
    Ok(crate::traject_settings::get(ctx.app, g)
        .await?
        .brief
        .ontbreekt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn andere_reden_prints_only_its_toelichting() {
        assert_eq!(
            reden(
                Some(PipWijzigingsreden::Anders),
                "Werkervaringsplek gevonden"
            ),
            "Werkervaringsplek gevonden"
        );
        assert_eq!(reden(Some(PipWijzigingsreden::Anders), ""), "Andere reden");
        assert_eq!(
            reden(Some(PipWijzigingsreden::Schakelen), "naar de Z-route"),
            "Schakelen van leerroute: naar de Z-route"
        );
    }
}
