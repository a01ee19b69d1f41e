package ir.hamyar.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A decision ready to be recorded: its response, and what it was decided on and for whom. */
record NewDecision(
        UUID id,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant decidedAt,
        String caller,
        String idempotencyKey,
        String requestSha256,
        int rulesetVersion,
        String rulesetSha256,
        String input,
        String responseJson) {}
