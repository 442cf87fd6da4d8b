//! Signing in and out, passwords, the second factor, and creating accounts and API keys.

use chrono::Duration;
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::login_throttle::{ThrottleDecision, decide};
use wegwijs_domain::password_policy::check_new_password;
use wegwijs_domain::validation::{ValidationErrors, has_control_chars, text_problem};
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::users::{NewUser, User};
use wegwijs_storage::{api_keys, audit, login_attempts, sessions, users};

use crate::App;
use crate::auth::{password, tokens, totp};
use crate::error::{AppError, AppResult};

/// A new session: the cookie value (shown to the browser once) and whether the second factor is still due.
pub struct NewSession {
    pub token: String,
    pub second_factor_pending: bool,
}

fn invalid(field: &'static str, message: &str) -> AppError {
    let mut e = ValidationErrors::new();
    e.push(field, "invalid", message);
    AppError::Invalid(e)
}

fn system_ctx(trace_id: &str, user: Option<&User>, bron: Bron) -> AuditContext {
    AuditContext {
        trace_id: trace_id.to_string(),
        gebruiker_id: user.map(|u| u.id),
        organisatie_id: user.map(|u| u.organisatie_id),
        bron,
    }
}

fn needs_totp(state: &App, user: &User) -> bool {
    user.totp_geheim.is_some()
        || user
            .roles
            .iter()
            .any(|r| state.config.totp_required_for.contains(r))
}

pub async fn sign_in(
    state: &App,
    email: &str,
    wachtwoord: &str,
    adres: &str,
    trace_id: &str,
) -> AppResult<NewSession> {
    let email = users::normalise_email(email);
    let now = state.clock.now();
    let since = now - state.throttle.window;
    let recent = login_attempts::recent_failures(&state.db, &email, adres, since).await?;
    if let ThrottleDecision::Refuse { retry_after_secs } = decide(
        &state.throttle,
        recent.account,
        recent.address,
        recent.oldest,
        now,
    ) {
        return Err(AppError::TooManyRequests { retry_after_secs });
    }
    let user = users::find_by_email(&state.db, &email).await?;
    let stored = user
        .as_ref()
        .map(|u| u.wachtwoord_hash.clone())
        .unwrap_or_else(|| password::DUMMY_HASH.into());
    let ok = password::verify(wachtwoord.to_string(), stored).await?
        && user.as_ref().is_some_and(|u| u.actief);
    let mut tx = state.db.begin().await?;
    login_attempts::record(&mut tx, &email, adres, ok, now).await?;
    let ctx = system_ctx(trace_id, user.as_ref(), Bron::Ui);
    let Some(user) = user.filter(|_| ok) else {
        audit::insert(
            &mut tx,
            &[ctx.entry(now, AuditAction::SignInFailed, None, None, None)],
        )
        .await?;
        tx.commit().await?;
        return Err(invalid(
            "wachtwoord",
            "Het e-mailadres of het wachtwoord klopt niet.",
        ));
    };
    let token = tokens::random_token();
    let pending = needs_totp(state, &user);
    let new = sessions::NewSession {
        token_hash: &tokens::sha256_hex(&token),
        gebruiker_id: user.id,
        csrf_token: &tokens::random_token(),
        tweede_factor_nodig: pending,
        verloopt_op: now + Duration::hours(state.config.session_hours),
    };
    sessions::insert(&mut tx, &new, now).await?;
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::SignIn, None, None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(NewSession {
        token,
        second_factor_pending: pending,
    })
}

