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
        Checkpoint checkpoint) {}
