//! Recording and reading the work: contact moments, attendance, measurements, hours and placements (by
//! the gemeente or, through an active referral, by a partner), and handhaving (the gemeente only).
//! Partners read only what their own organisation recorded; each of their rows is audited with the
//! referral as legal basis.

use chrono::NaiveDate;
use uuid::Uuid;
use wegwijs_domain::aanwezigheid::uren::{RawUrenregistratie, Urenregistratie};
use wegwijs_domain::aanwezigheid::{Bijeenkomst, RawBijeenkomst};
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, OrganisatieSoort, PersonScope, Role, person_scope};
use wegwijs_domain::contact::zichtbaarheid::{Lezer as NoteLezer, zichtbaar};
use wegwijs_domain::contact::{Contactmoment, RawContactmoment, Vertrouwelijkheid};
use wegwijs_domain::handhaving::{
    BoeteInvoer, EerdereBoete, MaatregelSoort, Overtreding, PLAFOND_TERMIJN_CENTS, Verwijtbaarheid,
    boete_berekenen, nieuwe_termijn_ok,
};
use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_domain::meting::{Meting, RawMeting, Scores};
use wegwijs_domain::plaatsing::{Plaatsing, RawPlaatsing};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::audit::{self, AuditEntry};
use wegwijs_storage::partners::uitvoering::{
    self as store, Auteur, BijeenkomstRow, ContactRow, HandhavingRow, Lezer, MetingRow,
    NieuwContact, NieuweHandhaving, PlaatsingRow, UrenRow,
};
use wegwijs_storage::partners::verwijzingen::{self as refs, VerwijzingRow};

use super::grant::{grondslag, resource};
use super::invalid;
use crate::error::{AppError, AppResult};
use crate::{Ctx, persons};

/// Who works on the person: the gemeente itself, or a partner through one of its active referrals.
enum Wie {
    Gemeente { gemeente: OrganisatieId },
    Partner { verwijzing: Box<VerwijzingRow> },
}

impl Wie {
    fn gemeente(&self) -> OrganisatieId {
        match self {
            Wie::Gemeente { gemeente } => *gemeente,
            Wie::Partner { verwijzing } => OrganisatieId(verwijzing.gemeente_id),
        }
    }
}

async fn wie(ctx: &Ctx<'_>, action: Action, persoon: PersonId) -> AppResult<Wie> {
    if ctx.actor.organisatie_soort != OrganisatieSoort::Partner {
        let p = persons::load(ctx, action, persoon).await?;
        return Ok(Wie::Gemeente {
            gemeente: p.gemeente_id,
        });
    }
    let PersonScope::Verwijzingen(g) = person_scope(ctx.actor, action) else {
        return Err(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NoRole,
        ));
    };
    let v = refs::active_for(&ctx.app.db, g, &[persoon])
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    ctx.require(action, resource(&v)?)?;
    Ok(Wie::Partner {
        verwijzing: Box::new(v),
    })
}

/// A partner records only about the time of its referral: not before it was sent (or started).
fn not_before_referral(w: &Wie, datum: NaiveDate, field: &'static str) -> AppResult<()> {
    if let Wie::Partner { verwijzing } = w {
        let vanaf = verwijzing.gestart_op.unwrap_or(verwijzing.verstuurd_op);
        if datum < vanaf {
            return Err(invalid(
                field,
                "out_of_range",
                format!(
                    "Deze datum ligt voor de start van de verwijzing ({}).",
                    vanaf.format("%d-%m-%Y")
                ),
            ));
        }
    }
    Ok(())
}

fn auteur(ctx: &Ctx<'_>, wie: &Wie, persoon: PersonId) -> Auteur {
    Auteur {
        gemeente: wie.gemeente(),
        organisatie: ctx.actor.organisatie_id,
        persoon,
        verwijzing: match wie {
            Wie::Partner { verwijzing } => Some(verwijzing.id),
            Wie::Gemeente { .. } => None,
        },
        door: ctx.audit.gebruiker_id,
        op: ctx.now(),
    }
}

