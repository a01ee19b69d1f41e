package ir.hamyar.scenario;

/** One unmet expectation of a scenario: what the scenario file expects and what the rules did instead. */
public record ScenarioFailure(String expected, String actual) {

    @Override
    public String toString() {
        return "expected " + expected + " but " + actual;
    }
}
