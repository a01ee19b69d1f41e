package ir.hamyar.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        String requestSha256) {

    /** The same override, its request digest replaced (by its HMAC under the subject's key, as recorded, or back). */
    CaseworkerOverride withRequestSha256(String digest) {
        return new CaseworkerOverride(
                id,
                decisionId,
                type,
                subject,
                from,
                to,
                rule,
                reason,
                overriddenBy,
                organisation,
                overriddenAt,
                idempotencyKey,
                digest);
    }

    /** Which conclusion this override is of: its type and subject. */
    public List<String> conclusion() {
        return conclusion(type, subject);
    }

    /** A conclusion as one key, its type and subject (null where it has none), comparable with equals. */
    public static List<String> conclusion(String type, String subject) {
        return Arrays.asList(type, subject);
    }

    /** The key of a conclusion, or of an override, as the API writes it ({@code type}, {@code subject}). */
    public static List<String> conclusion(JsonNode written) {
        JsonNode subject = written.path("subject");
        return conclusion(written.path("type").asText(), subject.isTextual() ? subject.asText() : null);
    }
}