fn entry(
    ctx: &Ctx<'_>,
    wie: &Wie,
    persoon: PersonId,
    actie: AuditAction,
    detail: String,
) -> AuditEntry {
    let e = ctx.audit.entry(
        ctx.now(),
        actie,
        Some(wie.gemeente()),
        Some(persoon),
        Some(detail),
    );
    match wie {
        Wie::Partner { verwijzing } => e.onder(grondslag(verwijzing)),
        Wie::Gemeente { .. } => e,
    }
}

fn lezer(ctx: &Ctx<'_>, wie: &Wie) -> Lezer {
    match wie {
        Wie::Gemeente { gemeente } => Lezer::Gemeente {
            gemeente: *gemeente,
        },
        Wie::Partner { .. } => Lezer::Partner {
            organisatie: ctx.actor.organisatie_id,
        },
    }
}

async fn commit_with(ctx: &Ctx<'_>, mut tx: wegwijs_storage::Tx, e: AuditEntry) -> AppResult<()> {
    let _ = ctx;
    audit::insert(&mut tx, &[e]).await?;
    tx.commit().await?;
    Ok(())
}

// ---- contact moments ----

pub async fn record_contact(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    raw: &RawContactmoment,
) -> AppResult<Uuid> {
    let w = wie(ctx, Action::UitvoeringRecord, persoon).await?;
    let c = Contactmoment::parse(raw, ctx.app.clock.today())?;
    not_before_referral(&w, c.datum, "datum")?;
    let row = NieuwContact {
        soort: c.soort.code().into(),
        datum: c.datum,
        duur_minuten: c.duur_minuten.and_then(|d| i32::try_from(d).ok()),
        deelnemers: c.deelnemers.join("\n"),
        tolk: c.tolk_taal.is_some(),
        tolk_taal: c.tolk_taal.clone(),
        vertrouwelijkheid: c.vertrouwelijkheid.code().into(),
        samenvatting: c.samenvatting.clone(),
        vervolgafspraak: c.vervolgafspraak.clone().unwrap_or_default(),
    };
    let id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_contact(&mut tx, &auteur(ctx, &w, persoon), id, &row).await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::ContactRecorded,
        format!("contactmoment {id} ({})", c.soort.code()),
    );
    commit_with(ctx, tx, e).await?;
    Ok(id)
}

