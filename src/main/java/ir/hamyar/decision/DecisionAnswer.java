package ir.hamyar.decision;

import ir.hamyar.json.Utf8Json;

/**
 * A decision's JSON, whether it was recorded earlier under the same idempotency key, and how long deciding and
 * recording took (nanoseconds), for the {@code Server-Timing} header.
 */
public record DecisionAnswer(Utf8Json json, boolean replayed, long decideNanos, long recordNanos) {

    public String serverTiming() {
        return "decide;dur=" + millis(decideNanos) + ", record;dur=" + millis(recordNanos);
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1_000_000.0);
    }
}
