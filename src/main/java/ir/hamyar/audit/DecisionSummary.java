package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
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
        @Schema(type = SchemaType.ARRAY, implementation = Outcome.class) JsonNode conclusions) {}
