package ir.hamyar.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A caseworker's override of one conclusion of a recorded decision: which conclusion ({@code type}, {@code subject}),
 * from which value (and the rule that concluded it) to which, why, by whom, of which organisation, when; with the
 * idempotency key and the sha256 of the request that asked for it.
 */
public record CaseworkerOverride(
        UUID id,
        UUID decisionId,
        String type,
        String subject,
        String from,
        String to,
        String rule,
        String reason,
        String overriddenBy,
        String organisation,
        Instant overriddenAt,
        String idempotencyKey,
        String requestSha256) {}
