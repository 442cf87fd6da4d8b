//! What the audit and write batchers share: collecting a batch from a queue, and supervision of the
//! writer task.
//!
//! Under load (the previous batch held more than one job) the collector waits up to 1.5 ms for more
//! jobs: fewer commits mean fewer fsyncs and, on SQLite, fewer page-cache invalidations for every
//! reader. A lone job never waits.
//!
//! A writer task that panics is restarted by its supervisor on the same queue; the requests of the
//! batch it was working on see their answer channel dropped and get an error (never a hang). The
//! [`WriterStatus`] counts restarts and remembers whether the last batch failed, for `/health`.

use std::future::Future;
use std::sync::Arc;
use std::sync::Mutex as StdMutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::{Mutex, mpsc};

/// How long a busy batcher waits for more jobs. `WEGWIJS_BATCH_LINGER_US` overrides it (for
/// measuring; see docs/benchmarks.md).
fn linger() -> Duration {
    static LINGER: std::sync::LazyLock<Duration> = std::sync::LazyLock::new(|| {
        std::env::var("WEGWIJS_BATCH_LINGER_US")
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(Duration::from_micros(1500), Duration::from_micros)
    });
    *LINGER
}

pub(crate) struct Collector {
    busy: bool,
}

impl Collector {
    pub(crate) fn new() -> Collector {
        Collector { busy: false }
    }

    /// The next batch, starting with `first`, until `weight` of the jobs reaches `max` or the queue is
    /// (still) empty.
    pub(crate) async fn collect<J>(
        &mut self,
        first: J,
        rx: &mut mpsc::Receiver<J>,
        max: usize,
        weight: impl Fn(&J) -> usize,
    ) -> Vec<J> {
        let mut total = weight(&first);
        let mut jobs = vec![first];
        let deadline =
            tokio::time::Instant::now() + if self.busy { linger() } else { Duration::ZERO };
        while total < max {
            let next = match rx.try_recv() {
                Ok(job) => Some(job),
                Err(mpsc::error::TryRecvError::Empty) if self.busy => {
                    tokio::time::timeout_at(deadline, rx.recv())
                        .await
                        .ok()
                        .flatten()
                }
                Err(_) => None,
            };
            let Some(job) = next else { break };
            total += weight(&job);
            jobs.push(job);
        }
        self.busy = jobs.len() > 1;
        jobs
    }
}

/// The health of a writer task, shared with whoever asks (`/health`).
#[derive(Debug, Default)]
pub struct WriterStatus {
    restarts: AtomicU64,
    running: AtomicBool,
    last_error: StdMutex<Option<String>>,
}

/// A snapshot of [`WriterStatus`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriterHealth {
    /// The task is running (it is restarted after a panic; `false` only after shutdown).
    pub running: bool,
    /// How often the task died and was restarted since the start.
    pub restarts: u64,
    /// The error of the last batch, if the last batch failed.
    pub last_error: Option<String>,
}

impl WriterStatus {
    pub(crate) fn batch_done(&self, result: &Result<(), String>) {
        let mut last = self
            .last_error
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *last = result.as_ref().err().cloned();
    }

    pub fn health(&self) -> WriterHealth {
        WriterHealth {
            running: self.running.load(Ordering::Relaxed),
            restarts: self.restarts.load(Ordering::Relaxed),
            last_error: self
                .last_error
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .clone(),
        }
    }
}

/// Runs `worker` on `rx` in a task of its own, and again whenever it panics. The worker takes the
/// queue's lock for as long as it runs; a panic releases it (tokio's mutex is not poisoned).
pub(crate) fn supervise<J, F, Fut>(
    name: &'static str,
    rx: mpsc::Receiver<J>,
    status: Arc<WriterStatus>,
    worker: F,
) where
    J: Send + 'static,
    F: Fn(Arc<Mutex<mpsc::Receiver<J>>>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let rx = Arc::new(Mutex::new(rx));
    status.running.store(true, Ordering::Relaxed);
    tokio::spawn(async move {
        loop {
            let run = tokio::spawn(worker(rx.clone()));
            match run.await {
                // The queue closed: every sender is gone, nothing more to do.
                Ok(()) => break,
                Err(e) if e.is_panic() => {
                    let n = status.restarts.fetch_add(1, Ordering::Relaxed) + 1;
                    tracing::error!(writer = name, restarts = n, "writer task died; restarting");
                    status.batch_done(&Err(format!("{name} task died and was restarted")));
                    // Not in a tight loop if it dies at once again.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                // Cancelled: the runtime shuts down.
                Err(_) => break,
            }
        }
        status.running.store(false, Ordering::Relaxed);
    });
}
