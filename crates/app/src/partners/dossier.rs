//! A partner's view of the persons referred to it: the list and the dossier open only what the grant
//! opens ([`PartnerGrant::SECTIES`]): identification, contact data, the goals assigned in the referral
//! and the partner's own reports. Nothing of the intake, health, the termijn or handhaving. Each row
//! shown is audited with the referral as its legal basis.

use std::collections::HashMap;

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, PartnerGrant, PersonScope, person_scope};
use wegwijs_domain::ids::{OrganisatieId, PersonId};
use wegwijs_domain::trajectory::intake::leefdomeinen::is_bijzonder;
use wegwijs_domain::trajectory::pip::inhoud::{Activiteit, Doel, PipInhoud};
use wegwijs_storage::audit::AuditEntry;
use wegwijs_storage::partners::verwijzingen::{self as refs, VerwijzingRow};
use wegwijs_storage::persons::{self, ListQuery, Page, PersonRecord};

use super::grant::grondslag;
use crate::Ctx;
use crate::error::{AppError, AppResult};

/// The partner's grant, or 403 for an actor without a partner role.
fn grant(ctx: &Ctx<'_>, action: Action) -> AppResult<PartnerGrant> {
    match person_scope(ctx.actor, action) {
        PersonScope::Verwijzingen(g) => Ok(g),
        _ => Err(AppError::Forbidden(
            wegwijs_domain::authz::DenyReason::NoReferral,
        )),
    }
}

fn row(ctx: &Ctx<'_>, v: &VerwijzingRow, actie: AuditAction, detail: String) -> AuditEntry {
    ctx.audit
        .entry(
            ctx.now(),
            actie,
            Some(OrganisatieId(v.gemeente_id)),
            Some(PersonId(v.persoon_id)),
            Some(detail),
        )
        .onder(grondslag(v))
}

/// The persons with an accepted or started referral to the actor's organisation (a worker: assigned
/// to them), as a page of the ordinary person list.
pub async fn list(ctx: &Ctx<'_>, query: &ListQuery) -> AppResult<Page> {
    let g = grant(ctx, Action::PersonList)?;
    let page = persons::list(&ctx.app.db, PersonScope::Verwijzingen(g), query).await?;
    let ids: Vec<PersonId> = page.items.iter().map(|p| p.person_id()).collect();
    let via: HashMap<Uuid, VerwijzingRow> = refs::active_for(&ctx.app.db, g, &ids)
        .await?
        .into_iter()
        .map(|v| (v.persoon_id, v))
        .collect();
    let detail = format!("lijst pagina {}", page.pagina);
    let entries: Vec<AuditEntry> = page
        .items
        .iter()
        .filter_map(|p| via.get(&p.id))
        .map(|v| row(ctx, v, AuditAction::PersonListed, detail.clone()))
        .collect();
    // A person without the referral that let the query see them would be a bug: refuse to show them.
    if entries.len() != page.items.len() {
        return Err(AppError::Internal("lijstregel zonder verwijzing".into()));
    }
    ctx.app.audit.record(entries).await?;
    Ok(page)
}

/// What a partner sees of one person.
pub struct PartnerDossier {
    pub person: PersonRecord,
    /// The organisation's active referrals for this person (the worker's: assigned to them).
    pub verwijzingen: Vec<VerwijzingRow>,
    /// The goals of the current PIP assigned in those referrals (special-category goals only where a
    /// referral shares them).
    pub doelen: Vec<Doel>,
    pub activiteiten: Vec<Activiteit>,
}

/// One person through the actor's referrals: 404 without an active referral (the query does not find
/// the person, so nothing of them is read).
pub async fn view(ctx: &Ctx<'_>, id: PersonId) -> AppResult<PartnerDossier> {
    let g = grant(ctx, Action::PersonView)?;
    let person = persons::get(&ctx.app.db, PersonScope::Verwijzingen(g), id).await?;
    let verwijzingen = refs::active_for(&ctx.app.db, g, &[id]).await?;
    let Some(first) = verwijzingen.first() else {
        return Err(AppError::NotFound);
    };
    for v in &verwijzingen {
        ctx.require(Action::PersonView, super::grant::resource(v)?)?;
    }
    let pip = current_pip(ctx, person.gemeente_id, id).await?;
    let mut doelen = Vec::new();
    let mut activiteiten = Vec::new();
    if let Some(pip) = pip {
        for d in pip.doelen {
            let via: Vec<&VerwijzingRow> = verwijzingen
                .iter()
                .filter(|v| v.doelen().contains(&d.doel_id))
                .collect();
            let shared = via.iter().any(|v| v.gezondheid_delen);
            if !via.is_empty() && (!is_bijzonder(&d.leefdomein) || shared) {
                doelen.push(d);
            }
        }
        activiteiten = pip
            .activiteiten
            .into_iter()
            .filter(|a| {
                a.doel_id
                    .is_some_and(|d| doelen.iter().any(|x| x.doel_id == d))
            })
            .collect();
    }
    let detail = format!(
        "dossier via verwijzing; secties: {}",
        PartnerGrant::SECTIES
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut entries = vec![row(ctx, first, AuditAction::PersonRead, detail)];
    if !doelen.is_empty() {
        entries.push(row(
            ctx,
            first,
            AuditAction::PipRead,
            format!("{} toegewezen doelen", doelen.len()),
        ));
    }
    ctx.app.audit.record(entries).await?;
    Ok(PartnerDossier {
        person,
        verwijzingen,
        doelen,
        activiteiten,
    })
}

/// The content of the PIP in force (the newest decided version), else the newest concept. Internal:
/// callers decided access before.
pub(crate) async fn current_pip(
    ctx: &Ctx<'_>,
    gemeente: OrganisatieId,
    persoon: PersonId,
) -> AppResult<Option<PipInhoud>> {
    use wegwijs_domain::trajectory::codes::PipStatus;
    let scope = PersonScope::Gemeente(gemeente);
    let versies = wegwijs_storage::pips::list(&ctx.app.db, scope, persoon).await?;
    let pick = versies
        .iter()
        .find(|v| v.status == PipStatus::Vastgesteld)
        .or_else(|| versies.iter().find(|v| v.status == PipStatus::Concept));
    match pick {
        Some(v) => Ok(Some(
            wegwijs_storage::pips::get(&ctx.app.db, scope, persoon, v.id)
                .await?
                .inhoud,
        )),
        None => Ok(None),
    }
}
