//! Setting up, proving and turning off the second factor. The secret is made by the server and waits,
//! sealed, in the session that shows it until the first code confirms it: the browser only ever sends
//! codes, so nobody can plant a secret of their own through a form.

use wegwijs_domain::audit::AuditAction;
use wegwijs_storage::users::User;
use wegwijs_storage::{audit, login_attempts, recovery_codes, sessions, users};

use super::{
    NO_KEY, check_code, check_current_password, invalid, reserve_attempt, system_ctx, throttle_key,
    use_step, users_gemeente,
};
use crate::App;
use crate::auth::{recovery, totp};
use crate::error::{AppError, AppResult};
use wegwijs_storage::audit::Bron;

const WRONG_RECOVERY: &str =
    "Deze herstelcode klopt niet of is al gebruikt. Elke herstelcode werkt één keer.";

/// What the page needs to show a secret being set up: the secret (for typing in) and its otpauth URL
/// (for the QR code).
pub struct Enrolment {
    pub secret: String,
    pub url: String,
}

/// The secret waiting in this session, made (and stored sealed) on first call; the same one on a
/// reload, so a QR code already scanned stays valid. `None` without an installation key: then the
/// second factor cannot be set up at all (the page says so).
pub async fn enrolment(state: &App, user: &User, token_hash: &str) -> AppResult<Option<Enrolment>> {
    let Some(key) = state.config.secret_key.as_ref() else {
        return Ok(None);
    };
    let waiting = match sessions::pending_totp(&state.db, token_hash).await? {
        // A value that does not open (key changed) is replaced like a missing one.
        Some(sealed) => key.open(&sealed).ok().map(|o| o.secret().to_string()),
        None => None,
    };
    let secret = match waiting {
        Some(s) => s,
        None => {
            let s = totp::new_secret();
            let mut tx = state.db.begin().await?;
            sessions::set_pending_totp(&mut tx, token_hash, Some(&key.seal(&s)?)).await?;
            tx.commit().await?;
            s
        }
    };
    Ok(Some(Enrolment {
        url: totp::provisioning_url(&secret, &user.email)?,
        secret,
    }))
}

/// The secret waiting in this session, to be confirmed now.
pub(super) async fn waiting_secret(state: &App, token_hash: &str) -> AppResult<String> {
    let Some(key) = state.config.secret_key.as_ref() else {
        return Err(invalid("code", NO_KEY));
    };
    let sealed = sessions::pending_totp(&state.db, token_hash).await?;
    match sealed.map(|s| key.open(&s)) {
        Some(Ok(opened)) => Ok(opened.secret().to_string()),
        _ => Err(invalid(
            "code",
            "Deze pagina is verlopen. Laad de pagina opnieuw en scan de nieuwe QR-code.",
        )),
    }
}

/// A code the user gave: a TOTP code (checked against the secret now, its time step recorded when
/// the change is saved) or a recovery code (used up when the change is saved). Both count on the
/// same throttle.
pub(super) enum Proof {
    Totp { attempt: i64, step: i64 },
    Recovery { attempt: i64, hash: String },
}

pub(super) async fn check_proof(
    state: &App,
    user: &User,
    secret: &str,
    code: &str,
    trace_id: &str,
) -> AppResult<Proof> {
    if recovery::looks_like_totp(code) {
        let (attempt, step) = check_code(state, user, secret, code, trace_id).await?;
        return Ok(Proof::Totp { attempt, step });
    }
    let key = throttle_key("totp", user);
    let attempt = reserve_attempt(state, &key, &key).await?;
    Ok(Proof::Recovery {
        attempt,
        hash: recovery::hash(user.id, code),
    })
}

/// Spends the proof in `tx` (records the time step, or uses up the recovery code) and marks the
/// throttle attempt as a success. A wrong or used recovery code rolls back, is audited and refused.
pub(super) async fn spend_proof(
    state: &App,
    mut tx: wegwijs_storage::Tx,
    user: &User,
    proof: &Proof,
    trace_id: &str,
) -> AppResult<wegwijs_storage::Tx> {
    match proof {
        Proof::Totp { attempt, step } => {
            login_attempts::succeed(&mut tx, *attempt).await?;
            use_step(&mut tx, user, *step).await?;
        }
        Proof::Recovery { attempt, hash } => {
            if !recovery_codes::use_code(&mut tx, user.id, hash, state.clock.now()).await? {
                tx.rollback().await?;
                let mut tx = state.db.begin().await?;
                let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
                audit::insert(
                    &mut tx,
                    &[ctx.entry(
                        state.clock.now(),
                        AuditAction::SignInFailed,
                        users_gemeente(user),
                        None,
                        Some("herstelcode onjuist".into()),
                    )],
                )
                .await?;
                tx.commit().await?;
                return Err(invalid("code", WRONG_RECOVERY));
            }
            login_attempts::succeed(&mut tx, *attempt).await?;
        }
    }
    Ok(tx)
}

/// Stores a fresh set of recovery codes in `tx` (replacing any old set); returns them to show once.
pub(super) async fn new_recovery_codes(
    tx: &mut wegwijs_storage::Tx,
    user: &User,
) -> AppResult<Vec<String>> {
    let codes = recovery::new_codes();
    let hashes: Vec<String> = codes.iter().map(|c| recovery::hash(user.id, c)).collect();
    recovery_codes::replace(tx, user.id, &hashes).await?;
    Ok(codes)
}

/// How many recovery codes the user has left.
pub async fn recovery_codes_left(state: &App, user: &User) -> AppResult<i64> {
    Ok(recovery_codes::count_unused(&state.db, user.id).await?)
}

/// Turns the second factor off: needs the password and a code (from the app, or a recovery code).
/// A role that requires the second factor cannot turn it off (a lost phone goes through the
/// beheerder's reset). The recovery codes go, and every other session of the user ends.
pub async fn disable_totp(
    state: &App,
    user: &User,
    huidig: &str,
    code: &str,
    token_hash: &str,
    trace_id: &str,
) -> AppResult<()> {
    let Some(stored) = user.totp_geheim.as_deref() else {
        return Err(invalid("code", "De tweede stap staat al uit."));
    };
    if user
        .roles
        .iter()
        .any(|r| state.config.totp_required_for.contains(r))
    {
        return Err(invalid(
            "code",
            "Voor uw rol is de tweede stap verplicht; u kunt hem niet uitzetten. Nieuwe telefoon of \
             telefoon kwijt? Vraag de beheerder de tweede stap te resetten.",
        ));
    }
    let secret = match state.config.secret_key.as_ref() {
        Some(k) => k.open(stored)?.secret().to_string(),
        None if !crate::auth::secret_box::is_sealed(stored) => stored.to_string(),
        None => {
            return Err(AppError::Internal(
                "TOTP secret is encrypted but no secret key is configured".into(),
            ));
        }
    };
    let pw_attempt = check_current_password(state, user, huidig, trace_id).await?;
    let proof = check_proof(state, user, &secret, code, trace_id).await?;
    let tx = state.db.begin().await?;
    let mut tx = spend_proof(state, tx, user, &proof, trace_id).await?;
    login_attempts::succeed(&mut tx, pw_attempt).await?;
    users::set_totp(&mut tx, user.id, None).await?;
    recovery_codes::delete_for_user(&mut tx, user.id).await?;
    sessions::delete_others_of_user(&mut tx, user.id, token_hash).await?;
    let ctx = system_ctx(trace_id, Some(user), Bron::Ui);
    audit::insert(
        &mut tx,
        &[ctx.entry(
            state.clock.now(),
            AuditAction::TotpDisabled,
            users_gemeente(user),
            None,
            None,
        )],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
