package ir.hamyar.decision;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.evaluation.Evaluated;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.evaluation.RulesCouldNotDecide;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ReadProfile;
import ir.hamyar.ruleset.StoredRulesets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Try a profile": what a version (the active one, a draft, an older one) would decide, through the same evaluation
 * as a decision; nothing is recorded, so the answer has no decision id and says {@code recorded: false}.
 */
@ApplicationScoped
public class DryRun {

    private final Evaluations evaluations;
    private final StoredRulesets rulesets;
    private final Clock clock = Clock.systemUTC();

    public DryRun(Evaluations evaluations, StoredRulesets rulesets) {
        this.evaluations = evaluations;
        this.rulesets = rulesets;
    }

    public DryRunResponse evaluate(int version, ProfileKind kind, byte[] body) {
        CompiledRuleset ruleset = rulesets.compiled(version);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Evaluated evaluated;
        try {
            evaluated = evaluations.evaluate(
                    ruleset, kind, StrictJson.parse(body, JsonLimits.PROFILE), "", IranTime.dateOf(now));
        } catch (RulesCouldNotDecide e) {
            throw new ProblemException(Problem.of(
                    422,
                    "rules-failed",
                    "Rule evaluation failed",
                    "ruleset version " + version + " could not decide: " + e.getMessage()));
        }
        ReadProfile profile = evaluated.profile();
        return new DryRunResponse(
                kind.wireName(),
                profile.subjectRef(),
                profile.assessedOn().toString(),
                SolarHijri.of(profile.assessedOn()).toString(),
                now.toString(),
                new DecisionResponse.RulesetRef(version, ruleset.sha256()),
                evaluated.conclusions(),
                DecisionMaker.firedRules(evaluated.firedRules()),
                false);
    }
}
