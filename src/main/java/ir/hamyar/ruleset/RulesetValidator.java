package ir.hamyar.ruleset;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.scenario.ScenarioRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Validates a rule tree: compiles it (in the background, see {@link RulesetCompilations}), then runs every scenario
 * file of the tree against it. Running the scenarios also warms the new KieBase before it decides for anyone.
 */
@ApplicationScoped
public class RulesetValidator {

    private final RulesetCompilations compilations;
    private final ScenarioRunner scenarios;

    public RulesetValidator(RulesetCompilations compilations, ScenarioRunner scenarios) {
        this.compilations = compilations;
        this.scenarios = scenarios;
    }

    public Validated validate(RuleTree tree) {
        CompiledRuleset ruleset;
        try {
            ruleset = compilations.compile(tree);
        } catch (RuleCompilationException e) {
            return new Validated(ValidationReport.notCompiled(e.problems()), Optional.empty());
        }
        return new Validated(runScenarios(ruleset), Optional.of(ruleset));
    }

    /** Runs the tree's scenarios against its compiled rules, which also leaves that KieBase warm. */
    public ValidationReport runScenarios(CompiledRuleset ruleset) {
        ValidationReport report = ValidationReport.ran(scenarios.run(ruleset, IranTime.today()));
        compilations.warmed(ruleset);
        return report;
    }

    /** A validation report and, when the tree compiled, the compiled ruleset. */
    public record Validated(ValidationReport report, Optional<CompiledRuleset> ruleset) {}
}
