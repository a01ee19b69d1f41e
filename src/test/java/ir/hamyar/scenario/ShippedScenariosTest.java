package ir.hamyar.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTreeLoader;
import ir.hamyar.evaluation.Evaluations;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario file under {@code rules/} against the shipped rules: one test per scenario, named by it. */
class ShippedScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioHolds() {
        CompiledRuleset ruleset = new RuleCompiler().compile(RuleTreeLoader.fromDirectory(Path.of("rules")));
        List<ScenarioResult> results = new ScenarioRunner(new Evaluations(new Evaluator(10_000)))
                .run(ruleset, LocalDate.now(ZoneId.of("Asia/Tehran")));
        assertFalse(results.isEmpty(), "rules/ holds no scenarios");
        return results.stream()
                .map(result -> DynamicTest.dynamicTest(
                        result.file() + ": " + result.name(),
                        () -> assertTrue(result.passed(), result.failures().toString())));
    }
}
