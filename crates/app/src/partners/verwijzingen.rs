//! Referring a person to a partner's product, answering and ending it, assigning it to a worker.
//! Every step is checked by `authz::can` on the referral, decided by the domain's state machine, stored
//! with a compare-and-set on its version, and audited in the same transaction.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, OrganisatieSoort, Role, person_scope};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::partners::verwijzing::{Kant, Overgang, Stand, overgang};
use wegwijs_domain::partners::verwijzing_input::{
    NieuweVerwijzing, RawOvergang, RawVerwijzing, parse_overgang,
};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::audit::{self, AuditEntry};
use wegwijs_storage::partners::aanbod;
use wegwijs_storage::partners::verwijzingen::{
    self as store, Filter, Stap, StapRow, VerwijzingRow,
};

use super::grant::{grondslag, resource};
use super::invalid;
use crate::error::{AppError, AppResult};
use crate::{Ctx, persons};

/// An audit row about referral `v`; a partner's rows carry the referral as legal basis.
fn entry(ctx: &Ctx<'_>, v: &VerwijzingRow, actie: AuditAction, detail: String) -> AuditEntry {
    let e = ctx.audit.entry(
        ctx.now(),
        actie,
        Some(OrganisatieId(v.gemeente_id)),
        Some(PersonId(v.persoon_id)),
        Some(detail),
    );
    if ctx.actor.organisatie_soort == OrganisatieSoort::Partner {
        e.onder(grondslag(v))
    } else {
        e
    }
}

