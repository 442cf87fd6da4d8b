//! Argon2id password hashing. Hashing is slow and takes 19 MiB per hash on purpose, so it runs on a
//! small pool of dedicated threads behind a semaphore: a burst of sign-ins queues instead of
//! allocating 19 MiB on each of up to 512 blocking threads (where glibc keeps the freed memory in one
//! arena per thread: 40 parallel sign-ins once took the server from 17 MiB to 2.2 GiB). A request
//! that cannot get a turn within [`QUEUE_WAIT`] is answered "busy, retry shortly".

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::rngs::OsRng;
use tokio::sync::{Semaphore, oneshot};

use crate::AppConfig;
use crate::error::AppError;

/// How long a request waits for a hashing thread before it is told to retry.
const QUEUE_WAIT: Duration = Duration::from_secs(10);
/// The `Retry-After` a request gets when the hashing threads stay busy.
const BUSY_RETRY_SECS: u64 = 2;

type Job = Box<dyn FnOnce() + Send>;

struct HashPool {
    jobs: mpsc::Sender<Job>,
    turns: Arc<Semaphore>,
}

static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// The most hashes that ever ran at the same time in this process (tests and diagnostics).
pub fn peak_parallel_hashes() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// The most hashes that may run at the same time.
pub fn max_parallel_hashes() -> usize {
    workers()
}

/// Two hashes per core: enough to keep every core busy, and at most that many 19 MiB blocks alive.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get() * 2)
        .unwrap_or(4)
        .clamp(2, 16)
}

fn pool() -> &'static HashPool {
    static POOL: OnceLock<HashPool> = OnceLock::new();
    POOL.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let n = workers();
        for i in 0..n {
            let rx = Arc::clone(&rx);
            let spawned = std::thread::Builder::new()
                .name(format!("wegwijs-hash-{i}"))
                .spawn(move || {
                    loop {
                        // A poisoned lock only means another worker panicked while waiting: go on.
                        let job = match rx.lock() {
                            Ok(r) => r.recv(),
                            Err(p) => p.into_inner().recv(),
                        };
                        match job {
                            Ok(job) => {
                                let now = IN_FLIGHT.fetch_add(1, Ordering::Relaxed) + 1;
                                PEAK.fetch_max(now, Ordering::Relaxed);
                                job();
                                IN_FLIGHT.fetch_sub(1, Ordering::Relaxed);
                            }
                            Err(_) => return,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "kan geen hash-thread starten");
            }
        }
        HashPool {
            jobs: tx,
            turns: Arc::new(Semaphore::new(n)),
        }
    })
}

/// Runs `f` on a hashing thread once one is free; at most [`workers`] run at a time.
async fn on_hash_thread<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    let pool = pool();
    let permit =
        match tokio::time::timeout(QUEUE_WAIT, Arc::clone(&pool.turns).acquire_owned()).await {
            Ok(Ok(p)) => p,
            Ok(Err(_)) => return Err(AppError::Internal("hash pool closed".into())),
            Err(_) => {
                tracing::warn!("alle hash-threads bezet; verzoek afgewezen");
                return Err(AppError::Busy {
                    retry_after_secs: BUSY_RETRY_SECS,
                });
            }
        };
    let (tx, rx) = oneshot::channel();
    let job: Job = Box::new(move || {
        let _permit = permit;
        let _ = tx.send(f());
    });
    pool.jobs
        .send(job)
        .map_err(|_| AppError::Internal("hash pool stopped".into()))?;
    rx.await
        .map_err(|_| AppError::Internal("hash task ended without an answer".into()))?
}

fn argon2(config: &AppConfig) -> Result<Argon2<'static>, AppError> {
    let params = Params::new(config.argon2_memory_kib, config.argon2_iterations, 1, None)
        .map_err(|e| AppError::Internal(format!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

pub async fn hash(config: &AppConfig, password: String) -> Result<String, AppError> {
    let a = argon2(config)?;
    on_hash_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        a.hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("argon2 hash: {e}")))
    })
    .await
}

/// Verifies with the parameters stored in the hash (so old hashes keep working after a settings change).
pub async fn verify(password: String, stored: String) -> Result<bool, AppError> {
    on_hash_thread(move || {
        let parsed = PasswordHash::new(&stored)
            .map_err(|e| AppError::Internal(format!("stored hash: {e}")))?;
        Ok(Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
}

/// A hash to verify against when the account does not exist, so that the response time does not
/// tell whether an e-mail address has an account.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ";
