package ir.hamyar.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One look at a record: who, when, from which organisation, and what (a full record, a replay, a failure's input). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRead(
        long id,
        Instant at,
        String reader,
        @Schema(description = "the reader's organisation; * for a reader of every organisation", nullable = true)
                String organisation,
        @Schema(enumeration = {"READ", "REPLAY", "FAILURE", "IMPACT"}) String action,
        @Schema(description = "the decision read or replayed") String decisionId,
        @Schema(description = "the failed evaluation whose input was read") String failureId) {}
