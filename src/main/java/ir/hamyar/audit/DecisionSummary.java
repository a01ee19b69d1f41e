package ir.hamyar.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/** A decision in a list of search results: who, when, under which version, what was concluded. */
public record DecisionSummary(
        String decisionId,
        long seq,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant decidedAt,
        String caller,
        AuditRecord.Ruleset ruleset,
        JsonNode conclusions) {}
