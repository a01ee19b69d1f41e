package ir.hamyar.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.ledger.Erased;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision in a list of search results: who, when, under which version, what was concluded. */
public record DecisionSummary(
        String decisionId,
        long seq,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant decidedAt,
        String caller,
        @Schema(nullable = true) String organisation,
        AuditRecord.Ruleset ruleset,
        @Schema(type = SchemaType.ARRAY, implementation = Outcome.class, description = "empty once erased")
                JsonNode conclusions,
        @JsonInclude(JsonInclude.Include.NON_NULL)
                @Schema(nullable = true, description = "present once the subject was erased")
                Erased erased) {}
