//! The writes: parse (domain), check against the stored facts, write and audit in one transaction.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::deadlines::afronding;
use wegwijs_domain::trajectory::progress::afronding::{
    AfrondingContext, AfrondingInvoer, RawAfronding, openstaand_tekst,
};
use wegwijs_domain::trajectory::progress::duo_besluit::{DuoBesluit, RawDuoBesluit};
use wegwijs_domain::trajectory::progress::exam::{Examen, RawExamen};
use wegwijs_domain::trajectory::progress::hours::{RawUren, Uren};
use wegwijs_domain::trajectory::progress::review::{Gesprek, RawGesprek};
use wegwijs_domain::trajectory::progress::verlenging::{RawVerlenging, VerlengingInvoer};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::persons::PersonRecord;
use wegwijs_storage::progress::{self as store, Schrijver, Voortgang};
use wegwijs_storage::{Tx, audit};

use super::overzicht::{feiten, termijn_of};
use super::{entry, load};
use crate::Ctx;
use crate::error::{AppError, AppResult};

fn schrijver(ctx: &Ctx<'_>, p: &PersonRecord) -> Schrijver {
    Schrijver {
        gemeente: p.gemeente_id,
        persoon: p.id,
        door: ctx.audit.gebruiker_id,
        op: ctx.now(),
    }
}

/// The audit row goes last, in the write's transaction; then commit.
async fn finish(
    ctx: &Ctx<'_>,
    mut tx: Tx,
    p: &PersonRecord,
    action: AuditAction,
    detail: String,
) -> AppResult<()> {
    audit::insert(&mut tx, &[entry(ctx, p, action, detail)]).await?;
    tx.commit().await?;
    Ok(())
}

async fn edit(ctx: &Ctx<'_>, id: PersonId) -> AppResult<(PersonRecord, Voortgang)> {
    load(ctx, Action::TrajectEdit, id).await
}

pub async fn record_verlenging(
    ctx: &Ctx<'_>,
    id: PersonId,
    raw: &RawVerlenging,
) -> AppResult<Uuid> {
    let (p, v) = edit(ctx, id).await?;
    let termijn = termijn_of(&v);
    let invoer = VerlengingInvoer::parse(raw, termijn.as_ref(), ctx.now().date_naive())?;
    let rid = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_verlenging(&mut tx, &schrijver(ctx, &p), rid, &invoer).await?;
    let detail = format!(
        "verlenging {rid} tot {}",
        invoer.verlenging.nieuwe_einddatum
    );
    finish(ctx, tx, &p, AuditAction::TermijnVerlengingRecorded, detail).await?;
    Ok(rid)
}

/// Progress may only be reported on goals of the current PIP.
fn check_doelen(v: &Voortgang, g: &Gesprek) -> AppResult<()> {
    let doelen: Vec<Uuid> = v
        .huidige_pip
        .iter()
        .flat_map(|p| p.doelen.iter().map(|d| d.doel_id))
        .collect();
    if g.doelvoortgang.iter().all(|d| doelen.contains(&d.doel_id)) {
        return Ok(());
    }
    let mut e = ValidationErrors::new();
    e.push(
        "doelvoortgang",
        "unknown_value",
        "Een of meer doelen horen niet bij het huidige PIP.",
    );
    Err(AppError::Invalid(e))
}

pub async fn record_gesprek(ctx: &Ctx<'_>, id: PersonId, raw: &RawGesprek) -> AppResult<Uuid> {
    let (p, v) = edit(ctx, id).await?;
    let g = Gesprek::parse(raw, ctx.now().date_naive())?;
    check_doelen(&v, &g)?;
    let rid = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_gesprek(&mut tx, &schrijver(ctx, &p), rid, &g).await?;
    finish(
        ctx,
        tx,
        &p,
        AuditAction::VoortgangRecorded,
        format!("voortgangsgesprek {rid}"),
    )
    .await?;
    Ok(rid)
}

/// Replaces a review if `versie` is still current (else a conflict, nothing saved).
pub async fn update_gesprek(
    ctx: &Ctx<'_>,
    id: PersonId,
    gesprek: Uuid,
    raw: &RawGesprek,
    versie: i64,
) -> AppResult<i64> {
    let (p, v) = edit(ctx, id).await?;
    if !v.gesprekken.iter().any(|s| s.id == gesprek) {
        return Err(AppError::NotFound);
    }
    let g = Gesprek::parse(raw, ctx.now().date_naive())?;
    check_doelen(&v, &g)?;
    let mut tx = ctx.app.db.begin().await?;
    let nieuw = store::update_gesprek(&mut tx, &schrijver(ctx, &p), gesprek, &g, versie).await?;
    finish(
        ctx,
        tx,
        &p,
        AuditAction::VoortgangRecorded,
        format!("voortgangsgesprek {gesprek} gewijzigd"),
    )
    .await?;
    Ok(nieuw)
}

pub async fn record_examen(ctx: &Ctx<'_>, id: PersonId, raw: &RawExamen) -> AppResult<Uuid> {
    let (p, _) = edit(ctx, id).await?;
    let x = Examen::parse(raw, ctx.now().date_naive())?;
    let rid = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_examen(&mut tx, &schrijver(ctx, &p), rid, &x).await?;
    let detail = format!("examen {} {}", x.onderdeel.code(), x.uitslag.code());
    finish(ctx, tx, &p, AuditAction::ExamRecorded, detail).await?;
    Ok(rid)
}

