//! Managing the accounts of one organisation (beheerder).

use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, OrganisatieSoort, Resource, Role};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::users::{self, User};
use wegwijs_storage::{StorageError, audit};

use crate::{AppError, AppResult, Ctx};

/// The accounts of the actor's own organisation.
pub async fn list_own_organisation(ctx: &Ctx<'_>) -> AppResult<Vec<User>> {
    let org = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(org))?;
    Ok(users::list_by_organisation(&ctx.app.db, org).await?)
}

/// The regisseurs of the actor's gemeente (for assignment choices and filters), by name.
pub async fn regisseurs(ctx: &Ctx<'_>) -> AppResult<Vec<(GebruikerId, String)>> {
    let g = ctx.gemeente()?;
    Ok(users::regisseurs_of(&ctx.app.db, g).await?)
}

/// The gemeente an account's audit rows belong to, so that the gemeente's privacy officer sees who
/// changed which account.
pub(crate) fn gemeente_of(user: &User) -> Option<OrganisatieId> {
    (user.organisatie_soort == OrganisatieSoort::Gemeente).then_some(user.organisatie_id)
}

pub struct ProfileChange<'a> {
    pub naam: &'a str,
    pub actief: bool,
    pub roles: &'a [Role],
    pub expected_version: i64,
}

/// Changes name, roles and active flag, with the version check; deactivation ends the user's
/// sessions. A beheerder cannot change their own roles or switch themselves off: another beheerder
/// must, so nobody grants themselves rights unseen.
pub async fn update_profile(
    ctx: &Ctx<'_>,
    id: GebruikerId,
    change: &ProfileChange<'_>,
) -> AppResult<()> {
    let own = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(own))?;
    let target = match users::get(&ctx.app.db, id).await {
        Ok(u) if u.organisatie_id == own => u,
        Ok(_) | Err(StorageError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let naam = change.naam.trim();
    let mut errors = ValidationErrors::new();
    if let Some((code, message)) = wegwijs_domain::validation::text_problem(naam, 200) {
        errors.push("naam", code, message);
    } else if naam.is_empty() {
        errors.push(
            "naam",
            "required",
            "Vul een naam in van hoogstens 200 tekens.",
        );
    }
    if change.roles.is_empty() {
        errors.push("rol", "required", "Een account heeft minstens één rol.");
    }
    if target.id == ctx.actor.user_id {
        let mut same = change.roles.to_vec();
        same.sort();
        let mut had = target.roles.clone();
        had.sort();
        if same != had || !change.actief {
            errors.push(
                "rol",
                "own_account",
                "U kunt uw eigen rollen niet wijzigen en uzelf niet uitschakelen; vraag een andere beheerder.",
            );
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let now = ctx.now();
    let mut tx = ctx.app.db.begin().await?;
    users::update_profile(
        &mut tx,
        target.id,
        naam,
        change.actief,
        change.roles,
        change.expected_version,
    )
    .await?;
    let codes = |roles: &[Role]| roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",");
    let detail = format!(
        "account {}: rollen {} -> {}, actief {} -> {}",
        target.id,
        codes(&target.roles),
        codes(change.roles),
        target.actief,
        change.actief
    );
    let entry = ctx.audit.entry(
        now,
        AuditAction::UserUpdated,
        gemeente_of(&target),
        None,
        Some(detail),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}

/// The account a beheerder is about to reset, for the confirmation page that names it (the name
/// comes from here, never from the URL). Same checks as the reset itself.
pub async fn account_to_reset(ctx: &Ctx<'_>, id: GebruikerId) -> AppResult<User> {
    other_account(ctx, id).await
}

/// An account of the actor's own organisation, other than the actor's own (for resets: a beheerder
/// uses the account page for their own password and second factor).
async fn other_account(ctx: &Ctx<'_>, id: GebruikerId) -> AppResult<User> {
    let own = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(own))?;
    let target = match users::get(&ctx.app.db, id).await {
        Ok(u) if u.organisatie_id == own => u,
        Ok(_) | Err(StorageError::NotFound) => return Err(AppError::NotFound),
        Err(e) => return Err(e.into()),
    };
    if target.id == ctx.actor.user_id {
        let mut e = ValidationErrors::new();
        e.push(
            "account",
            "own_account",
            "Uw eigen wachtwoord en tweede stap wijzigt u op de pagina Mijn account.",
        );
        return Err(AppError::Invalid(e));
    }
    Ok(target)
}

/// Gives an account a new one-time password (returned, to be passed on once) that must be replaced
/// at the next sign-in; the account's sessions end.
pub async fn reset_password(ctx: &Ctx<'_>, id: GebruikerId) -> AppResult<(User, String)> {
    let target = other_account(ctx, id).await?;
    let wachtwoord = crate::auth::tokens::one_time_password();
    let hash = crate::auth::password::hash(&ctx.app.config, wachtwoord.clone()).await?;
    let mut tx = ctx.app.db.begin().await?;
    users::set_password(&mut tx, target.id, &hash, true).await?;
    wegwijs_storage::sessions::delete_for_user(&mut tx, target.id).await?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::PasswordReset,
        gemeente_of(&target),
        None,
        Some(format!("account {}", target.id)),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok((target, wachtwoord))
}

/// Removes an account's second factor (lost phone): the user sets up a new one at the next sign-in
/// where their role requires it. The account's sessions end.
pub async fn reset_totp(ctx: &Ctx<'_>, id: GebruikerId) -> AppResult<()> {
    let target = other_account(ctx, id).await?;
    let mut tx = ctx.app.db.begin().await?;
    users::set_totp(&mut tx, target.id, None).await?;
    // The old recovery codes belonged to the lost factor: they must not outlive it.
    wegwijs_storage::recovery_codes::delete_for_user(&mut tx, target.id).await?;
    wegwijs_storage::sessions::delete_for_user(&mut tx, target.id).await?;
    let entry = ctx.audit.entry(
        ctx.now(),
        AuditAction::TotpReset,
        gemeente_of(&target),
        None,
        Some(format!("account {}", target.id)),
    );
    audit::insert(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(())
}