/// The regisseur refers `persoon` to a product of the gemeente's sociale kaart.
pub async fn create(ctx: &Ctx<'_>, persoon: PersonId, raw: &RawVerwijzing) -> AppResult<Uuid> {
    let person = persons::load(ctx, Action::VerwijzingCreate, persoon).await?;
    let today = ctx.app.clock.today();
    let v = NieuweVerwijzing::parse(raw, today)?;
    let product = match aanbod::get(&ctx.app.db, v.aanbod_id).await {
        Ok(p) if p.gemeente_id == person.gemeente_id.0 && p.actief => p,
        Ok(_) | Err(wegwijs_storage::StorageError::NotFound) => {
            return Err(invalid(
                "aanbodId",
                "unknown_value",
                "Dit product staat niet op de sociale kaart van uw gemeente. Kies een product uit de lijst.",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    check_doelen(ctx, &person, &v.doel_ids, v.gezondheid_delen).await?;
    if let Some(m) = v.medewerker_id {
        check_worker(ctx, OrganisatieId(product.partner_id), GebruikerId(m)).await?;
    }
    let id = Uuid::now_v7();
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    store::insert(
        &mut tx,
        id,
        person.gemeente_id,
        person.id,
        OrganisatieId(product.partner_id),
        &v,
        ctx.audit.gebruiker_id,
        now,
    )
    .await?;
    let row = ctx.audit.entry(
        now,
        AuditAction::VerwijzingSent,
        Some(person.gemeente_id),
        Some(person.id),
        Some(format!("verwijzing {id} naar aanbod {}", product.id)),
    );
    audit::insert(&mut tx, &[row]).await?;
    tx.commit().await?;
    Ok(id)
}

/// Goals must be goals of the person's current PIP.
async fn check_doelen(
    ctx: &Ctx<'_>,
    person: &wegwijs_storage::persons::PersonRecord,
    doelen: &[Uuid],
    gezondheid_delen: bool,
) -> AppResult<()> {
    if doelen.is_empty() {
        return Ok(());
    }
    let pip = super::dossier::current_pip(ctx, person.gemeente_id, person.id).await?;
    let known: Vec<(Uuid, String)> = pip
        .iter()
        .flat_map(|p| p.doelen.iter().map(|d| (d.doel_id, d.leefdomein.clone())))
        .collect();
    let mut bijzonder = false;
    for d in doelen {
        match known.iter().find(|(k, _)| k == d) {
            Some((_, domein)) => {
                bijzonder |= wegwijs_domain::trajectory::intake::leefdomeinen::is_bijzonder(domein)
            }
            None => {
                return Err(invalid(
                    "doelIds",
                    "unknown_value",
                    "Kies doelen uit het geldende PIP van deze persoon.",
                ));
            }
        }
    }
    // A goal on health or personal circumstances is special-category data: never dropped silently.
    if bijzonder && !gezondheid_delen {
        return Err(invalid(
            "doelIds",
            "not_allowed",
            "Een gekozen doel gaat over gezondheid of persoonlijke omstandigheden. Vink aan dat u die doelen deelt (met toestemming of een rechtvaardiging), of kies dat doel niet.",
        ));
    }
    Ok(())
}

/// A worker must be an active user of the partner with a partner role.
async fn check_worker(ctx: &Ctx<'_>, partner: OrganisatieId, m: GebruikerId) -> AppResult<()> {
    let ok = match wegwijs_storage::users::get(&ctx.app.db, m).await {
        Ok(u) => {
            u.actief && u.organisatie_id == partner && u.roles.iter().any(|r| r.is_partner_role())
        }
        Err(wegwijs_storage::StorageError::NotFound) => false,
        Err(e) => return Err(e.into()),
    };
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "medewerkerId",
            "unknown_value",
            "Kies een medewerker van de partnerorganisatie.",
        ))
    }
}

/// The workers a referral to `partner` can be assigned to (for the forms).
pub async fn workers(
    ctx: &Ctx<'_>,
    partner: OrganisatieId,
) -> AppResult<Vec<(GebruikerId, String)>> {
    let users = wegwijs_storage::users::list_by_organisation(&ctx.app.db, partner).await?;
    Ok(users
        .into_iter()
        .filter(|u| u.actief && u.roles.iter().any(|r| r.is_partner_role()))
        .map(|u| (u.id, u.naam))
        .collect())
}

/// The referrals the actor sees: a gemeente's (optionally of one person), or a partner's work list.
/// Each row shows a person's name: one audit row per person shown.
pub async fn list(
    ctx: &Ctx<'_>,
    filter: Filter,
    persoon: Option<PersonId>,
    limit: i64,
    offset: i64,
) -> AppResult<Vec<VerwijzingRow>> {
    let scope = person_scope(ctx.actor, Action::VerwijzingView);
    if scope == wegwijs_domain::authz::PersonScope::Nothing {
        return Err(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NoRole,
        ));
    }
    let rows = store::list(&ctx.app.db, scope, filter, persoon, limit, offset).await?;
    let entries: Vec<AuditEntry> = rows
        .iter()
        .map(|v| {
            entry(
                ctx,
                v,
                AuditAction::PersonListed,
                format!("verwijzingenlijst, verwijzing {}", v.id),
            )
        })
        .collect();
    ctx.app.audit.record(entries).await?;
    Ok(rows)
}

/// One referral with its history, if the actor may see it.
pub async fn get(ctx: &Ctx<'_>, id: Uuid) -> AppResult<(VerwijzingRow, Vec<StapRow>)> {
    let v = load(ctx, Action::VerwijzingView, id).await?;
    let steps = store::steps(&ctx.app.db, id).await?;
    ctx.app
        .audit
        .record(vec![entry(
            ctx,
            &v,
            AuditAction::VerwijzingRead,
            format!("verwijzing {id}"),
        )])
        .await?;
    Ok((v, steps))
}

/// The referral, refused (404 for those who may not know it exists) unless `action` is allowed on it.
pub(crate) async fn load(ctx: &Ctx<'_>, action: Action, id: Uuid) -> AppResult<VerwijzingRow> {
    let v = match store::get(&ctx.app.db, id).await {
        Ok(v) => v,
        Err(e) => return Err(e.into()),
    };
    match ctx.require(action, resource(&v)?) {
        Ok(()) => Ok(v),
        // Someone of another gemeente or partner does not learn that the referral exists.
        Err(AppError::Forbidden(_)) if !sees_any(ctx, &v) => Err(AppError::NotFound),
        Err(e) => Err(e),
    }
}

fn sees_any(ctx: &Ctx<'_>, v: &VerwijzingRow) -> bool {
    ctx.actor.organisatie_id.0 == v.gemeente_id || ctx.actor.organisatie_id.0 == v.partner_id
}