/// Checks the second factor. `enrol_secret` is set when the user sets up TOTP during this sign-in.
pub async fn complete_second_factor(
    state: &App,
    user: &User,
    token_hash: &str,
    code: &str,
    enrol_secret: Option<&str>,
) -> AppResult<()> {
    let secret = user
        .totp_geheim
        .as_deref()
        .or(enrol_secret)
        .ok_or_else(|| invalid("code", "Stel eerst een authenticator-app in."))?;
    let now = state.clock.now();
    let unix = u64::try_from(now.timestamp()).unwrap_or(0);
    if !totp::check(secret, &user.email, code, unix)? {
        let mut tx = state.db.begin().await?;
        login_attempts::record(&mut tx, &user.email, "totp", false, now).await?;
        tx.commit().await?;
        return Err(invalid(
            "code",
            "Deze code klopt niet. Kijk in uw authenticator-app en probeer het opnieuw.",
        ));
    }
    let mut tx = state.db.begin().await?;
    if user.totp_geheim.is_none() {
        users::set_totp(&mut tx, user.id, Some(secret)).await?;
    }
    sessions::complete_second_factor(&mut tx, token_hash).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn sign_out(state: &App, user: &User, token_hash: &str, trace_id: &str) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    sessions::delete(&mut tx, token_hash).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::SignOut, None, None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the password, ends every session of the user and opens a fresh one (returned).
pub async fn change_password(
    state: &App,
    user: &User,
    huidig: &str,
    nieuw: &str,
    herhaling: &str,
    trace_id: &str,
) -> AppResult<String> {
    if !password::verify(huidig.to_string(), user.wachtwoord_hash.clone()).await? {
        return Err(invalid("huidig", "Uw huidige wachtwoord klopt niet."));
    }
    check_new_password(nieuw, &user.email)?;
    if nieuw != herhaling {
        return Err(invalid(
            "herhaling",
            "De twee nieuwe wachtwoorden zijn niet gelijk.",
        ));
    }
    let hash = password::hash(&state.config, nieuw.to_string()).await?;
    let now = state.clock.now();
    let token = tokens::random_token();
    let mut tx = state.db.begin().await?;
    users::set_password(&mut tx, user.id, &hash).await?;
    sessions::delete_for_user(&mut tx, user.id).await?;
    let new = sessions::NewSession {
        token_hash: &tokens::sha256_hex(&token),
        gebruiker_id: user.id,
        csrf_token: &tokens::random_token(),
        tweede_factor_nodig: false,
        verloopt_op: now + Duration::hours(state.config.session_hours),
    };
    sessions::insert(&mut tx, &new, now).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::PasswordChanged, None, None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Turns on TOTP for a signed-in user after they proved their app shows the right code.
pub async fn enable_totp(
    state: &App,
    user: &User,
    secret: &str,
    code: &str,
    trace_id: &str,
) -> AppResult<()> {
    let now = state.clock.now();
    if !totp::check(
        secret,
        &user.email,
        code,
        u64::try_from(now.timestamp()).unwrap_or(0),
    )? {
        return Err(invalid(
            "code",
            "Deze code klopt niet. Kijk in uw authenticator-app en probeer het opnieuw.",
        ));
    }
    let mut tx = state.db.begin().await?;
    users::set_totp(&mut tx, user.id, Some(secret)).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::TotpEnabled, None, None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub naam: &'a str,
    pub organisatie: OrganisatieId,
    pub roles: &'a [Role],
    pub wachtwoord: &'a str,
}

/// Creates an account (beheer pages and `wegwijs admin create-user`). `by` is None for the CLI.
pub async fn create_user(
    state: &App,
    a: &NewAccount<'_>,
    by: &AuditContext,
) -> AppResult<GebruikerId> {
    let mut errors = ValidationErrors::new();
    let email = users::normalise_email(a.email);
    let valid_email = email.len() <= 254
        && email
            .split_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && d.contains('.') && !d.contains('@'));
    if !valid_email {
        errors.push("email", "invalid", "Vul een geldig e-mailadres in.");
    } else if has_control_chars(&email, false) {
        errors.push(
            "email",
            "invalid",
            "Een e-mailadres bevat geen stuurtekens.",
        );
    }
    let naam = a.naam.trim();
    if let Some((code, message)) = text_problem(naam, 200) {
        errors.push("naam", code, message);
    } else if naam.is_empty() {
        errors.push(
            "naam",
            "required",
            "Vul een naam in (hoogstens 200 tekens).",
        );
    }
    if a.roles.is_empty() {
        errors.push("rollen", "required", "Kies minstens één rol.");
    }
    if let Err(e) = check_new_password(a.wachtwoord, &email) {
        errors.0.extend(e.0);
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let hash = password::hash(&state.config, a.wachtwoord.to_string()).await?;
    let id = GebruikerId(Uuid::now_v7());
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let new = NewUser {
        id,
        email: &email,
        naam,
        organisatie_id: a.organisatie,
        wachtwoord_hash: &hash,
        roles: a.roles,
    };
    match users::insert(&mut tx, &new, now).await {
        Err(wegwijs_storage::StorageError::Duplicate { .. }) => {
            return Err(invalid(
                "email",
                "Er bestaat al een account met dit e-mailadres.",
            ));
        }
        other => other?,
    }
    let detail = Some(format!(
        "account {id}, rollen {}",
        a.roles
            .iter()
            .map(|r| r.code())
            .collect::<Vec<_>>()
            .join(",")
    ));
    audit::insert(
        &mut tx,
        &[by.entry(now, AuditAction::UserCreated, None, None, detail)],
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes an API key for a user; returns the token, which is stored only as a hash.
pub async fn create_api_key(
    state: &App,
    user: &User,
    omschrijving: &str,
    by: &AuditContext,
) -> AppResult<String> {
    let token = tokens::new_api_key();
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    api_keys::insert(
        &mut tx,
        Uuid::now_v7(),
        user.id,
        &tokens::sha256_hex(&token),
        omschrijving,
        now,
    )
    .await?;
    let detail = Some(format!("API-sleutel voor {}", user.id));
    audit::insert(
        &mut tx,
        &[by.entry(now, AuditAction::ApiKeyCreated, None, None, detail)],
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Removes expired sessions (the server does this every few minutes).
pub async fn sweep_expired_sessions(app: &App) -> AppResult<u64> {
    Ok(sessions::delete_expired(&app.db, app.clock.now()).await?)
}
