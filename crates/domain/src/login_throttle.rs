//! When to refuse a sign-in attempt because of recent failures, per account (guessing one user's
//! password) and per address (trying many accounts). The storage layer counts failures in the window;
//! this decides, so the rule is testable without a database or a clock.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub max_failures_per_account: u32,
    pub max_failures_per_address: u32,
    pub window: chrono::Duration,
}

impl Default for ThrottlePolicy {
    /// 5 per account is enough for typos, too few for guessing; 20 per address leaves room for a
    /// shared office address (one gemeentehuis behind one NAT).
    fn default() -> Self {
        Self {
            max_failures_per_account: 5,
            max_failures_per_address: 20,
            window: chrono::Duration::minutes(15),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThrottleDecision {
    Allow,
    Refuse { retry_after_secs: u64 },
}

/// `account_failures` and `address_failures` are the failures within `policy.window` before `now`;
/// `oldest_failure_in_window` is the oldest of the counted failures. A refusal says when that
/// failure leaves the window (at least one second, rounded up, so a client never retries too early).
pub fn decide(
    policy: &ThrottlePolicy,
    account_failures: u32,
    address_failures: u32,
    oldest_failure_in_window: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ThrottleDecision {
    let over_account = account_failures >= policy.max_failures_per_account;
    let over_address = address_failures >= policy.max_failures_per_address;
    if !over_account && !over_address {
        return ThrottleDecision::Allow;
    }
    // Without a timestamp we cannot tell when the window frees up: wait one whole window.
    let remaining = match oldest_failure_in_window {
        Some(oldest) => oldest + policy.window - now,
        None => policy.window,
    };
    let millis = u64::try_from(remaining.num_milliseconds()).unwrap_or(0);
    ThrottleDecision::Refuse {
        retry_after_secs: millis.div_ceil(1000).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 5, 1, 9, 0, 0)
            .single()
            .expect("valid moment")
    }

    #[test]
    fn defaults_are_5_20_and_15_minutes() {
        let p = ThrottlePolicy::default();
        assert_eq!(
            (p.max_failures_per_account, p.max_failures_per_address),
            (5, 20)
        );
        assert_eq!(p.window, Duration::minutes(15));
    }

    #[test]
    fn fifth_account_failure_refuses_until_the_oldest_leaves_the_window() {
        let p = ThrottlePolicy::default();
        let oldest = now() - Duration::minutes(10);
        assert_eq!(
            decide(&p, 4, 4, Some(oldest), now()),
            ThrottleDecision::Allow
        );
        assert_eq!(
            decide(&p, 5, 5, Some(oldest), now()),
            ThrottleDecision::Refuse {
                retry_after_secs: 300
            }
        );
    }

    #[test]
    fn many_accounts_from_one_address_are_refused() {
        let p = ThrottlePolicy::default();
        let oldest = now() - Duration::seconds(899) - Duration::milliseconds(500);
        assert_eq!(
            decide(&p, 0, 20, Some(oldest), now()),
            ThrottleDecision::Refuse {
                retry_after_secs: 1
            }
        );
    }

    #[test]
    fn missing_or_stale_timestamps_still_refuse() {
        let p = ThrottlePolicy::default();
        assert_eq!(
            decide(&p, 5, 0, None, now()),
            ThrottleDecision::Refuse {
                retry_after_secs: 900
            }
        );
        let stale = now() - Duration::hours(2);
        assert_eq!(
            decide(&p, 5, 0, Some(stale), now()),
            ThrottleDecision::Refuse {
                retry_after_secs: 1
            }
        );
    }

    proptest! {
        #[test]
        fn fewer_failures_than_the_limits_always_allow(
            (max_acc, max_addr, acc, addr) in (1u32..50, 1u32..200)
                .prop_flat_map(|(ma, md)| (Just(ma), Just(md), 0..ma, 0..md)),
            ago in 0i64..100_000,
        ) {
            let p = ThrottlePolicy { max_failures_per_account: max_acc, max_failures_per_address: max_addr, ..ThrottlePolicy::default() };
            prop_assert_eq!(decide(&p, acc, addr, Some(now() - Duration::seconds(ago)), now()), ThrottleDecision::Allow);
        }

        #[test]
        fn reaching_a_limit_refuses_for_at_most_one_window(extra in 0u32..100, ago_ms in 0i64..900_000, by_account in any::<bool>()) {
            let p = ThrottlePolicy::default();
            let (acc, addr) = if by_account { (5 + extra, 0) } else { (0, 20 + extra) };
            let decision = decide(&p, acc, addr, Some(now() - Duration::milliseconds(ago_ms)), now());
            let ThrottleDecision::Refuse { retry_after_secs } = decision else {
                return Err(TestCaseError::fail("allowed at the limit"));
            };
            prop_assert!((1..=900).contains(&retry_after_secs));
            prop_assert_eq!(retry_after_secs, ((900_000 - ago_ms) as u64).div_ceil(1000).max(1));
        }
    }
}
