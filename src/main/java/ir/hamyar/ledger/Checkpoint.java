package ir.hamyar.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The chain heads at a moment, signed: {@code hmac = HMAC-SHA256(key, seq + "|" + hash + "|" + at)}, followed by
 * {@code "|" + overrideSeq + "|" + overrideHash} once the override chain has a record (a checkpoint written before
 * any override keeps the shorter form, so earlier checkpoint lines verify as they did).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(long seq, String hash, Long overrideSeq, String overrideHash, Instant at, String hmac) {

    /** The text the HMAC signs (docs/audit.md's command rebuilds it from the checkpoint line). */
    public String signed() {
        String decisions = seq + "|" + hash + "|" + at;
        return overrideSeq == null ? decisions : decisions + "|" + overrideSeq + "|" + overrideHash;
    }
}
