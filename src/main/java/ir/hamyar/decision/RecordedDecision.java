package ir.hamyar.decision;

/**
 * The outcome of recording: the decision now on record under the key, and whether it was recorded by this request
 * ({@code fresh}) or earlier under the same idempotency key.
 */
record RecordedDecision(boolean fresh, String requestSha256, String responseJson) {}
