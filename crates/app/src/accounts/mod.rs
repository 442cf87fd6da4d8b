//! Signing in and out, passwords, the second factor, and creating accounts and API keys.

use chrono::Duration;
use uuid::Uuid;
use wegwijs_domain::audit::AuditAction;
use wegwijs_domain::authz::{OrganisatieSoort, Role};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::login_throttle::{ThrottleDecision, decide};
use wegwijs_domain::password_policy::check_new_password;
use wegwijs_domain::validation::{ValidationErrors, has_control_chars, text_problem};
use wegwijs_storage::audit::{AuditContext, Bron};
use wegwijs_storage::users::{NewUser, User};
use wegwijs_storage::{audit, login_attempts, organisations, sessions, users};

mod second_factor;

pub use second_factor::{Enrolment, disable_totp, enrolment, recovery_codes_left};

use crate::App;
use crate::auth::secret_box::{Opened, is_sealed};
use crate::auth::{password, tokens, totp};
use crate::error::{AppError, AppResult};

/// A new session: the cookie value (shown to the browser once) and whether the second factor is still due.
pub struct NewSession {
    pub token: String,
    pub second_factor_pending: bool,
    /// Signed in with a one-time password: the next page is the password change.
    pub password_change_due: bool,
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

/// Reserves one attempt on the throttle counters `account` and `address` (a sign-in, a second-factor
/// code, a current-password check) before the secret is checked, so that parallel requests cannot
/// all pass a check-then-record window: at most the limit get a real check. The reservation counts
/// as a failure until [`login_attempts::succeed`] marks it.
async fn reserve_attempt(state: &App, account: &str, address: &str) -> AppResult<i64> {
    let now = state.clock.now();
    let policy = *state.throttle;
    let mut refused = None;
    let mut tx = state.db.begin().await?;
    let (_, id) =
        login_attempts::reserve(&mut tx, account, address, now - policy.window, now, |r| {
            match decide(&policy, r.account, r.address, r.oldest, now) {
                ThrottleDecision::Allow => true,
                ThrottleDecision::Refuse { retry_after_secs } => {
                    refused = Some(retry_after_secs);
                    false
                }
            }
        })
        .await?;
    tx.commit().await?;
    id.ok_or(AppError::TooManyRequests {
        retry_after_secs: refused.unwrap_or(60),
    })
}

/// Checks a password on the hashing pool; when the pool is too busy to check at all, the reserved
/// attempt is given back (it was never a guess) and the caller gets `Busy`.
async fn verify_reserved(
    state: &App,
    attempt: i64,
    password: &str,
    stored: String,
) -> AppResult<bool> {
    match password::verify(password.to_string(), stored).await {
        Err(e @ AppError::Busy { .. }) => {
            login_attempts::release(&state.db, attempt).await?;
            Err(e)
        }
        other => other,
    }
}

/// Inserts a fresh session (new cookie token and new CSRF token) in `tx`; returns the cookie value.
async fn open_session(
    state: &App,
    tx: &mut wegwijs_storage::Tx,
    user: &User,
    pending: bool,
) -> AppResult<String> {
    let token = tokens::random_token();
    let now = state.clock.now();
    let new = sessions::NewSession {
        token_hash: &tokens::sha256_hex(&token),
        gebruiker_id: user.id,
        csrf_token: &tokens::random_token(),
        tweede_factor_nodig: pending,
        verloopt_op: now + Duration::hours(state.config.session_hours),
    };
    sessions::insert(tx, &new, now).await?;
    Ok(token)
}

pub async fn sign_in(
    state: &App,
    email: &str,
    wachtwoord: &str,
    adres: &str,
    trace_id: &str,
) -> AppResult<NewSession> {
    let email = users::normalise_email(email);
    let attempt = reserve_attempt(state, &email, adres).await?;
    let user = users::find_by_email(&state.db, &email).await?;
    let stored = user
        .as_ref()
        .map(|u| u.wachtwoord_hash.clone())
        .unwrap_or_else(|| password::DUMMY_HASH.into());
    let ok = verify_reserved(state, attempt, wachtwoord, stored).await?
        && user.as_ref().is_some_and(|u| u.actief);
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let ctx = system_ctx(trace_id, user.as_ref(), Bron::Ui);
    // Rows of a known account go in its gemeente's chain (its privacy officer sees them, and on
    // PostgreSQL sign-ins of different gemeenten do not queue on one chain head).
    let gemeente = user.as_ref().and_then(users_gemeente);
    let Some(user) = user.filter(|_| ok) else {
        audit::insert(
            &mut tx,
            &[ctx.entry(now, AuditAction::SignInFailed, gemeente, None, None)],
        )
        .await?;
        tx.commit().await?;
        return Err(invalid(
            "wachtwoord",
            "Het e-mailadres of het wachtwoord klopt niet.",
        ));
    };
    login_attempts::succeed(&mut tx, attempt).await?;
    let pending = needs_totp(state, &user);
    let token = open_session(state, &mut tx, &user, pending).await?;
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::SignIn, gemeente, None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(NewSession {
        token,
        second_factor_pending: pending,
        password_change_due: user.wachtwoord_wijzigen,
    })
}

const NO_KEY: &str = "Tweestapsverificatie kan nu niet worden ingesteld: de server heeft geen geheime \
                      sleutel (WEGWIJS_SECRET_KEY). Vraag de functioneel beheerder dit in te stellen.";
const WRONG_CODE: &str =
    "Deze code klopt niet. Kijk in uw authenticator-app en probeer het opnieuw.";
const USED_CODE: &str =
    "Deze code is al gebruikt. Wacht tot uw authenticator-app een nieuwe code toont.";

fn throttle_key(kind: &str, user: &User) -> String {
    format!("{kind}:{}", user.id)
}

/// Checks a TOTP code against `secret` with the throttle and the once-only rule; on success returns
/// the time step, which the caller records with `users::use_totp_step` in its transaction.
async fn check_code(
    state: &App,
    user: &User,
    secret: &str,
    code: &str,
    trace_id: &str,
) -> AppResult<(i64, i64)> {
    let key = throttle_key("totp", user);
    let attempt = reserve_attempt(state, &key, &key).await?;
    let now = state.clock.now();
    let unix = u64::try_from(now.timestamp()).unwrap_or(0);
    let step = totp::matching_step(secret, &user.email, code, unix)?;
    let Some(step) = step.and_then(|s| i64::try_from(s).ok()) else {
        let mut tx = state.db.begin().await?;
        let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
        audit::insert(
            &mut tx,
            &[ctx.entry(
                now,
                AuditAction::SignInFailed,
                users_gemeente(user),
                None,
                Some("code tweede stap onjuist".into()),
            )],
        )
        .await?;
        tx.commit().await?;
        return Err(invalid("code", WRONG_CODE));
    };
    Ok((attempt, step))
}

fn users_gemeente(user: &User) -> Option<wegwijs_domain::ids::OrganisatieId> {
    crate::users::gemeente_of(user)
}

/// Records the use of a time step in `tx`; a step used before (a replayed code) is refused.
async fn use_step(tx: &mut wegwijs_storage::Tx, user: &User, step: i64) -> AppResult<()> {
    if users::use_totp_step(tx, user.id, step).await? {
        Ok(())
    } else {
        Err(invalid("code", USED_CODE))
    }
}

/// A finished second step: the new session's cookie value, and the recovery codes to show once when
/// the second factor was set up in this step.
pub struct SecondFactorDone {
    pub token: String,
    pub recovery_codes: Option<Vec<String>>,
}

/// Checks the second factor: a code from the app, or one of the recovery codes. Without a factor yet
/// (a role that requires one, first sign-in or after a beheerder's reset) the code confirms the
/// secret waiting in this session (see [`second_factor::enrolment`]), never one from the form.
/// On success the session is replaced by a new one (new cookie and CSRF token; the old row is
/// deleted), so a session token planted or seen before the second step is worth nothing after it.
pub async fn complete_second_factor(
    state: &App,
    user: &User,
    token_hash: &str,
    code: &str,
    trace_id: &str,
) -> AppResult<SecondFactorDone> {
    let key = state.config.secret_key.as_ref();
    let (secret, reseal, enrolling) = match &user.totp_geheim {
        Some(stored) => match key {
            Some(k) => {
                let opened = k.open(stored)?;
                let plain = matches!(opened, Opened::Plain(_));
                (opened.secret().to_string(), plain, false)
            }
            None if !is_sealed(stored) => (stored.clone(), false, false),
            None => {
                return Err(AppError::Internal(
                    "TOTP secret is encrypted but no secret key is configured".into(),
                ));
            }
        },
        None => (
            second_factor::waiting_secret(state, token_hash).await?,
            false,
            true,
        ),
    };
    // A recovery code only replaces a factor that exists; setting one up needs the app.
    let proof = if enrolling {
        let (attempt, step) = check_code(state, user, &secret, code, trace_id).await?;
        second_factor::Proof::Totp { attempt, step }
    } else {
        second_factor::check_proof(state, user, &secret, code, trace_id).await?
    };
    let tx = state.db.begin().await?;
    let mut tx = second_factor::spend_proof(state, tx, user, &proof, trace_id).await?;
    let mut recovery_codes = None;
    if let Some(k) = key {
        if enrolling {
            if !users::set_first_totp(&mut tx, user.id, &k.seal(&secret)?).await? {
                return Err(invalid("code", ALREADY_ON));
            }
            recovery_codes = Some(second_factor::new_recovery_codes(&mut tx, user).await?);
        } else if reseal {
            users::reseal_totp(&mut tx, user.id, &k.seal(&secret)?).await?;
        }
    }
    sessions::delete(&mut tx, token_hash).await?;
    let token = open_session(state, &mut tx, user, false).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    let now = state.clock.now();
    let mut rows = Vec::new();
    if enrolling {
        rows.push(ctx.entry(
            now,
            AuditAction::TotpEnabled,
            users_gemeente(user),
            None,
            None,
        ));
    }
    if matches!(proof, second_factor::Proof::Recovery { .. }) {
        let left = wegwijs_storage::recovery_codes::count_unused_in(&mut tx, user.id).await?;
        rows.push(ctx.entry(
            now,
            AuditAction::RecoveryCodeUsed,
            users_gemeente(user),
            None,
            Some(format!("nog {left} herstelcodes over")),
        ));
    }
    if !rows.is_empty() {
        audit::insert(&mut tx, &rows).await?;
    }
    tx.commit().await?;
    Ok(SecondFactorDone {
        token,
        recovery_codes,
    })
}

pub async fn sign_out(state: &App, user: &User, token_hash: &str, trace_id: &str) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    sessions::delete(&mut tx, token_hash).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(now, AuditAction::SignOut, users_gemeente(user), None, None)],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Checks the signed-in user's current password with the same throttle as signing in (someone at
/// an unattended, signed-in computer must not get unlimited guesses); each failure is audited.
async fn check_current_password(
    state: &App,
    user: &User,
    huidig: &str,
    trace_id: &str,
) -> AppResult<i64> {
    let key = throttle_key("wachtwoord", user);
    let attempt = reserve_attempt(state, &key, &key).await?;
    if verify_reserved(state, attempt, huidig, user.wachtwoord_hash.clone()).await? {
        return Ok(attempt);
    }
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(
            now,
            AuditAction::PasswordCheckFailed,
            users_gemeente(user),
            None,
            None,
        )],
    )
    .await?;
    tx.commit().await?;
    Err(invalid("huidig", "Uw huidige wachtwoord klopt niet."))
}

