package ir.hamyar.decision;

/** A decision's JSON and whether it was recorded earlier under the same idempotency key. */
public record DecisionAnswer(String json, boolean replayed) {
}
