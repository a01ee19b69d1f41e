package ir.hamyar.scenario;

import java.util.List;

/** One scenario run against a ruleset: passed, or the list of what was expected and what came instead. */
public record ScenarioResult(String file, String name, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
