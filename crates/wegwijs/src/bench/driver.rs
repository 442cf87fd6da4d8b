//! The load loop shared by the HTTP scenarios and the raw SQL limits: `concurrency` tasks, each sending
//! its next operation as soon as the previous one is answered (a closed loop), for a fixed time.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::stats::{Sample, Summary, summarise};

/// One operation: `Ok` when the answer was the expected one, otherwise what went wrong.
pub type OpResult = Result<(), String>;

/// How long and how wide every scenario runs.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub warmup: Duration,
    pub duration: Duration,
}

/// How many clients each kind of scenario uses.
#[derive(Debug, Clone, Copy)]
pub struct Widths {
    /// The concurrent read scenarios and `limit_dossier`.
    pub concurrency: usize,
    /// Person creation, through the API and directly.
    pub create_concurrency: usize,
}

/// Warms up (results discarded), then measures. The operation gets its task's number (`0..concurrency`,
/// for state held per task such as a connection) and a running number, from which it picks its input
/// (a person id, a search term, a fresh BSN).
pub async fn measure<F, Fut>(plan: Plan, concurrency: usize, op: F) -> Summary
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = OpResult> + Send + 'static,
{
    let op = Arc::new(op);
    let counter = Arc::new(AtomicU64::new(0));
    let warm = run(plan.warmup, concurrency, op.clone(), counter.clone()).await;
    let mut sample = run(plan.duration, concurrency, op, counter).await;
    // A failure during warm-up is a failure too: report it rather than hide it.
    if warm.errors > 0 {
        sample.errors += warm.errors;
        sample.first_error = sample.first_error.or(warm.first_error);
    }
    summarise(sample)
}

async fn run<F, Fut>(
    duration: Duration,
    concurrency: usize,
    op: Arc<F>,
    counter: Arc<AtomicU64>,
) -> Sample
where
    F: Fn(usize, u64) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = OpResult> + Send + 'static,
{
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = tokio::task::JoinSet::new();
    for task in 0..concurrency.max(1) {
        let op = op.clone();
        let counter = counter.clone();
        tasks.spawn(async move {
            let mut part = Sample::default();
            while Instant::now() < deadline {
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let sent = Instant::now();
                match op(task, i).await {
                    Ok(()) => part.latencies.push(sent.elapsed()),
                    Err(e) => {
                        part.errors += 1;
                        part.first_error.get_or_insert(e);
                    }
                }
            }
            part
        });
    }
    let mut all = Sample::default();
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok(part) => all.merge(part),
            Err(e) => {
                all.errors += 1;
                all.first_error
                    .get_or_insert(format!("taak afgebroken: {e}"));
            }
        }
    }
    all.elapsed = start.elapsed();
    all
}

/// A well-mixed index in `0..len` for the operation numbered `i` (splitmix64), so consecutive
/// requests do not walk the table in order and cache effects look like real use.
pub fn pick(i: u64, len: usize) -> usize {
    let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    let len = u64::try_from(len.max(1)).unwrap_or(u64::MAX);
    usize::try_from(z % len).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_stays_in_range_and_spreads() {
        let mut seen = [0u32; 10];
        for i in 0..10_000 {
            let k = pick(i, 10);
            assert!(k < 10);
            seen[k] += 1;
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
        assert_eq!(pick(5, 0), 0);
    }

    #[tokio::test]
    async fn measure_counts_successes_and_failures() {
        let plan = Plan {
            warmup: Duration::from_millis(5),
            duration: Duration::from_millis(30),
        };
        let s = measure(plan, 3, |_, i| async move {
            tokio::task::yield_now().await;
            if i % 2 == 0 {
                Ok(())
            } else {
                Err(format!("oneven {i}"))
            }
        })
        .await;
        assert!(s.n > 0);
        assert!(s.errors > 0);
        assert!(s.first_error.is_some_and(|e| e.starts_with("oneven")));
    }
}
