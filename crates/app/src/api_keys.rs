//! API keys: made for a user (the token is returned once and stored as a hash), listed without the
//! token, revoked, optionally expiring. The beheerder manages the keys of the own organisation's users;
//! the CLI (`wegwijs admin ...-api-key`) those of the whole installation. Every change is audited
//! under the gemeente of the key's user, so that gemeente's privacy officer sees it.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{Action, Resource};
use wegwijs_domain::ids::GebruikerId;
use wegwijs_domain::validation::ValidationErrors;
use wegwijs_storage::StorageError;
use wegwijs_storage::api_keys::{self, ApiKeyInfo, NewApiKey};
use wegwijs_storage::audit::{self, AuditContext};
use wegwijs_storage::users::{self, User};

use crate::auth::tokens;
use crate::users::gemeente_of;
use crate::{App, AppError, AppResult, Ctx};

/// Keys are used by programs many times a minute: the last use is written at most this often per key.
pub const LAST_USED_RESOLUTION: Duration = Duration::seconds(60);
/// The longest lifetime a key can be given.
pub const MAX_DAYS: i64 = 3650;

fn invalid(field: &'static str, message: &str) -> AppError {
    let mut e = ValidationErrors::new();
    e.push(field, "invalid", message);
    AppError::Invalid(e)
}

/// The moment a key made now stops working, `days` from now (None = never).
pub fn expiry_in_days(app: &App, days: Option<i64>) -> AppResult<Option<DateTime<Utc>>> {
    match days {
        None => Ok(None),
        Some(d) if (1..=MAX_DAYS).contains(&d) => Ok(Some(app.clock.now() + Duration::days(d))),
        Some(_) => Err(invalid(
            "dagen",
            "Een sleutel verloopt na 1 tot 3650 dagen (of laat het veld leeg).",
        )),
    }
}

