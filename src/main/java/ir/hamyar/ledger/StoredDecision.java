package ir.hamyar.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision as it is on record: the decision, its place in the chain, when it was appended and its two hashes, the
 * data key it is sealed under (null: a plain record made before sealing), the sha256 of what is stored of its input
 * and answer (the ciphertext, for a sealed record), once its subject was erased, the erasure, and the form of its
 * chain link (null: the forms before {@link HashChain#LENGTH_PREFIXED}).
 */
public record StoredDecision(
        long seq,
        Answered answered,
        Instant recordedAt,
        String previousHash,
        String hash,
        UUID keyId,
        String inputDigest,
        String responseDigest,
        Erased erased,
        Integer chainForm) {

    public Asked asked() {
        return answered.asked();
    }

    public boolean isErased() {
        return erased != null;
    }
}