/// The contact moments the actor may read: the query limits a partner to its own organisation's, and
/// each note's confidentiality narrows further.
pub async fn contacts(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<Vec<ContactRow>> {
    let w = wie(ctx, Action::UitvoeringView, persoon).await?;
    let rows = store::contacts(&ctx.app.db, persoon, lezer(ctx, &w)).await?;
    let regie = ctx.actor.organisatie_soort == OrganisatieSoort::Gemeente
        && (ctx.actor.has(Role::Regisseur) || ctx.actor.has(Role::Teamleider));
    let visible: Vec<ContactRow> = rows
        .into_iter()
        .filter(|r| {
            let v = Vertrouwelijkheid::parse(&r.vertrouwelijkheid)
                .unwrap_or(Vertrouwelijkheid::EigenOrganisatie);
            zichtbaar(
                v,
                &NoteLezer {
                    gemeente_regisseur_of_teamleider: regie,
                    is_auteur: r
                        .auteur_id
                        .is_some_and(|a| Some(a) == ctx.audit.gebruiker_id.map(|g| g.0)),
                    zelfde_organisatie_als_auteur: r.organisatie_id == ctx.actor.organisatie_id.0,
                },
            )
        })
        .collect();
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::ContactRead,
        format!("{} contactmomenten", visible.len()),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(visible)
}

// ---- attendance (per referral) ----

/// A session of referral `verwijzing`: only by the partner, only while the referral is active.
pub async fn record_bijeenkomst(
    ctx: &Ctx<'_>,
    verwijzing: Uuid,
    raw: &RawBijeenkomst,
) -> AppResult<Uuid> {
    let v = super::verwijzingen::load(ctx, Action::UitvoeringRecord, verwijzing).await?;
    if ctx.actor.organisatie_soort != OrganisatieSoort::Partner {
        return Err(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NoReferral,
        ));
    }
    let b = Bijeenkomst::parse(raw, ctx.app.clock.today())?;
    let Some(start) = v.gestart_op else {
        return Err(invalid(
            "datum",
            "invalid_state",
            "Leg aanwezigheid vast nadat het traject is gestart: zet eerst de stap Starten.",
        ));
    };
    if b.datum < start {
        return Err(invalid(
            "datum",
            "out_of_range",
            format!(
                "De bijeenkomst ligt voor de start van de verwijzing ({}).",
                start.format("%d-%m-%Y")
            ),
        ));
    }
    let persoon = PersonId(v.persoon_id);
    let w = Wie::Partner {
        verwijzing: Box::new(v),
    };
    let id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    let uren = b.uren_honderdsten.and_then(|u| i32::try_from(u).ok());
    match store::insert_bijeenkomst(
        &mut tx,
        &auteur(ctx, &w, persoon),
        id,
        b.datum,
        b.aanwezigheid.code(),
        b.reden.as_deref(),
        uren,
    )
    .await
    {
        Err(wegwijs_storage::StorageError::Duplicate { .. }) => {
            return Err(invalid(
                "datum",
                "duplicate",
                "Voor deze datum is de aanwezigheid al vastgelegd.",
            ));
        }
        other => other?,
    }
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRecorded,
        format!("aanwezigheid {} ({})", b.datum, b.aanwezigheid.code()),
    );
    commit_with(ctx, tx, e).await?;
    Ok(id)
}

/// The sessions of a referral: the gemeente and the partner (also after the end: its own reports).
pub async fn bijeenkomsten(ctx: &Ctx<'_>, verwijzing: Uuid) -> AppResult<Vec<BijeenkomstRow>> {
    let v = super::verwijzingen::load(ctx, Action::UitvoeringView, verwijzing).await?;
    let rows = store::bijeenkomsten(&ctx.app.db, verwijzing).await?;
    let persoon = PersonId(v.persoon_id);
    let w = if ctx.actor.organisatie_soort == OrganisatieSoort::Partner {
        Wie::Partner {
            verwijzing: Box::new(v),
        }
    } else {
        Wie::Gemeente {
            gemeente: OrganisatieId(v.gemeente_id),
        }
    };
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRead,
        format!("aanwezigheid verwijzing {verwijzing}"),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(rows)
}

// ---- measurements ----

pub async fn record_meting(ctx: &Ctx<'_>, persoon: PersonId, raw: &RawMeting) -> AppResult<Uuid> {
    let w = wie(ctx, Action::UitvoeringRecord, persoon).await?;
    let m = Meting::parse(raw, ctx.app.clock.today())?;
    not_before_referral(&w, m.datum, "datum")?;
    // Scores on health, addiction and justice are special-category data: a partner records them only
    // when its referral shares health data.
    if let (Wie::Partner { verwijzing }, Scores::Zrm(s)) = (&w, &m.scores)
        && !verwijzing.gezondheid_delen
        && s.iter().any(|(d, _)| d.is_bijzonder())
    {
        return Err(invalid(
            "scores",
            "not_allowed",
            "Scores op gezondheid, middelengebruik en justitie legt u alleen vast als de verwijzing gezondheidsgegevens deelt.",
        ));
    }
    let pairs: Vec<(&str, &str)> = match &m.scores {
        Scores::Zrm(s) => s.iter().map(|(d, t)| (d.code(), t.code())).collect(),
        Scores::Taal(s) => s.iter().map(|(v, n)| (v.code(), n.code())).collect(),
    };
    let json = serde_json::to_string(&pairs).map_err(|e| AppError::Internal(e.to_string()))?;
    let id = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_meting(
        &mut tx,
        &auteur(ctx, &w, persoon),
        id,
        m.instrument().code(),
        m.moment.code(),
        m.datum,
        &json,
        &m.toelichting,
    )
    .await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRecorded,
        format!("meting {id} ({})", m.instrument().code()),
    );
    commit_with(ctx, tx, e).await?;
    Ok(id)
}