/// Makes a key for `user`; returns the token (shown once). `verloopt_op` None = no expiry.
pub async fn create(
    app: &App,
    user: &User,
    omschrijving: &str,
    verloopt_op: Option<DateTime<Utc>>,
    by: &AuditContext,
) -> AppResult<String> {
    let omschrijving = omschrijving.trim();
    if omschrijving.is_empty() || omschrijving.chars().count() > 200 {
        return Err(invalid(
            "omschrijving",
            "Beschrijf waarvoor de sleutel is (hoogstens 200 tekens).",
        ));
    }
    let now = app.clock.now();
    if verloopt_op.is_some_and(|t| t <= now || t > now + Duration::days(MAX_DAYS)) {
        return Err(invalid(
            "dagen",
            "De verloopdatum moet in de toekomst liggen en binnen 3650 dagen.",
        ));
    }
    if !user.actief {
        return Err(invalid("gebruiker", "Dit account staat uit."));
    }
    let token = tokens::new_api_key();
    let prefix = tokens::api_key_prefix(&token);
    let mut tx = app.db.begin().await?;
    api_keys::insert(
        &mut tx,
        &NewApiKey {
            id: Uuid::now_v7(),
            gebruiker: user.id,
            token_hash: &tokens::sha256_hex(&token),
            prefix: &prefix,
            omschrijving,
            verloopt_op,
        },
        now,
    )
    .await?;
    let until = verloopt_op.map_or("geen verloopdatum".to_string(), |t| {
        format!("verloopt {}", t.format("%Y-%m-%d"))
    });
    let detail = Some(format!(
        "API-sleutel {prefix} voor account {}, {until}",
        user.id
    ));
    audit::insert(
        &mut tx,
        &[by.entry(
            now,
            AuditAction::ApiKeyCreated,
            gemeente_of(user),
            None,
            detail,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// An account of the beheerder's own organisation.
async fn own_user(ctx: &Ctx<'_>, id: GebruikerId) -> AppResult<User> {
    let own = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(own))?;
    match users::get(&ctx.app.db, id).await {
        Ok(u) if u.organisatie_id == own => Ok(u),
        Ok(_) | Err(StorageError::NotFound) => Err(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// A beheerder makes a key for a user of the own organisation.
pub async fn create_in_own_organisation(
    ctx: &Ctx<'_>,
    user: GebruikerId,
    omschrijving: &str,
    expires_in_days: Option<i64>,
) -> AppResult<String> {
    let user = own_user(ctx, user).await?;
    let until = expiry_in_days(ctx.app, expires_in_days)?;
    create(ctx.app, &user, omschrijving, until, &ctx.audit).await
}

/// The keys of the own organisation's users (never the token or its hash).
pub async fn list_own_organisation(ctx: &Ctx<'_>) -> AppResult<Vec<ApiKeyInfo>> {
    let own = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(own))?;
    Ok(api_keys::list_by_organisation(&ctx.app.db, own).await?)
}

async fn revoke_key(app: &App, key: &ApiKeyInfo, by: &AuditContext) -> AppResult<()> {
    let owner = users::get(&app.db, GebruikerId(key.gebruiker_id)).await?;
    let now = app.clock.now();
    let mut tx = app.db.begin().await?;
    if !api_keys::revoke(&mut tx, key.id, now).await? {
        return Err(invalid("sleutel", "Deze sleutel is al ingetrokken."));
    }
    let detail = Some(format!(
        "API-sleutel {} van account {}",
        key.prefix.as_deref().unwrap_or("(zonder prefix)"),
        owner.id
    ));
    audit::insert(
        &mut tx,
        &[by.entry(
            now,
            AuditAction::ApiKeyRevoked,
            gemeente_of(&owner),
            None,
            detail,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A beheerder revokes a key of a user of the own organisation; other keys are not found.
pub async fn revoke_in_own_organisation(ctx: &Ctx<'_>, id: Uuid) -> AppResult<()> {
    let own = ctx.actor.organisatie_id;
    ctx.require(Action::UserManage, Resource::Organisation(own))?;
    let key = api_keys::get(&ctx.app.db, id)
        .await?
        .filter(|k| k.organisatie_id == own.0)
        .ok_or(AppError::NotFound)?;
    revoke_key(ctx.app, &key, &ctx.audit).await
}

/// Every key of the installation (CLI).
pub async fn list_all(app: &App) -> AppResult<Vec<ApiKeyInfo>> {
    Ok(api_keys::list_all(&app.db).await?)
}

/// Revokes the key given whole or by its 16-character display prefix (CLI). A prefix that matches
/// several keys is refused: the caller must say which.
pub async fn revoke_by_key_or_prefix(
    app: &App,
    key_or_prefix: &str,
    by: &AuditContext,
) -> AppResult<ApiKeyInfo> {
    let given = key_or_prefix.trim();
    if given.chars().count() < 16 {
        return Err(invalid(
            "sleutel",
            "Geef de hele sleutel of de eerste 16 tekens (zoals list-api-keys ze toont).",
        ));
    }
    // A whole key matches its hash; 16 characters match the display prefix (the longer text of a
    // whole key never equals a prefix, and a prefix never hashes to a stored token hash).
    let found = api_keys::find(&app.db, &tokens::sha256_hex(given), given).await?;
    let prefix = tokens::api_key_prefix(given);
    match found.as_slice() {
        [] => Err(AppError::NotFound),
        [key] => {
            revoke_key(app, key, by).await?;
            Ok(key.clone())
        }
        more => Err(invalid(
            "sleutel",
            &format!(
                "{} sleutels beginnen met {prefix}; geef de hele sleutel.",
                more.len()
            ),
        )),
    }
}

/// The user of a live API key (not revoked, not expired, user active), recording its use at most once
/// per [`LAST_USED_RESOLUTION`].
pub(crate) async fn user_of_key(
    app: &App,
    key: &str,
    now: DateTime<Utc>,
) -> AppResult<Option<User>> {
    let Some(live) = api_keys::live_key(&app.db, &tokens::sha256_hex(key), now).await? else {
        return Ok(None);
    };
    let stale = live
        .laatst_gebruikt_op
        .is_none_or(|t| t <= now - LAST_USED_RESOLUTION);
    if stale {
        // Losing one "last used" mark is better than refusing the request.
        if let Err(e) = api_keys::touch(&app.db, live.id, now, now - LAST_USED_RESOLUTION).await {
            tracing::warn!(error = %e, "laatst gebruikt van API-sleutel niet bijgewerkt");
        }
    }
    match users::get(&app.db, live.gebruiker_id).await {
        Ok(u) if u.actief => Ok(Some(u)),
        Ok(_) | Err(StorageError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
