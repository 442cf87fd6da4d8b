//! What a measured run produced, and the figures we report from it: nearest-rank percentiles over
//! every latency (no histogram buckets, no sampling) and throughput over the run's wall time.

use std::time::Duration;

/// The raw result of one run: one latency per successful operation.
#[derive(Debug, Default)]
pub struct Sample {
    pub latencies: Vec<Duration>,
    pub errors: u64,
    /// The first failure, to show why a scenario failed.
    pub first_error: Option<String>,
    pub elapsed: Duration,
}

impl Sample {
    pub fn merge(&mut self, other: Sample) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }
}

/// The figures of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub errors: u64,
    pub first_error: Option<String>,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub ops_per_s: f64,
}

pub fn summarise(mut sample: Sample) -> Summary {
    sample.latencies.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let secs = sample.elapsed.as_secs_f64();
    let n = sample.latencies.len();
    Summary {
        n,
        errors: sample.errors,
        first_error: sample.first_error,
        p50_ms: ms(percentile(&sample.latencies, 50.0)),
        p99_ms: ms(percentile(&sample.latencies, 99.0)),
        ops_per_s: if secs > 0.0 { n as f64 / secs } else { 0.0 },
    }
}

/// Nearest-rank percentile of sorted values: the smallest value with at least `p` percent of all
/// values at or below it. Zero for an empty run.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil();
    // `rank` lies in 0..=len, so the conversion is exact.
    let index = (rank as usize).clamp(1, sorted.len()) - 1;
    sorted.get(index).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: u64) -> Duration {
        Duration::from_millis(v)
    }

    #[test]
    fn nearest_rank_percentiles_of_one_to_hundred() {
        let values: Vec<Duration> = (1..=100).map(ms).collect();
        assert_eq!(percentile(&values, 50.0), ms(50));
        assert_eq!(percentile(&values, 99.0), ms(99));
        assert_eq!(percentile(&values, 100.0), ms(100));
    }

    #[test]
    fn p99_of_few_values_is_the_largest() {
        let values = vec![ms(1), ms(2), ms(9)];
        assert_eq!(percentile(&values, 50.0), ms(2));
        assert_eq!(percentile(&values, 99.0), ms(9));
    }

    #[test]
    fn empty_run_gives_zero() {
        assert_eq!(percentile(&[], 99.0), Duration::ZERO);
        let s = summarise(Sample::default());
        assert_eq!((s.n, s.ops_per_s), (0, 0.0));
    }

    #[test]
    fn summary_counts_only_successes_as_throughput() {
        let sample = Sample {
            latencies: vec![ms(3), ms(1), ms(2)],
            errors: 4,
            first_error: None,
            elapsed: ms(1000),
        };
        let s = summarise(sample);
        assert_eq!((s.n, s.errors), (3, 4));
        assert!((s.ops_per_s - 3.0).abs() < 1e-9);
        assert!((s.p50_ms - 2.0).abs() < 1e-9);
    }
}
