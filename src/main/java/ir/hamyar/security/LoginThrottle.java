package ir.hamyar.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows and then refuses password guessing (contract v1.1): failures are counted per user name and client address,
 * and per address; past {@code slow-after} each failure is answered later, past a limit every attempt is refused for
 * {@code lock}, whether or not the user exists and whether or not the password is right. A success clears its user
 * name's count from that address. Kept in memory, per replica: a restart forgets, and N replicas allow N times the
 * attempts (docs/operations.md). Bounded: past {@link #MAX_TRACKED} entries the expired ones are dropped, then new
 * user names stop being tracked one by one while the address count still limits them.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int MAX_TRACKED = 100_000;

    private final LoginThrottleConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Attempts> byUser = new ConcurrentHashMap<>();
    private final Map<String, Attempts> byAddress = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public LoginThrottle(LoginThrottleConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** How long this attempt must wait before it may be tried, if it is refused now. */
    public Optional<Duration> refusal(String user, String address) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant until =
                later(lockedUntil(byUser.get(key(user, address)), now), lockedUntil(byAddress.get(address), now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    /** Counts a failure; answers how much later its answer should go out. */
    public Duration failed(String user, String address) {
        metrics.counter("hamyar.auth.failures").increment();
        if (!config.enabled()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        int failures = count(byUser, key(user, address), config.maxFailures(), now);
        count(byAddress, address, config.maxFailuresPerAddress(), now);
        int past = failures - config.slowAfter();
        if (past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = config.delayStep().multipliedBy(past);
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    /** Counts a refused attempt (it is a failure to the metric, not to the counts: the lock does not grow). */
    public void refused() {
        metrics.counter("hamyar.auth.failures").increment();
    }

    public void succeeded(String user, String address) {
        byUser.remove(key(user, address));
    }

    private int count(Map<String, Attempts> counts, String key, int limit, Instant now) {
        if (counts.size() >= MAX_TRACKED && !counts.containsKey(key)) {
            counts.values().removeIf(attempts -> attempts.expired(now, config.window()));
            if (counts.size() >= MAX_TRACKED) {
                return 0;
            }
        }
        return counts.computeIfAbsent(key, k -> new Attempts()).fail(now, config.window(), limit, config.lock());
    }

    private static Instant lockedUntil(Attempts attempts, Instant now) {
        return attempts == null ? null : attempts.lockedUntil(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String key(String user, String address) {
        return address + "\n" + user;
    }

    /** The failures of one key in the current window, and the end of its refusal. */
    private static final class Attempts {

        private Instant windowStart = Instant.EPOCH;
        private int failures;
        private Instant lockedUntil;

        synchronized int fail(Instant now, Duration window, int limit, Duration lock) {
            if (windowStart.plus(window).isBefore(now)) {
                windowStart = now;
                failures = 0;
            }
            failures++;
            if (failures >= limit) {
                lockedUntil = now.plus(lock);
            }
            return failures;
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null;
        }

        synchronized boolean expired(Instant now, Duration window) {
            return windowStart.plus(window).isBefore(now) && lockedUntil(now) == null;
        }
    }
}
