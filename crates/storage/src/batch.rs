//! Collecting a batch from a queue, shared by the audit and write batchers. Under load (the previous
//! batch held more than one job) it waits up to `LINGER` for more jobs: fewer commits mean fewer fsyncs
//! and, on SQLite, fewer page-cache invalidations for every reader. A lone job never waits.

use std::time::Duration;

use tokio::sync::mpsc;

const LINGER: Duration = Duration::from_micros(1500);

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
            tokio::time::Instant::now() + if self.busy { LINGER } else { Duration::ZERO };
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
