package ir.hamyar.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows and then refuses password guessing (contract v1.1): attempts are counted per user name and client address,
 * and per address, before the password is checked (a success is taken back); past {@code slow-after} each failure is
 * answered later, past a limit every attempt is refused for {@code lock}, whether or not the user exists and whether
 * or not the password is right. A success clears its user name's count from that address. Kept in memory, per replica: a restart forgets, and N replicas allow N times the
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

    /**
     * Counts an attempt before its password is checked, so that attempts arriving together cannot all slip under the
     * limit: refused (how long to wait) once the user name from this address, or the address, is locked; otherwise
     * the attempt's number in its window, which {@link #failed} turns into a delay and {@link #succeeded} takes back.
     */
    public Attempt attempt(String user, String address) {
        if (!config.enabled()) {
            return new Attempt(Optional.empty(), 0);
        }
        Instant now = clock.instant();
        String key = key(user, address);
        Optional<Duration> locked = lockedFor(key, address, now);
        if (locked.isPresent()) {
            return new Attempt(locked, 0);
        }
        int number = count(byUser, key, config.maxFailures(), now);
        count(byAddress, address, config.maxFailuresPerAddress(), now);
        return new Attempt(Optional.empty(), number);
    }

    /** How long this user name from this address, or the address, is refused still; counts nothing else. */
    public Optional<Duration> lockedFor(String user, String address) {
        if (!config.enabled() || (byUser.isEmpty() && byAddress.isEmpty())) {
            return Optional.empty();
        }
        return lockedFor(key(user, address), address, clock.instant());
    }

    private Optional<Duration> lockedFor(String key, String address, Instant now) {
        Instant until = later(lockedUntil(byUser.get(key), now), lockedUntil(byAddress.get(address), now));
        if (until == null) {
            return Optional.empty();
        }
        metrics.counter("hamyar.auth.failures").increment();
        return Optional.of(Duration.between(now, until));
    }

    /** The attempt failed: how much later its answer should go out. */
    public Duration failed(Attempt attempt) {
        metrics.counter("hamyar.auth.failures").increment();
        int past = attempt.number() - config.slowAfter();
        if (!config.enabled() || past <= 0) {
            return Duration.ZERO;
        }
        Duration delay = config.delayStep().multipliedBy(past);
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    /** The attempt succeeded: the user name's count from this address is cleared, the address's taken back. */
    public void succeeded(String user, String address) {
        if (!config.enabled()) {
            return;
        }
        signedIn(user, address);
        Attempts fromAddress = byAddress.get(address);
        if (fromAddress != null) {
            fromAddress.takeBack(config.maxFailuresPerAddress());
        }
    }

    /**
     * A password checked before came again (never counted, see {@link #attempt}): the user name's count from this
     * address is cleared; the address's stays, as nothing was counted against it.
     */
    public void signedIn(String user, String address) {
        if (config.enabled() && !byUser.isEmpty()) {
            byUser.remove(key(user, address));
        }
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

    /** The user name by its hash: a key of fixed size, however long a name a guesser sends. */
    private static String key(String user, String address) {
        try {
            byte[] name = MessageDigest.getInstance("SHA-256").digest(user.getBytes(StandardCharsets.UTF_8));
            return address + "\n" + HexFormat.of().formatHex(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** An attempt as counted: refused now (and for how long), or its number among the recent failures. */
    public record Attempt(Optional<Duration> refusedFor, int number) {}

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

        /** A success is not a failure: one fewer, and no lock unless the others alone reach the limit. */
        synchronized void takeBack(int limit) {
            failures = Math.max(0, failures - 1);
            if (failures < limit) {
                lockedUntil = null;
            }
        }

        synchronized Instant lockedUntil(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null;
        }

        synchronized boolean expired(Instant now, Duration window) {
            return windowStart.plus(window).isBefore(now) && lockedUntil(now) == null;
        }
    }
}