pub async fn metingen(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<Vec<MetingRow>> {
    let w = wie(ctx, Action::UitvoeringView, persoon).await?;
    let rows = store::metingen(&ctx.app.db, persoon, lezer(ctx, &w)).await?;
    // ZRM scores on health, addiction and justice are special-category data: not for partners.
    let rows = if matches!(w, Wie::Partner { .. }) {
        rows.into_iter().map(without_special_scores).collect()
    } else {
        rows
    };
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRead,
        format!("{} metingen", rows.len()),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(rows)
}

fn without_special_scores(mut r: MetingRow) -> MetingRow {
    use wegwijs_domain::meting::codes::ZrmDomein;
    let pairs: Vec<(String, String)> = serde_json::from_str(&r.scores).unwrap_or_default();
    let kept: Vec<(String, String)> = pairs
        .into_iter()
        .filter(|(d, _)| !ZrmDomein::parse(d).is_some_and(ZrmDomein::is_bijzonder))
        .collect();
    r.scores = serde_json::to_string(&kept).unwrap_or_else(|_| "[]".into());
    r
}

// ---- hours per professional ----

pub async fn record_uren(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    raw: &RawUrenregistratie,
) -> AppResult<Uuid> {
    let w = wie(ctx, Action::UitvoeringRecord, persoon).await?;
    let u = Urenregistratie::parse(raw, ctx.app.clock.today())?;
    not_before_referral(&w, u.datum, "datum")?;
    if let Some(a) = u.activiteit_id {
        check_activiteit(ctx, &w, persoon, a).await?;
    }
    let id = Uuid::now_v7();
    let n = i32::try_from(u.uren_honderdsten).map_err(|_| AppError::Internal("uren".into()))?;
    let mut tx = ctx.app.db.begin().await?;
    store::insert_uren(
        &mut tx,
        &auteur(ctx, &w, persoon),
        id,
        u.activiteit_id,
        u.datum,
        n,
        &u.omschrijving,
    )
    .await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRecorded,
        format!("uren {id}"),
    );
    commit_with(ctx, tx, e).await?;
    Ok(id)
}

pub async fn uren(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<Vec<UrenRow>> {
    let w = wie(ctx, Action::UitvoeringView, persoon).await?;
    let rows = store::uren(&ctx.app.db, persoon, lezer(ctx, &w)).await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRead,
        format!("{} urenregels", rows.len()),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(rows)
}

/// Hours for an activity: one of the person's current PIP (for a partner: of its assigned goals).
async fn check_activiteit(ctx: &Ctx<'_>, w: &Wie, persoon: PersonId, a: Uuid) -> AppResult<()> {
    let known = match w {
        Wie::Partner { .. } => super::dossier::view(ctx, persoon)
            .await?
            .activiteiten
            .iter()
            .any(|x| x.activiteit_id == a),
        Wie::Gemeente { gemeente } => super::dossier::current_pip(ctx, *gemeente, persoon)
            .await?
            .is_some_and(|p| p.activiteiten.iter().any(|x| x.activiteit_id == a)),
    };
    if known {
        return Ok(());
    }
    Err(invalid(
        "activiteitId",
        "unknown_value",
        "Kies een activiteit uit het plan van deze persoon.",
    ))
}

// ---- placements ----

pub async fn record_plaatsing(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    raw: &RawPlaatsing,
) -> AppResult<Uuid> {
    let w = wie(ctx, Action::UitvoeringRecord, persoon).await?;
    let p = Plaatsing::parse(raw, ctx.app.clock.today())?;
    let id = Uuid::now_v7();
    let n = i32::try_from(p.uren_per_week_honderdsten)
        .map_err(|_| AppError::Internal("uren".into()))?;
    let mut tx = ctx.app.db.begin().await?;
    store::insert_plaatsing(
        &mut tx,
        &auteur(ctx, &w, persoon),
        id,
        p.soort.code(),
        &p.organisatie,
        p.start,
        p.eind,
        n,
    )
    .await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRecorded,
        format!("plaatsing {id} ({})", p.soort.code()),
    );
    commit_with(ctx, tx, e).await?;
    Ok(id)
}

