//! Group commit for writes. Each write runs inside its own SAVEPOINT of a shared transaction, so it
//! stays atomic on its own (a failing write rolls back to its savepoint and reports its error); the
//! transaction commits once for all of them, and every writer is answered only after that commit is
//! durable. One fsync then serves many concurrent writes instead of one each.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use tokio::sync::{Mutex, mpsc, oneshot};

use crate::batch::{Collector, WriterHealth, WriterStatus, supervise};
use crate::{Db, StorageError, StorageResult, Tx, on_tx_exec};

/// A write: gets the shared transaction, does its statements (change and audit rows) and returns.
pub type WriteFn = Box<
    dyn for<'t> FnOnce(&'t mut Tx) -> Pin<Box<dyn Future<Output = StorageResult<()>> + Send + 't>>
        + Send,
>;

const MAX_BATCH: usize = 256;

struct Job {
    write: WriteFn,
    done: oneshot::Sender<StorageResult<()>>,
}

/// On SQLite (one writer, one fsync per commit) writes are batched; PostgreSQL commits concurrent
/// transactions in parallel and groups their WAL flushes itself, so there each write simply gets its own
/// transaction (measured: batching through one connection halved PostgreSQL's create throughput).
#[derive(Clone)]
pub struct WriteBatcher {
    queue: Option<mpsc::Sender<Job>>,
    db: Db,
    status: Arc<WriterStatus>,
}

impl WriteBatcher {
    /// On SQLite starts the (supervised) writer task on the current tokio runtime.
    pub fn start(db: Db) -> WriteBatcher {
        let status = Arc::new(WriterStatus::default());
        if db.backend() == crate::Backend::Postgres {
            return WriteBatcher {
                queue: None,
                db,
                status,
            };
        }
        let (queue, rx) = mpsc::channel(4 * MAX_BATCH);
        let worker_db = db.clone();
        let st = status.clone();
        supervise("write batcher", rx, status.clone(), move |rx| {
            run(worker_db.clone(), rx, st.clone())
        });
        WriteBatcher {
            queue: Some(queue),
            db,
            status,
        }
    }

    /// `None` on PostgreSQL, where there is no batcher task.
    pub fn health(&self) -> Option<WriterHealth> {
        self.queue.as_ref().map(|_| self.status.health())
    }

    /// Runs `write` atomically; returns once it is committed (or with its own error, nothing kept).
    pub async fn write(&self, write: WriteFn) -> StorageResult<()> {
        let Some(queue) = &self.queue else {
            let mut tx = self.db.begin().await?;
            write(&mut tx).await?;
            return tx.commit().await;
        };
        let (done, wait) = oneshot::channel();
        queue
            .send(Job { write, done })
            .await
            .map_err(|_| stopped())?;
        wait.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StorageError {
    StorageError::Corrupt("write batcher stopped".into())
}

async fn run(db: Db, rx: Arc<Mutex<mpsc::Receiver<Job>>>, status: Arc<WriterStatus>) {
    let mut rx = rx.lock().await;
    let mut collector = Collector::new();
    while let Some(first) = rx.recv().await {
        let jobs = collector
            .collect(first, &mut rx, MAX_BATCH, |_: &Job| 1)
            .await;
        let mut results: Vec<(oneshot::Sender<StorageResult<()>>, StorageResult<()>)> =
            Vec::with_capacity(jobs.len());
        let mut tx = match db.begin().await {
            Ok(tx) => tx,
            Err(e) => {
                let msg = e.to_string();
                for job in jobs {
                    let _ = job
                        .done
                        .send(Err(StorageError::Corrupt(format!("begin: {msg}"))));
                }
                continue;
            }
        };
        for job in jobs {
            let outcome = run_one(&mut tx, job.write).await;
            results.push((job.done, outcome));
        }
        let committed = tx.commit().await;
        status.batch_done(&committed.as_ref().map(|_| ()).map_err(|e| e.to_string()));
        match committed {
            Ok(()) => {
                for (done, outcome) in results {
                    let _ = done.send(outcome);
                }
            }
            Err(e) => {
                tracing::error!(error = %e, "write batch commit failed");
                let msg = e.to_string();
                for (done, _) in results {
                    let _ = done.send(Err(StorageError::Corrupt(format!("commit: {msg}"))));
                }
            }
        }
    }
}

/// One write inside its savepoint: kept on success, undone on error.
async fn run_one(tx: &mut Tx, write: WriteFn) -> StorageResult<()> {
    on_tx_exec!(tx, |c| sqlx::query("SAVEPOINT w").execute(c).await)?;
    let outcome = write(tx).await;
    let end = if outcome.is_ok() {
        "RELEASE SAVEPOINT w"
    } else {
        "ROLLBACK TO SAVEPOINT w"
    };
    on_tx_exec!(tx, |c| sqlx::query(end).execute(c).await)?;
    if outcome.is_err() {
        on_tx_exec!(tx, |c| sqlx::query("RELEASE SAVEPOINT w").execute(c).await)?;
    }
    outcome
}
