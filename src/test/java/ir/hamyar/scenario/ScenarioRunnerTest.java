package ir.hamyar.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.profile.ProfileReader;
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

        List<ScenarioResult> results = new ScenarioRunner(new ProfileReader(), new Evaluator(10_000))
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
}
