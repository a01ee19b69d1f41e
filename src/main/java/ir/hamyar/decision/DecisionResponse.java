package ir.hamyar.decision;

import ir.hamyar.evaluation.ConclusionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision as the contract returns it (and as it is recorded). */
@Schema(name = "Decision")
public record DecisionResponse(
        String decisionId,
        String kind,
        String subjectRef,
        String assessedOn,
        String assessedOnJalali,
        String decidedAt,
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
