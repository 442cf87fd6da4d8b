//! A short per-instance cache of session lookups (`users::by_session`), which otherwise cost a database
//! round trip on every page request.
//!
//! An entry lives [`TTL`] at most. Everything that changes what a lookup returns forgets it here, in
//! this process: ending a session (sign-out), ending all sessions of a user (password change,
//! deactivation), completing the second factor, any change to the user (roles, name, password,
//! TOTP), and renaming an organisation (the lookup carries the organisation's name, which the page
//! header shows: without this the header kept the old name right after a rename). Because those calls run inside a transaction that commits a moment later, the forgotten token
//! or user is also *barred* for one TTL: a lookup that read the old row just before the commit cannot put
//! it back. Other instances do not hear of the change: there a signed-out session keeps working for at
//! most [`TTL`] (see docs/ARCHITECTURE.md). Expiry is checked on every hit against the caller's clock.
//!
//! API keys are not cached: they are revoked from another process (`wegwijs admin revoke-api-key`),
//! which this cache would not hear of, and a revoked key must stop working at once.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

use crate::sessions::Session;
use crate::users::User;

pub const TTL: Duration = Duration::from_secs(3);
/// More entries than this and the cache is cleared (it refills at the request rate).
const MAX_ENTRIES: usize = 50_000;

struct Entry {
    user: User,
    session: Session,
    verloopt_op: DateTime<Utc>,
    cached_at: Instant,
}

#[derive(Default)]
struct Inner {
    /// By token hash.
    entries: HashMap<String, Entry>,
    /// Token hashes and users that may not be cached until the instant given.
    barred_tokens: HashMap<String, Instant>,
    barred_users: HashMap<Uuid, Instant>,
    /// Organisations (by id) whose users may not be cached until the instant given.
    barred_organisations: HashMap<Uuid, Instant>,
}

// One cache per process, keyed by token hash: tokens are 256-bit random, so several databases in one
// process (the tests) never share a key.
static CACHE: LazyLock<Mutex<Inner>> = LazyLock::new(|| Mutex::new(Inner::default()));

fn lock() -> std::sync::MutexGuard<'static, Inner> {
    CACHE.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn get(token_hash: &str, now: DateTime<Utc>) -> Option<(User, Session)> {
    let inner = lock();
    let e = inner.entries.get(token_hash)?;
    (e.cached_at.elapsed() < TTL && e.verloopt_op > now)
        .then(|| (e.user.clone(), e.session.clone()))
}

/// Caches a lookup that started at `started` (before its query ran), unless the token or the user was
/// forgotten since then or is barred.
pub(crate) fn put(
    token_hash: &str,
    user: &User,
    session: &Session,
    verloopt_op: DateTime<Utc>,
    started: Instant,
) {
    let mut inner = lock();
    let now = Instant::now();
    // A bar that was still in force when the lookup started: the lookup may have read the old rows.
    let barred = |until: Option<&Instant>| until.is_some_and(|t| *t > started);
    if barred(inner.barred_tokens.get(token_hash))
        || barred(inner.barred_users.get(&user.id.0))
        || barred(inner.barred_organisations.get(&user.organisatie_id.0))
    {
        return;
    }
    if inner.entries.len() >= MAX_ENTRIES {
        inner.entries.clear();
        inner.barred_tokens.retain(|_, t| *t > now);
        inner.barred_users.retain(|_, t| *t > now);
        inner.barred_organisations.retain(|_, t| *t > now);
    }
    inner.entries.insert(
        token_hash.to_string(),
        Entry {
            user: user.clone(),
            session: session.clone(),
            verloopt_op,
            cached_at: started,
        },
    );
}

pub(crate) fn forget_token(token_hash: &str) {
    let mut inner = lock();
    inner.entries.remove(token_hash);
    inner
        .barred_tokens
        .insert(token_hash.to_string(), Instant::now() + TTL);
}

/// Forgets every cached lookup of the organisation's users (its name changed).
pub(crate) fn forget_organisation(id: OrganisatieId) {
    let mut inner = lock();
    inner.entries.retain(|_, e| e.user.organisatie_id != id);
    inner
        .barred_organisations
        .insert(id.0, Instant::now() + TTL);
}

pub(crate) fn forget_user(id: GebruikerId) {
    let mut inner = lock();
    inner.entries.retain(|_, e| e.user.id != id);
    inner.barred_users.insert(id.0, Instant::now() + TTL);
}
