package ir.hamyar.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.Provenance;
import ir.hamyar.evaluation.ConclusionView;
import ir.hamyar.facts.Text;
import ir.hamyar.ledger.Asked;
import ir.hamyar.ledger.Erased;
import ir.hamyar.ledger.Lanes;
import ir.hamyar.ledger.OverrideView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One decision as an auditor sees it: the input exactly as received, the response exactly as answered, the
 * conclusions, each fired rule with its metadata and the parameters it read (values in force on the assessment
 * date), the ruleset version and hash, who asked for which organisation, when, and the record's place in the hash
 * chain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditRecord(
        String decisionId,
        long seq,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant decidedAt,
        Instant recordedAt,
        String caller,
        @Schema(description = "the caller's organisation; absent for records of no organisation") String organisation,
        String idempotencyKey,
        Ruleset ruleset,
        String input,
        String response,
        @Schema(type = SchemaType.ARRAY, implementation = ConclusionView.class, description = "as answered")
                JsonNode conclusions,
        List<FiredRule> firedRules,
        @Schema(
                        description =
                                "caseworkers' overrides of its conclusions, in order; a later one of the same conclusion"
                                        + " supersedes an earlier one")
                List<OverrideView> overrides,
        String previousHash,
        String hash,
        @Schema(description = "present once the subject was erased: input, response and conclusions are then absent")
                Erased erased) {

    /** The lane of the chain the record is on (its seq says it; not a field of the contract's record). */
    public int lane() {
        return Lanes.of(seq);
    }

    public record Ruleset(int version, String sha256) {

        /** The version that was to decide what was asked. */
        static Ruleset of(Asked asked) {
            return new Ruleset(asked.rulesetVersion(), asked.rulesetSha256());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FiredRule(
            int seq,
            String rule,
            String file,
            Text reason,
            String reference,
            Provenance provenance,
            List<ParameterValue> parameters) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParameterValue(String name, BigDecimal value, String unit, Provenance provenance) {}
}