pub async fn plaatsingen(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<Vec<PlaatsingRow>> {
    let w = wie(ctx, Action::UitvoeringView, persoon).await?;
    let rows = store::plaatsingen(&ctx.app.db, persoon, lezer(ctx, &w)).await?;
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::UitvoeringRead,
        format!("{} plaatsingen", rows.len()),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(rows)
}

// ---- handhaving (gemeente only) ----

/// What the regisseur fills in for a measure.
#[derive(Debug, Clone, Default)]
pub struct RawHandhaving {
    pub soort: String,
    pub overtreding: String,
    pub verwijtbaarheid: String,
    pub besluit_datum: String,
    pub nieuwe_termijn: String,
    pub schriftelijk_gewaarschuwd: bool,
    pub herhaald_opgeroepen: bool,
    pub bijstand_verlaagd: bool,
    pub toelichting: String,
}

pub async fn record_handhaving(
    ctx: &Ctx<'_>,
    persoon: PersonId,
    raw: &RawHandhaving,
) -> AppResult<(Uuid, i64)> {
    let p = persons::load(ctx, Action::HandhavingEdit, persoon).await?;
    let today = ctx.app.clock.today();
    let mut e = ValidationErrors::new();
    let soort = parse_code(
        &mut e,
        "soort",
        &raw.soort,
        MaatregelSoort::parse,
        MaatregelSoort::CODES,
    );
    let besluit = parse_date(&mut e, "besluitDatum", &raw.besluit_datum, true);
    if besluit.is_some_and(|d| d > today) {
        e.push(
            "besluitDatum",
            "out_of_range",
            "Deze datum ligt in de toekomst.",
        );
    }
    let nieuwe_termijn = parse_date(&mut e, "nieuweTermijn", &raw.nieuwe_termijn, false);
    let toelichting = raw.toelichting.trim().to_owned();
    if toelichting.chars().count() > 2000 {
        e.push("toelichting", "too_long", "Gebruik hoogstens 2000 tekens.");
    }
    let mut overtreding = None;
    let mut verwijtbaarheid = None;
    if soort == Some(MaatregelSoort::BoeteWi2021) {
        overtreding = parse_code(
            &mut e,
            "overtreding",
            &raw.overtreding,
            Overtreding::parse,
            Overtreding::CODES,
        );
        verwijtbaarheid = if overtreding == Some(Overtreding::PipVerplichting) {
            parse_code(
                &mut e,
                "verwijtbaarheid",
                &raw.verwijtbaarheid,
                Verwijtbaarheid::parse,
                Verwijtbaarheid::CODES,
            )
        } else {
            Some(Verwijtbaarheid::Opzet)
        };
        if overtreding == Some(Overtreding::BredeIntake) {
            match (besluit, nieuwe_termijn) {
                (Some(b), Some(t)) if !nieuwe_termijn_ok(b, t) => e.push(
                    "nieuweTermijn",
                    "out_of_range",
                    "De nieuwe termijn ligt na het besluit en hoogstens twee maanden later (art. 22, tweede lid, Wet inburgering 2021).",
                ),
                (Some(_), None) if e.for_field("nieuweTermijn").is_none() => {
                    e.push("nieuweTermijn", "required", "Stel in het boetebesluit een nieuwe termijn van hoogstens twee maanden.")
                }
                _ => {}
            }
        }
    }
    if !e.is_empty() {
        return Err(AppError::Invalid(e));
    }
    let (Some(soort), Some(besluit)) = (soort, besluit) else {
        return Err(AppError::Invalid(e));
    };
    let earlier = store::handhaving(&ctx.app.db, persoon, p.gemeente_id).await?;
    let (bedrag, berekening) = match (overtreding, verwijtbaarheid) {
        (Some(o), Some(v)) => {
            let invoer = BoeteInvoer {
                overtreding: o,
                vastgesteld: besluit,
                verwijtbaarheid: v,
                eerdere_pip_boetes: earlier
                    .iter()
                    .filter(|h| {
                        h.overtreding.as_deref() == Some(Overtreding::PipVerplichting.code())
                    })
                    .map(|h| EerdereBoete {
                        vastgesteld: h.besluit_datum,
                        onherroepelijk: h.onherroepelijk,
                    })
                    .collect(),
                schriftelijk_gewaarschuwd: raw.schriftelijk_gewaarschuwd,
                herhaald_opgeroepen: raw.herhaald_opgeroepen,
                bijstand_verlaagd_zelfde_gedraging: raw.bijstand_verlaagd,
                al_opgelegd_in_termijn_cents: earlier
                    .iter()
                    .filter(|h| h.soort == MaatregelSoort::BoeteWi2021.code())
                    .map(|h| h.bedrag_centen)
                    .sum(),
                plafond_cents: PLAFOND_TERMIJN_CENTS,
            };
            match boete_berekenen(&invoer) {
                Ok(b) => (b.bedrag_cents, b.regels.join("\n")),
                Err(w) => {
                    return Err(invalid("overtreding", "not_allowed", w.label()));
                }
            }
        }
        _ => (0, String::new()),
    };
    let h = NieuweHandhaving {
        soort: soort.code().into(),
        overtreding: overtreding.map(|o| o.code().into()),
        verwijtbaarheid: verwijtbaarheid
            .filter(|_| overtreding == Some(Overtreding::PipVerplichting))
            .map(|v| v.code().into()),
        besluit_datum: besluit,
        bedrag_centen: bedrag,
        berekening,
        nieuwe_termijn,
        toelichting,
    };
    let id = Uuid::now_v7();
    let w = Wie::Gemeente {
        gemeente: p.gemeente_id,
    };
    let mut tx = ctx.app.db.begin().await?;
    store::insert_handhaving(&mut tx, &auteur(ctx, &w, persoon), id, &h).await?;
    let en = entry(
        ctx,
        &w,
        persoon,
        AuditAction::HandhavingRecorded,
        format!("{} {id}", soort.code()),
    );
    commit_with(ctx, tx, en).await?;
    Ok((id, bedrag))
}

pub async fn handhaving(ctx: &Ctx<'_>, persoon: PersonId) -> AppResult<Vec<HandhavingRow>> {
    let p = persons::load(ctx, Action::HandhavingView, persoon).await?;
    let rows = store::handhaving(&ctx.app.db, persoon, p.gemeente_id).await?;
    let w = Wie::Gemeente {
        gemeente: p.gemeente_id,
    };
    let e = entry(
        ctx,
        &w,
        persoon,
        AuditAction::HandhavingRead,
        format!("{} maatregelen", rows.len()),
    );
    ctx.app.audit.record(vec![e]).await?;
    Ok(rows)
}

fn parse_code<T>(
    e: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
    codes: &[&str],
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        e.push(field, "required", "Maak een keuze.");
        return None;
    }
    let v = parse(raw);
    if v.is_none() {
        e.push(
            field,
            "unknown_value",
            format!("Onbekende waarde. Kies uit: {}.", codes.join(", ")),
        );
    }
    v
}

fn parse_date(
    e: &mut ValidationErrors,
    field: &'static str,
    raw: &str,
    required: bool,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        if required {
            e.push(field, "required", "Vul een datum in.");
        }
        return None;
    }
    match wegwijs_domain::validation::parse_date(raw) {
        Ok(d) => Some(d),
        Err(err) => {
            e.push(field, err.code(), err.to_string());
            None
        }
    }
}
