package ir.hamyar.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * The outcome of walking the chain: how many records, whether all verify, the first that does not (with why), and
 * the checkpoint the chain was compared with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(
        long records,
        boolean valid,
        UUID firstInvalidId,
        Long firstInvalidSeq,
        String problem,
        Checkpoint checkpoint,
        Chain overrides) {

    /** The override chain's own outcome; the whole record is valid only when both chains are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Chain(long records, boolean valid, UUID firstInvalidId, Long firstInvalidSeq, String problem) {}

    Verification with(Chain overrides) {
        return new Verification(
                records, valid && overrides.valid(), firstInvalidId, firstInvalidSeq, problem, checkpoint, overrides);
    }
}
