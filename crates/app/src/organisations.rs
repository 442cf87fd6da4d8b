//! The organisations on this installation (beheerder): gemeenten come with the installation,
//! partner organisations are added here.

use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, OrganisatieSoort, Resource};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::StorageError;
use wegwijs_storage::organisations::{self, Organisation};

use crate::{AppError, AppResult, Ctx};

fn require(ctx: &Ctx<'_>) -> AppResult<()> {
    ctx.require(
        Action::OrganisationManage,
        Resource::Organisation(ctx.actor.organisatie_id),
    )
}

pub async fn list(ctx: &Ctx<'_>) -> AppResult<Vec<Organisation>> {
    require(ctx)?;
    Ok(organisations::list(&ctx.app.db).await?)
}

const DUPLICATE: &str = "Er bestaat al een organisatie met deze naam (hoofdletters en spaties tellen \
                         niet mee). Kies een andere naam.";

fn invalid(message: &str) -> AppError {
    let mut e = ValidationErrors::new();
    e.push("naam", "invalid", message);
    AppError::Invalid(e)
}

/// The trimmed name, or the field error a name gets.
fn checked_name(naam: &str) -> AppResult<&str> {
    let naam = naam.trim();
    if naam.is_empty() || naam.chars().count() > 200 {
        return Err(invalid("Vul een naam in van hoogstens 200 tekens."));
    }
    if let Some((_, message)) = wegwijs_domain::validation::text_problem(naam, 200) {
        return Err(invalid(&message));
    }
    Ok(naam)
}

/// Adds a partner organisation; a duplicate name is a field error, not a failure.
pub async fn create_partner(ctx: &Ctx<'_>, naam: &str) -> AppResult<OrganisatieId> {
    require(ctx)?;
    let naam = checked_name(naam)?;
    let org = Organisation {
        id: OrganisatieId(Uuid::now_v7()),
        naam: naam.to_string(),
        soort: OrganisatieSoort::Partner,
        gemeentecode: None,
        versie: 1,
    };
    let mut tx = ctx.app.db.begin().await?;
    match organisations::insert(&mut tx, &org, ctx.now()).await {
        Ok(()) => {}
        Err(StorageError::Duplicate { .. }) => {
            return Err(invalid(DUPLICATE));
        }
        Err(e) => return Err(e.into()),
    }
    // Partner organisations are shared by the installation: the row goes in the creating gemeente's
    // chain, so its privacy officer sees who added which organisation.
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::OrganisationCreated,
        ctx.actor.gemeente_id(),
        None,
        Some(format!(
            "organisatie {} ({}): {}",
            org.naam,
            org.soort.code(),
            org.id
        )),
    );
    wegwijs_storage::audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(org.id)
}

/// Renames an organisation, with the version check. A gemeente's beheerder renames their own gemeente
/// and the partner organisations (shared by the installation); another gemeente is not theirs to
/// rename and is answered as not found. The type does not change: a gemeente comes with the
/// installation and its gemeentecode, a partner never becomes one. Audited in the actor's gemeente.
pub async fn rename(
    ctx: &Ctx<'_>,
    id: OrganisatieId,
    naam: &str,
    expected_version: i64,
) -> AppResult<()> {
    require(ctx)?;
    let org = match organisations::get(&ctx.app.db, id).await {
        Ok(o) if o.soort == OrganisatieSoort::Partner || o.id == ctx.actor.organisatie_id => o,
        Ok(_) | Err(StorageError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let naam = checked_name(naam)?;
    let mut tx = ctx.app.db.begin().await?;
    match organisations::rename(&mut tx, org.id, naam, expected_version).await {
        Ok(()) => {}
        Err(StorageError::Duplicate { .. }) => return Err(invalid(DUPLICATE)),
        Err(e) => return Err(e.into()),
    }
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::OrganisationUpdated,
        ctx.actor.gemeente_id(),
        None,
        Some(format!(
            "organisatie {} ({}): {} -> {}",
            org.id,
            org.soort.code(),
            org.naam,
            naam
        )),
    );
    wegwijs_storage::audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}