/// A step in the referral's life; `versie` is the version the actor saw.
pub async fn transition(ctx: &Ctx<'_>, id: Uuid, raw: &RawOvergang, versie: i64) -> AppResult<i64> {
    let today = ctx.app.clock.today();
    // Whoever may not know the referral learns nothing from how their input is judged: look first.
    let revoke = raw.overgang.trim() == "intrekken";
    let action = if revoke {
        Action::VerwijzingRevoke
    } else {
        Action::VerwijzingRespond
    };
    let v = load(ctx, action, id).await?;
    let o = parse_overgang(raw, today)?;
    let kant = if ctx.actor.organisatie_soort == OrganisatieSoort::Partner {
        Kant::Partner
    } else {
        Kant::Gemeente
    };
    let stand = Stand {
        status: v.status()?,
        verstuurd_op: v.verstuurd_op,
        gestart_op: v.gestart_op,
    };
    if versie != v.versie {
        return Err(AppError::Conflict {
            expected: versie,
            current: v.versie,
        });
    }
    let nieuw = overgang(stand, &o, kant, today)
        .map_err(|f| AppError::Invalid(ValidationErrors(vec![f])))?;
    let (datum, reden, toelichting) = match &o {
        Overgang::Starten { datum } | Overgang::Afronden { datum } => (*datum, None, None),
        Overgang::Stoppen {
            datum,
            reden,
            toelichting,
        } => (
            *datum,
            Some(reden.code().to_string()),
            Some(toelichting.clone()),
        ),
        Overgang::Afwijzen { reden, toelichting } => (
            today,
            Some(reden.code().to_string()),
            Some(toelichting.clone()),
        ),
        Overgang::Intrekken { toelichting } => (today, None, Some(toelichting.clone())),
        Overgang::Accepteren => (today, None, None),
    };
    let stap = Stap {
        status: nieuw,
        datum,
        reden,
        toelichting: toelichting.filter(|t| !t.trim().is_empty()),
    };
    let mut tx = ctx.app.db.begin().await?;
    let new_version = store::transition(
        &mut tx,
        id,
        versie,
        &stap,
        ctx.audit.gebruiker_id,
        ctx.now(),
    )
    .await?;
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            &v,
            AuditAction::VerwijzingUpdated,
            format!("verwijzing {id}: {}", o.code()),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(new_version)
}

/// The coordinator assigns the referral to one of the organisation's workers.
pub async fn assign(
    ctx: &Ctx<'_>,
    id: Uuid,
    medewerker: GebruikerId,
    versie: i64,
) -> AppResult<i64> {
    let v = load(ctx, Action::VerwijzingAssign, id).await?;
    if !ctx.actor.has(Role::PartnerCoordinator) {
        return Err(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NoRole,
        ));
    }
    check_worker(ctx, OrganisatieId(v.partner_id), medewerker).await?;
    if v.status()?.is_eind() {
        return Err(invalid(
            "medewerkerId",
            "invalid_state",
            "Een beëindigde verwijzing kan niet meer worden toegewezen.",
        ));
    }
    let mut tx = ctx.app.db.begin().await?;
    let new_version = store::assign(&mut tx, id, versie, medewerker, ctx.now()).await?;
    audit::insert(
        &mut tx,
        &[entry(
            ctx,
            &v,
            AuditAction::VerwijzingUpdated,
            format!("verwijzing {id}: toegewezen aan {medewerker}"),
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(new_version)
}

/// What the referral form offers for `persoon`: the goals of the current PIP (id, domain, text).
pub async fn doelen_voor(
    ctx: &Ctx<'_>,
    persoon: PersonId,
) -> AppResult<Vec<(Uuid, String, String)>> {
    let person = persons::load(ctx, Action::VerwijzingCreate, persoon).await?;
    let pip = super::dossier::current_pip(ctx, person.gemeente_id, person.id).await?;
    Ok(pip
        .map(|p| {
            p.doelen
                .into_iter()
                .map(|d| (d.doel_id, d.leefdomein, d.omschrijving))
                .collect()
        })
        .unwrap_or_default())
}
