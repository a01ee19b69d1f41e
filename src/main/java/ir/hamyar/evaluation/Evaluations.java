package ir.hamyar.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluation;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.IndicatorCatalogue;
import ir.hamyar.engine.ParameterNotInForceException;
import ir.hamyar.engine.RuleEvaluationException;
import ir.hamyar.json.FieldPaths;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.IndicatorCodes;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ProfileReader;
import ir.hamyar.profile.ReadProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * The one path from a profile to what the rules conclude: kind + JSON → profile (strict reading, validated against
 * the ruleset's indicator catalogue) → facts → engine → conclusions as the contract answers them, with the rules
 * fired in order. Decisions, replay, impact, scenarios and dry runs all evaluate through here; none records.
 */
@ApplicationScoped
public class Evaluations {

    private final ProfileReader reader = new ProfileReader();
    private final Evaluator evaluator;

    public Evaluations(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Reads and decides one profile under {@code ruleset}. {@code prefix} locates the profile in its request for
     * error paths ({@code ""} or {@code items[3].profile}); {@code today} is the day a missing {@code assessedOn}
     * stands for. A profile that breaks the contract, or that the ruleset has no policy in force for, is an
     * {@link InvalidInputException}; rules that fail or loop are {@link RulesCouldNotDecide}.
     */
    public Evaluated evaluate(
            CompiledRuleset ruleset, ProfileKind kind, JsonNode profileJson, String prefix, LocalDate today) {
        ReadProfile profile = reader.read(kind, profileJson, prefix, codes(ruleset.indicators()), today);
        Evaluation evaluation;
        try {
            evaluation = evaluator.evaluate(ruleset, profile.facts());
        } catch (ParameterNotInForceException e) {
            throw new InvalidInputException(
                    "the ruleset has no policy in force on " + e.date() + " (parameter " + e.parameter() + ")",
                    List.of(new FieldError(
                            FieldPaths.join(prefix, profile.fieldDated(e.date())),
                            "is before the ruleset's first effective date")));
        } catch (RuleEvaluationException e) {
            throw new RulesCouldNotDecide(profile, e.rule(), e.getMessage());
        }
        return new Evaluated(
                profile, evaluation.findings().stream().map(ConclusionView::of).toList(), evaluation.firedRules());
    }

    private static IndicatorCodes codes(IndicatorCatalogue catalogue) {
        return new IndicatorCodes() {
            @Override
            public boolean contains(String code) {
                return catalogue.contains(code);
            }

            @Override
            public String domainOf(String code) {
                return catalogue.domainOf(code);
            }

            @Override
            public List<String> domains() {
                return catalogue.domains();
            }

            @Override
            public int size() {
                return catalogue.size();
            }
        };
    }
}
