package ir.hamyar.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.support.RuleTrees;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner fails a scenario whose expectation the rules do not meet, and says what came instead. */
class ScenarioRunnerTest {

    private static final String WRONG =
            """
            kind: family
            scenarios:
              - name: a son of 12 is wrongly expected to be refused
                given:
                  familyRef: F-1
                  assessedOn: "2026-11-20"
                  members:
                    - { ref: mother, role: HEAD, sex: FEMALE, birthDate: "1990-01-01" }
                    - { ref: son, role: CHILD, sex: MALE, birthDate: "2014-01-15" }
                  circumstances: [DOMESTIC_VIOLENCE]
                  safeHouse: { applicantRef: mother, admissionOn: "2026-11-21", immediateDanger: true }
                expect:
                  conclusions:
                    - { type: ACCOMPANY, subject: son, value: NOT_ALLOWED }
                  absent:
                    - { type: STAY }
                  firedRules: [safehouse/Nothing]
              - name: a scenario without a date is refused
                given: { familyRef: F-2, members: [] }
                expect: {}
            """;

    @Test
    void reportsEveryUnmetExpectation() {
        CompiledRuleset ruleset =
                new RuleCompiler().compile(RuleTrees.shippedWith("safehouse/wrong.scenarios.yaml", WRONG));

        List<ScenarioResult> results = new ScenarioRunner(new Evaluations(new Evaluator(10_000)))
                .run(ruleset, LocalDate.of(2026, 11, 23)).stream()
                        .filter(result -> result.file().equals("safehouse/wrong.scenarios.yaml"))
                        .toList();

        assertThat(results).hasSize(2).noneMatch(ScenarioResult::passed);
        assertThat(results.get(0).failures()).hasSize(3);
        assertThat(results.get(0).failures().get(0).toString())
                .contains("NOT_ALLOWED")
                .contains("ACCOMPANY(son)=ALLOWED");
        assertThat(results.get(0).failures().get(1).toString())
                .contains("ResidentialStayWithinTheStandardMonthsIsStandard");
        assertThat(results.get(1).failures())
                .singleElement()
                .hasToString(
                        "expected 'given' to set assessedOn, so that the scenario does not change with the calendar"
                                + " but it is not set");
    }

    private static final String STRICTER =
            """
            kind: family
            defaults:
              familyRef: F-1
              assessedOn: "2026-11-20"
              members:
                - { ref: mother, role: HEAD, sex: FEMALE, birthDate: "1990-01-01" }
              indicators: { SAFETY: 1 }
            scenarios:
              - name: a list of fired rules that did not fire fails
                given: {}
                expect:
                  conclusions:
                    - { type: TIER, details: { answered: 1 } }
                  firedRules: [tiering/NoSuchRule]
              - name: a scenario that only lists what must be absent passes when nothing fires, so it is refused
                given: {}
                expect:
                  absent:
                    - { type: SAFE_HOUSE }
              - name: defaults are merged under the given, which wins field by field
                given:
                  indicators: { SAFETY: 3, HOUSING: 3 }
                expect:
                  conclusions:
                    - { type: TIER, subject: F-1, value: INSUFFICIENT_DATA, details: { answered: 2 } }
            """;

    @Test
    void arraysAreComparedElementByElementAndAbsentOnlyScenariosAreRefused() {
        CompiledRuleset ruleset =
                new RuleCompiler().compile(RuleTrees.shippedWith("tiering/stricter.scenarios.yaml", STRICTER));

        List<ScenarioResult> results = new ScenarioRunner(new Evaluations(new Evaluator(10_000)))
                .run(ruleset, LocalDate.of(2026, 11, 23)).stream()
                        .filter(result -> result.file().equals("tiering/stricter.scenarios.yaml"))
                        .toList();

        assertThat(results).hasSize(3);
        assertThat(results.get(0).failures()).singleElement().asString().contains("fired rules [tiering/NoSuchRule]");
        assertThat(results.get(1).failures())
                .singleElement()
                .asString()
                .contains("so that the scenario fails when nothing fires");
        assertThat(results.get(2).passed())
                .as(results.get(2).failures().toString())
                .isTrue();
    }

    @Test
    void anExpectedArrayDoesNotMatchAnotherArray() {
        var json = ir.hamyar.json.Json.MAPPER;
        assertThat(ScenarioRunner.sameValue(json.valueToTree(List.of("A")), json.valueToTree(List.of("B"))))
                .isFalse();
        assertThat(ScenarioRunner.sameValue(json.valueToTree(List.of("A")), json.valueToTree(List.of("A", "B"))))
                .isFalse();
        assertThat(ScenarioRunner.sameValue(json.valueToTree(List.of(1, "B")), json.valueToTree(List.of(1.0, "B"))))
                .isTrue();
    }
}