/// Marks a reserved password check as passed (it no longer counts as a failure).
async fn password_was_right(state: &App, attempt: i64) -> AppResult<()> {
    let mut tx = state.db.begin().await?;
    login_attempts::succeed(&mut tx, attempt).await?;
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
    let attempt = check_current_password(state, user, huidig, trace_id).await?;
    let refused = check_new_password(nieuw, &user.email)
        .err()
        .map(AppError::Invalid)
        .or_else(|| {
            (nieuw != herhaling)
                .then(|| invalid("herhaling", "De twee nieuwe wachtwoorden zijn niet gelijk."))
        })
        .or_else(|| {
            (nieuw == huidig)
                .then(|| invalid("nieuw", "Kies een ander wachtwoord dan het huidige."))
        });
    if let Some(e) = refused {
        // The current password was right: a refused new one is no failed guess, and must not lock
        // the user out of the only page a one-time password opens.
        password_was_right(state, attempt).await?;
        return Err(e);
    }
    let hash = password::hash(&state.config, nieuw.to_string()).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    login_attempts::succeed(&mut tx, attempt).await?;
    users::set_password(&mut tx, user.id, &hash, false).await?;
    sessions::delete_for_user(&mut tx, user.id).await?;
    let token = open_session(state, &mut tx, user, false).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(
            now,
            AuditAction::PasswordChanged,
            users_gemeente(user),
            None,
            None,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

const ALREADY_ON: &str =
    "De tweede stap staat al aan. Een nieuwe app koppelen kan na een reset door de beheerder.";

/// Turns on TOTP for a signed-in user after they gave their current password and proved their app
/// shows the right code for the secret waiting in their session. The password is asked because
/// turning the factor on ends the owner's other sessions and hands out recovery codes: with only a
/// borrowed session (unlocked computer, stolen cookie) someone could otherwise link their own app and
/// lock the owner out. The secret is stored encrypted; without a configured key this is refused.
/// Returns the new recovery codes, to show once.
pub async fn enable_totp(
    state: &App,
    user: &User,
    huidig: &str,
    code: &str,
    token_hash: &str,
    trace_id: &str,
) -> AppResult<Vec<String>> {
    let Some(key) = state.config.secret_key.as_ref() else {
        return Err(invalid("code", NO_KEY));
    };
    // Replacing a second factor would let whoever holds a session swap in their own app; a lost
    // phone goes through a beheerder's reset instead.
    if user.totp_geheim.is_some() {
        return Err(invalid("code", ALREADY_ON));
    }
    let secret = second_factor::waiting_secret(state, token_hash).await?;
    let pw_attempt = check_current_password(state, user, huidig, trace_id).await?;
    let (attempt, step) = match check_code(state, user, &secret, code, trace_id).await {
        Ok(found) => found,
        Err(e) => {
            // A wrong code counts against the code's own throttle, not against the password.
            password_was_right(state, pw_attempt).await?;
            return Err(e);
        }
    };
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    login_attempts::succeed(&mut tx, attempt).await?;
    login_attempts::succeed(&mut tx, pw_attempt).await?;
    if !users::set_first_totp(&mut tx, user.id, &key.seal(&secret)?).await? {
        return Err(invalid("code", ALREADY_ON));
    }
    use_step(&mut tx, user, step).await?;
    sessions::set_pending_totp(&mut tx, token_hash, None).await?;
    let codes = second_factor::new_recovery_codes(&mut tx, user).await?;
    // A session opened with a stolen password must not outlive the account being secured.
    sessions::delete_others_of_user(&mut tx, user.id, token_hash).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(
            now,
            AuditAction::TotpEnabled,
            users_gemeente(user),
            None,
            None,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(codes)
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub naam: &'a str,
    pub organisatie: OrganisatieId,
    pub roles: &'a [Role],
    pub wachtwoord: &'a str,
    /// The password was made up by someone else (generated): the user must replace it at first sign-in.
    pub one_time: bool,
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
    if a.one_time {
        users::require_password_change(&mut tx, id).await?;
    }
    let gemeente = match organisations::get(&state.db, a.organisatie).await {
        Ok(o) => (o.soort == OrganisatieSoort::Gemeente).then_some(o.id),
        Err(wegwijs_storage::StorageError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
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
        &[by.entry(now, AuditAction::UserCreated, gemeente, None, detail)],
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Makes an API key without expiry for a user (the CLI and fixtures); see [`crate::api_keys::create`].
pub async fn create_api_key(
    state: &App,
    user: &User,
    omschrijving: &str,
    by: &AuditContext,
) -> AppResult<String> {
    crate::api_keys::create(state, user, omschrijving, None, by).await
}

/// Removes expired sessions (the server does this every few minutes).
pub async fn sweep_expired_sessions(app: &App) -> AppResult<u64> {
    Ok(sessions::delete_expired(&app.db, app.clock.now()).await?)
}
