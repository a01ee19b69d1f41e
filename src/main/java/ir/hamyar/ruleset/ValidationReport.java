package ir.hamyar.ruleset;

import ir.hamyar.engine.CompileProblem;
import ir.hamyar.scenario.ScenarioFailure;
import ir.hamyar.scenario.ScenarioResult;
import java.util.List;

/**
 * What validating a rule tree found: whether it compiled (else every problem with file, line and column), and how its
 * scenario files fared against it (each failed scenario with what it expected and what came instead).
 */
public record ValidationReport(boolean compiled, List<CompileProblem> errors, Scenarios scenarios) {

    public static ValidationReport notCompiled(List<CompileProblem> errors) {
        return new ValidationReport(false, List.copyOf(errors), new Scenarios(0, List.of()));
    }

    public static ValidationReport ran(List<ScenarioResult> results) {
        List<FailedScenario> failed = results.stream()
                .filter(result -> !result.passed())
                .map(result -> new FailedScenario(result.file(), result.name(), result.failures()))
                .toList();
        return new ValidationReport(true, List.of(), new Scenarios(results.size() - failed.size(), failed));
    }

    public boolean valid() {
        return compiled && scenarios.failed().isEmpty();
    }

    /** One line for logs and problem details. */
    public String summary() {
        if (!compiled) {
            return errors.size() + " compile error(s), first " + errors.get(0);
        }
        if (!scenarios.failed().isEmpty()) {
            FailedScenario first = scenarios.failed().get(0);
            return scenarios.failed().size() + " scenario(s) failed, first \"" + first.scenario() + "\" in "
                    + first.file() + ": " + first.failures().get(0);
        }
        return "compiled; " + scenarios.passed() + " scenario(s) passed";
    }

    /** Every problem and failed scenario, a line each, for logs. */
    public List<String> problemLines() {
        List<String> lines = new java.util.ArrayList<>();
        errors.forEach(problem -> lines.add("Rule compilation error: " + problem));
        scenarios
                .failed()
                .forEach(failed -> lines.add(
                        "Scenario failed: " + failed.file() + " \"" + failed.scenario() + "\": " + failed.failures()));
        return lines;
    }

    public record Scenarios(int passed, List<FailedScenario> failed) {}

    public record FailedScenario(String file, String scenario, List<ScenarioFailure> failures) {}
}
