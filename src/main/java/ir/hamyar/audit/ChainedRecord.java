package ir.hamyar.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A decision record as the hash chain covers it: every stored field, in its chain position {@code seq}. */
public record ChainedRecord(
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
        String response) {}
