//! Group commit for read audits. Every dossier view must leave a durable audit row before the data is
//! shown, but one fsync per view caps throughput at the disk's sync rate. Requests hand their rows to
//! this single writer task, which commits whatever has queued up in one transaction and then answers
//! every waiting request. A request is answered only after its rows are on disk.
//!
//! The task is supervised (`batch::supervise`): if it dies it is restarted, and the requests it was
//! serving get an error. [`AuditBatcher::probe`] lets `/health` check that audit rows can be written.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::audit::{self, AuditEntry};
use crate::batch::{Collector, WriterHealth, WriterStatus, supervise};
use crate::{Db, StorageError, StorageResult};

const MAX_BATCH: usize = 1024;

enum Job {
    Rows {
        entries: Vec<AuditEntry>,
        done: oneshot::Sender<Result<(), String>>,
    },
    /// Insert a row and roll it back: can the writer write audit rows at all?
    Probe(oneshot::Sender<Result<(), String>>),
    /// Failure injection for tests: the task panics.
    Panic,
}

impl Job {
    fn rows(&self) -> usize {
        match self {
            Job::Rows { entries, .. } => entries.len(),
            Job::Probe(_) | Job::Panic => 1,
        }
    }
}

#[derive(Clone)]
pub struct AuditBatcher {
    queue: mpsc::Sender<Job>,
    status: Arc<WriterStatus>,
}

fn stopped() -> StorageError {
    StorageError::Corrupt("audit writer stopped".into())
}

impl AuditBatcher {
    /// Starts the (supervised) writer task on the current tokio runtime.
    pub fn start(db: Db) -> AuditBatcher {
        let (queue, rx) = mpsc::channel(8 * MAX_BATCH);
        let status = Arc::new(WriterStatus::default());
        let st = status.clone();
        supervise("audit writer", rx, status.clone(), move |rx| {
            run(db.clone(), rx, st.clone())
        });
        AuditBatcher { queue, status }
    }

    /// Returns once the entries are committed.
    pub async fn record(&self, entries: Vec<AuditEntry>) -> StorageResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let (done, wait) = oneshot::channel();
        self.queue
            .send(Job::Rows { entries, done })
            .await
            .map_err(|_| stopped())?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(msg)) => Err(StorageError::Corrupt(format!("audit write failed: {msg}"))),
            Err(_) => Err(stopped()),
        }
    }

    /// Whether an audit row can be written now: the writer inserts one and rolls it back (nothing
    /// is kept). An error (or no answer within `timeout`) means views cannot be audited.
    pub async fn probe(&self, timeout: Duration) -> Result<(), String> {
        let (done, wait) = oneshot::channel();
        self.queue
            .send(Job::Probe(done))
            .await
            .map_err(|_| "audit writer stopped".to_string())?;
        match tokio::time::timeout(timeout, wait).await {
            Ok(Ok(r)) => r,
            Ok(Err(_)) => Err("audit writer stopped".into()),
            Err(_) => Err("audit writer did not answer in time".into()),
        }
    }

    pub fn health(&self) -> WriterHealth {
        self.status.health()
    }

    /// Failure injection for tests: makes the writer task panic (the supervisor restarts it).
    #[doc(hidden)]
    pub async fn inject_panic(&self) {
        let _ = self.queue.send(Job::Panic).await;
    }
}

async fn run(db: Db, rx: Arc<Mutex<mpsc::Receiver<Job>>>, status: Arc<WriterStatus>) {
    let mut rx = rx.lock().await;
    let mut collector = Collector::new();
    while let Some(first) = rx.recv().await {
        let jobs = collector
            .collect(first, &mut rx, MAX_BATCH, Job::rows)
            .await;
        let mut rows: Vec<AuditEntry> = Vec::new();
        let mut waiting = Vec::with_capacity(jobs.len());
        let mut probes = Vec::new();
        let mut panic = false;
        for job in jobs {
            match job {
                Job::Rows { entries, done } => {
                    rows.extend(entries);
                    waiting.push(done);
                }
                Job::Probe(done) => probes.push(done),
                Job::Panic => panic = true,
            }
        }
        if panic {
            // The waiting requests' answer channels are dropped with the task: they get an error.
            panic!("audit writer: injected failure");
        }
        if !rows.is_empty() {
            let result = write(&db, &rows).await.map_err(|e| e.to_string());
            if let Err(msg) = &result {
                tracing::error!(error = %msg, requests = waiting.len(), "audit batch failed");
            }
            status.batch_done(&result);
            for done in waiting {
                // A requester that went away does not need its answer; its rows are committed anyway.
                let _ = done.send(result.clone());
            }
        }
        if !probes.is_empty() {
            let result = probe(&db).await.map_err(|e| e.to_string());
            status.batch_done(&result);
            for done in probes {
                let _ = done.send(result.clone());
            }
        }
    }
}

async fn write(db: &Db, rows: &[AuditEntry]) -> StorageResult<()> {
    let mut tx = db.begin().await?;
    audit::insert(&mut tx, rows).await?;
    tx.commit().await
}

/// A row in its own transaction, rolled back: the insert runs every check the audit log has (chain,
/// triggers) and nothing is kept. On PostgreSQL the row's id is taken from the sequence and lost (the
/// chain is ordered by `volgnummer`, which is rolled back with the row).
async fn probe(db: &Db) -> StorageResult<()> {
    let row = AuditEntry {
        tijdstip: Utc::now(),
        trace_id: "health-probe".into(),
        gebruiker_id: None,
        organisatie_id: None,
        gemeente_id: None,
        persoon_id: None,
        actie: wegwijs_domain::audit::AuditAction::PersonRead,
        bron: crate::audit::Bron::Cli,
        details: Some("health probe, rolled back".into()),
        grondslag: None,
    };
    let mut tx = db.begin().await?;
    audit::insert(&mut tx, &[row]).await?;
    tx.rollback().await
}
