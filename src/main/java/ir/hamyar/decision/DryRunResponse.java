package ir.hamyar.decision;

import ir.hamyar.evaluation.ConclusionView;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a version would decide for a profile, as a decision answers it, but with no id: nothing was recorded. */
@Schema(
        name = "DryRun",
        requiredProperties = {
            "kind",
            "subjectRef",
            "assessedOn",
            "assessedOnJalali",
            "evaluatedAt",
            "ruleset",
            "conclusions",
            "firedRules",
            "recorded"
        })
public record DryRunResponse(
        String kind,
        String subjectRef,
        @Schema(format = "date") String assessedOn,
        @Schema(pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description = "assessedOn in the Solar Hijri calendar")
                String assessedOnJalali,
        @Schema(format = "date-time") String evaluatedAt,
        DecisionResponse.RulesetRef ruleset,
        List<ConclusionView> conclusions,
        List<DecisionResponse.FiredRule> firedRules,
        @Schema(description = "always false: a dry run is never recorded") boolean recorded) {}
