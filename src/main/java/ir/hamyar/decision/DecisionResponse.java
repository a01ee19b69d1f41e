package ir.hamyar.decision;

import ir.hamyar.evaluation.ConclusionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision as the contract returns it (and as it is recorded). */
@Schema(
        name = "Decision",
        requiredProperties = {
            "decisionId",
            "kind",
            "subjectRef",
            "assessedOn",
            "assessedOnJalali",
            "decidedAt",
            "ruleset",
            "conclusions",
            "firedRules"
        })
public record DecisionResponse(
        @Schema(format = "uuid") String decisionId,
        String kind,
        String subjectRef,
        @Schema(format = "date") String assessedOn,
        @Schema(pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description = "assessedOn in the Solar Hijri calendar")
                String assessedOnJalali,
        @Schema(format = "date-time") String decidedAt,
        RulesetRef ruleset,
        List<ConclusionView> conclusions,
        List<FiredRule> firedRules) {

    /** The ruleset version the decision was made under. */
    @Schema(name = "RulesetRef")
    public record RulesetRef(int version, String sha256) {}

    /** One rule activation, in firing order from 1. */
    @Schema(name = "FiredRule")
    public record FiredRule(int seq, String rule) {}
}
