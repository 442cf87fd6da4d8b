//! Group commit for read audits. Every dossier view must leave a durable audit row before the data is
//! shown, but one fsync per view caps throughput at the disk's sync rate. Requests hand their rows to
//! this single writer task, which commits whatever has queued up in one transaction and then answers
//! every waiting request. A request is answered only after its rows are on disk.

use tokio::sync::{mpsc, oneshot};

use crate::audit::{self, AuditEntry};
use crate::batch::Collector;
use crate::{Db, StorageError, StorageResult};

const MAX_BATCH: usize = 1024;

struct Job {
    entries: Vec<AuditEntry>,
    done: oneshot::Sender<Result<(), String>>,
}

#[derive(Clone)]
pub struct AuditBatcher {
    queue: mpsc::Sender<Job>,
}

impl AuditBatcher {
    /// Starts the writer task on the current tokio runtime.
    pub fn start(db: Db) -> AuditBatcher {
        let (queue, rx) = mpsc::channel(8 * MAX_BATCH);
        tokio::spawn(run(db, rx));
        AuditBatcher { queue }
    }

    /// Returns once the entries are committed.
    pub async fn record(&self, entries: Vec<AuditEntry>) -> StorageResult<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let (done, wait) = oneshot::channel();
        self.queue
            .send(Job { entries, done })
            .await
            .map_err(|_| StorageError::Corrupt("audit writer stopped".into()))?;
        match wait.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(msg)) => Err(StorageError::Corrupt(format!("audit write failed: {msg}"))),
            Err(_) => Err(StorageError::Corrupt("audit writer stopped".into())),
        }
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Job>) {
    let mut collector = Collector::new();
    while let Some(first) = rx.recv().await {
        let jobs = collector
            .collect(first, &mut rx, MAX_BATCH, |j: &Job| j.entries.len())
            .await;
        let result = write(&db, &jobs).await.map_err(|e| e.to_string());
        if let Err(msg) = &result {
            tracing::error!(error = %msg, requests = jobs.len(), "audit batch failed");
        }
        for job in jobs {
            // A requester that went away does not need its answer; its rows are committed anyway.
            let _ = job.done.send(result.clone());
        }
    }
}

async fn write(db: &Db, jobs: &[Job]) -> StorageResult<()> {
    let rows: Vec<AuditEntry> = jobs
        .iter()
        .flat_map(|j| j.entries.iter().cloned())
        .collect();
    let mut tx = db.begin().await?;
    audit::insert(&mut tx, &rows).await?;
    tx.commit().await
}
