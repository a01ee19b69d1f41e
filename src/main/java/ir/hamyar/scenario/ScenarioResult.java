package ir.hamyar.scenario;

import java.util.List;

/** One scenario run against a ruleset: passed, or every expectation it did not meet. */
public record ScenarioResult(String file, String name, List<ScenarioFailure> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
