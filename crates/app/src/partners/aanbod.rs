//! The sociale kaart: every role that works with referrals may read it; a gemeente's beheerder adds
//! products of partners to its own gemeente's offer.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, OrganisatieSoort, Resource};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::partners::aanbod::{Product, RawProduct};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::audit;
use wegwijs_storage::partners::aanbod::{self as store, AanbodRow};

use crate::Ctx;
use crate::error::{AppError, AppResult};

/// The offer of the actor's gemeente; for a partner, its own products in every gemeente.
pub async fn list(ctx: &Ctx<'_>) -> AppResult<Vec<AanbodRow>> {
    ctx.require(
        Action::AanbodView,
        Resource::Organisation(ctx.actor.organisatie_id),
    )?;
    if ctx.actor.organisatie_soort == OrganisatieSoort::Partner {
        return Ok(store::list_of_partner(&ctx.app.db, ctx.actor.organisatie_id).await?);
    }
    Ok(store::list(&ctx.app.db, ctx.gemeente()?, false).await?)
}

/// Adds a product of `partner` to the gemeente's offer.
pub async fn create(ctx: &Ctx<'_>, partner: OrganisatieId, raw: &RawProduct) -> AppResult<Uuid> {
    let gemeente = ctx.gemeente()?;
    ctx.require(Action::AanbodManage, Resource::Organisation(gemeente))?;
    let org = wegwijs_storage::organisations::get(&ctx.app.db, partner).await;
    let domeinen = all_leefdomeinen();
    let product = Product::parse(raw, &domeinen);
    let mut e = product
        .as_ref()
        .err()
        .cloned()
        .unwrap_or_else(ValidationErrors::new);
    if !matches!(&org, Ok(o) if o.soort == OrganisatieSoort::Partner) {
        e.push(
            "partnerId",
            "unknown_value",
            "Kies een partnerorganisatie uit de lijst.",
        );
    }
    let product = match product {
        Ok(p) if e.is_empty() => p,
        _ => return Err(AppError::Invalid(e)),
    };
    let id = Uuid::now_v7();
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    store::insert(&mut tx, id, gemeente, partner, &product, now).await?;
    let entry = ctx.audit.entry(
        now,
        AuditAction::AanbodChanged,
        Some(gemeente),
        None,
        Some(format!("aanbod {id} toegevoegd")),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(id)
}

/// The leefdomein codes of every shipped set: partners serve several gemeenten with different sets.
pub fn all_leefdomeinen() -> Vec<&'static str> {
    use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
    use wegwijs_domain::trajectory::intake::leefdomeinen::domeinen;
    let mut out: Vec<&'static str> = Vec::new();
    for set in LeefdomeinenSet::ALL {
        for d in domeinen(*set) {
            if !out.contains(&d.code) {
                out.push(d.code);
            }
        }
    }
    out
}
