//! Login attempts per client address: a fixed window per IP, in memory. The
//! per-account lockout (5 wrong passwords) is in the database; this stops one
//! address from trying many accounts.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginLimiter {
    max: u32,
    window: Duration,
    seen: Mutex<Seen>,
}

struct Seen {
    by_address: HashMap<IpAddr, (Instant, u32)>,
    /// When finished windows were last forgotten.
    swept: Instant,
}

impl LoginLimiter {
    pub fn new(max: u32, window: Duration) -> Self {
        LoginLimiter {
            max,
            window,
            seen: Mutex::new(Seen {
                by_address: HashMap::new(),
                swept: Instant::now(),
            }),
        }
    }

    /// Counts an attempt from `ip`; false when it is over the limit.
    pub fn allow(&self, ip: IpAddr, now: Instant) -> bool {
        let Ok(mut seen) = self.seen.lock() else {
            return true;
        };
        // Forget finished windows once per window: the map holds at most
        // the addresses of two windows, and no attempt pays for a scan of
        // it but one per window.
        if now.saturating_duration_since(seen.swept) >= self.window {
            let window = self.window;
            seen.by_address
                .retain(|_, (start, _)| now.saturating_duration_since(*start) < window);
            seen.swept = now;
        }
        let entry = seen.by_address.entry(ip).or_insert((now, 0));
        if now.saturating_duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.max
    }
}

impl Default for LoginLimiter {
    /// 20 attempts per address per 5 minutes: plenty for a person, few for a script.
    fn default() -> Self {
        LoginLimiter::new(20, Duration::from_secs(300))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_each_address_within_its_window() {
        let limiter = LoginLimiter::new(3, Duration::from_secs(60));
        let (a, b) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let t0 = Instant::now();
        assert!((0..3).all(|_| limiter.allow(a, t0)));
        assert!(
            !limiter.allow(a, t0),
            "the fourth attempt in the window is refused"
        );
        assert!(limiter.allow(b, t0), "other addresses are not affected");
        assert!(
            limiter.allow(a, t0 + Duration::from_secs(61)),
            "a new window starts afresh"
        );
    }

    #[test]
    fn finished_windows_are_forgotten_once_per_window() {
        let limiter = LoginLimiter::new(3, Duration::from_secs(60));
        let t0 = Instant::now();
        for i in 0..50_000u32 {
            limiter.allow(IpAddr::from(i.to_be_bytes()), t0);
        }
        let later = t0 + Duration::from_secs(61);
        assert!(limiter.allow("10.0.0.1".parse().unwrap(), later));
        let seen = limiter.seen.lock().unwrap();
        assert_eq!(
            seen.by_address.len(),
            1,
            "the old window's addresses are gone"
        );
        assert_eq!(seen.swept, later);
    }
}
