package ir.hamyar.ledger;

import java.time.Instant;

/** A decision as it is on record: the decision, its place in the chain, when it was appended and its two hashes. */
public record StoredDecision(long seq, Answered answered, Instant recordedAt, String previousHash, String hash) {

    public Asked asked() {
        return answered.asked();
    }
}
