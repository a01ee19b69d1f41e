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
        int rulesetVersion,
        String rulesetSha256,
        String input,
        String response,
        String previousHash,
        String hash) {}