pub async fn record_uren(ctx: &Ctx<'_>, id: PersonId, raw: &RawUren) -> AppResult<Uuid> {
    let (p, _) = edit(ctx, id).await?;
    let u = Uren::parse(raw, ctx.now().date_naive())?;
    let rid = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_uren(&mut tx, &schrijver(ctx, &p), rid, &u).await?;
    let detail = format!("{} uren {}", u.uren, u.soort.code());
    finish(ctx, tx, &p, AuditAction::UrenRecorded, detail).await?;
    Ok(rid)
}

pub async fn record_duo_besluit(
    ctx: &Ctx<'_>,
    id: PersonId,
    raw: &RawDuoBesluit,
) -> AppResult<Uuid> {
    let (p, _) = edit(ctx, id).await?;
    let b = DuoBesluit::parse(raw, ctx.now().date_naive())?;
    let rid = Uuid::now_v7();
    let mut tx = ctx.app.db.begin().await?;
    store::insert_duo_besluit(&mut tx, &schrijver(ctx, &p), rid, &b).await?;
    let detail = format!("{} {}", b.soort.code(), b.type_.code());
    finish(ctx, tx, &p, AuditAction::DuoBesluitRecorded, detail).await?;
    Ok(rid)
}

/// "Voldaan" is confirmed by the regisseur but computed by the rules: refused while anything is due
/// (the message lists what), and its ground must be the computed one (taken when none is given).
fn check_voldaan(p: &PersonRecord, v: &Voortgang, a: &mut AfrondingInvoer) -> AppResult<()> {
    if a.voldaan_op.is_none() {
        a.voldaan_grond = None;
        return Ok(());
    }
    let uitkomst = afronding(&feiten(p, v, a));
    let mut e = ValidationErrors::new();
    match (uitkomst.voldaan, a.voldaan_grond) {
        (None, _) => {
            let open: Vec<String> = uitkomst.openstaand.iter().map(openstaand_tekst).collect();
            e.push(
                "voldaanOp",
                "state",
                format!(
                    "Nog niet voldaan aan de inburgeringsplicht. Nog open: {}.",
                    open.join("; ")
                ),
            );
        }
        (Some(grond), Some(gekozen)) if grond != gekozen => e.push(
            "voldaanGrond",
            "state",
            format!(
                "Volgens de vastgelegde gegevens is de grond: {}.",
                grond.label()
            ),
        ),
        (Some(grond), _) => a.voldaan_grond = Some(grond),
    }
    e.into_result(()).map_err(AppError::Invalid)
}

/// Which part of the afronding a form changes; the rest keeps what is stored.
pub enum AfrondingDeel {
    /// Everything (the API's PUT replaces the whole resource).
    Geheel(RawAfronding),
    /// PVT, MAP, Z-route and onderwijsroute; "voldaan" stays as stored.
    Routes(RawAfronding),
    /// Only "voldaan" (date and ground).
    Voldaan { op: String, grond: String },
}

fn raw_of(a: &AfrondingInvoer) -> RawAfronding {
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    RawAfronding {
        pvt_ondertekend_op: d(a.pvt_ondertekend_op),
        pvt_verwijtbaar: a
            .pvt_verwijtbaar
            .map(|v| v.code().to_string())
            .unwrap_or_default(),
        map_eindgesprek_op: d(a.map_eindgesprek_op),
        map_verwijtbaar: a
            .map_verwijtbaar
            .map(|v| v.code().to_string())
            .unwrap_or_default(),
        z_eindgesprek_op: d(a.z_eindgesprek_op),
        onderwijsroute_afgerond_op: d(a.onderwijsroute_afgerond_op),
        voldaan_op: d(a.voldaan_op),
        voldaan_grond: a
            .voldaan_grond
            .map(|g| g.code().to_string())
            .unwrap_or_default(),
    }
}

/// Stores the afronding (PVT, MAP, Z-route, onderwijsroute, voldaan) at `versie` (0: none yet).
pub async fn save_afronding(
    ctx: &Ctx<'_>,
    id: PersonId,
    deel: AfrondingDeel,
    versie: i64,
) -> AppResult<i64> {
    let (p, v) = edit(ctx, id).await?;
    let stored = raw_of(
        &v.afronding
            .as_ref()
            .map(|s| s.afronding.clone())
            .unwrap_or_default(),
    );
    let raw = match deel {
        AfrondingDeel::Geheel(r) => r,
        AfrondingDeel::Routes(r) => RawAfronding {
            voldaan_op: stored.voldaan_op,
            voldaan_grond: stored.voldaan_grond,
            ..r
        },
        AfrondingDeel::Voldaan { op, grond } => RawAfronding {
            voldaan_op: op,
            voldaan_grond: grond,
            ..stored
        },
    };
    let raw = &raw;
    let termijn = termijn_of(&v);
    let c = AfrondingContext {
        termijn: termijn.as_ref(),
        leerroute: v.huidige_pip.as_ref().and_then(|p| p.leerroute),
        today: ctx.now().date_naive(),
    };
    let mut a = AfrondingInvoer::parse(raw, &c)?;
    check_voldaan(&p, &v, &mut a)?;
    let mut tx = ctx.app.db.begin().await?;
    let nieuw = store::save_afronding(&mut tx, &schrijver(ctx, &p), &a, versie).await?;
    let detail = match a.voldaan_grond {
        Some(g) => format!("afronding versie {nieuw}, voldaan ({})", g.code()),
        None => format!("afronding versie {nieuw}"),
    };
    finish(ctx, tx, &p, AuditAction::AfrondingUpdated, detail).await?;
    Ok(nieuw)
}
