package ir.hamyar.ledger;

/**
 * A request the rules could not decide, as it is kept for auditors: what was asked, the rule that failed (when known)
 * and why, in words that name rules, never facts. In lists {@code asked.input()} is not read (null); once its subject
 * was erased it cannot be, and {@code erased} says so.
 */
public record Failure(Asked asked, String rule, String reason, Erased erased) {

    public Failure(Asked asked, String rule, String reason) {
        this(asked, rule, reason, null);
    }
}
