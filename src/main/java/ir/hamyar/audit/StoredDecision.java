package ir.hamyar.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A decision as it is on record, with its place in the hash chain. */
public record StoredDecision(
        long seq,
        UUID id,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant decidedAt,
        Instant recordedAt,
        String caller,
        String idempotencyKey,
        String requestSha256,
        int rulesetVersion,
        String rulesetSha256,
        String input,
        String response,
        String previousHash,
        String hash) {

    /** The fields the hash chain covers. */
    public ChainedRecord chained() {
        return new ChainedRecord(
                seq,
                id,
                kind,
                subjectRef,
                assessedOn,
                decidedAt,
                recordedAt,
                caller,
                idempotencyKey,
                requestSha256,
                rulesetVersion,
                rulesetSha256,
                input,
                response);
    }
}
