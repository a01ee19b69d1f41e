package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.facts.Family;
import ir.hamyar.facts.Helper;
import ir.hamyar.facts.Member;
import ir.hamyar.facts.SafeHouseRequest;
import ir.hamyar.support.RuleTrees;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A parameter value that changes on a date applies to profiles dated on or after it, and to no others. */
class EffectiveDatedParametersTest {

    private static final LocalDate CHANGE = LocalDate.of(2027, 3, 21);

    private final CompiledRuleset ruleset = new RuleCompiler()
            .compile(RuleTrees.shippedWith(
                    "safehouse/parameters.yaml", RuleTrees.SAFEHOUSE_PARAMETERS_BEFORE_POLICY_1_2));
    private final Evaluator evaluator = new Evaluator(10_000);

    @Test
    void aSonOf13IsRefusedTheDayBeforeTheChange() {
        assertThat(accompanyOfSonAged13On(CHANGE.minusDays(1))).isEqualTo("NOT_ALLOWED");
    }

    @Test
    void aSonOf13IsAllowedFromTheDayOfTheChange() {
        assertThat(accompanyOfSonAged13On(CHANGE)).isEqualTo("ALLOWED");
        assertThat(accompanyOfSonAged13On(CHANGE.plusYears(1))).isEqualTo("ALLOWED");
    }

    @Test
    void aProfileDatedBeforeTheFirstValueHasNoPolicy() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> accompanyOfSonAged13On(LocalDate.of(2015, 1, 1)))
                .isInstanceOf(ParameterNotInForceException.class)
                .hasMessageContaining("has no value in force on 2015-01-01");
    }

    private String accompanyOfSonAged13On(LocalDate admission) {
        LocalDate sonBorn = admission.minusYears(13).minusMonths(2);
        List<Object> facts = List.of(
                new Family("F", admission, Map.of(), Set.of("DOMESTIC_VIOLENCE"), 15),
                new Member("mother", "HEAD", "FEMALE", LocalDate.of(1980, 1, 1), true),
                new Member("son", "CHILD", "MALE", sonBorn, true),
                new SafeHouseRequest("mother", admission, 4, true));
        return evaluator.evaluate(ruleset, facts).findings().stream()
                .filter(finding -> finding.type().equals("ACCOMPANY"))
                .map(Finding::value)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void loweringTheHelperCaseloadFrom2027ChangesOnlyTheDecisionsDatedFromThen() {
        String shipped = RuleTrees.shipped().text("helpers/parameters.yaml");
        String changed = shipped.replace("helpers.maxFamilies:", "helpers.maxFamilies:\n  # lowered from 1406-01-01")
                .replace("  values:\n    2016-03-20: 15\n", "  values:\n    2016-03-20: 15\n    2027-03-21: 12\n");
        assertThat(changed).contains("2027-03-21: 12");
        CompiledRuleset lowered = new RuleCompiler().compile(RuleTrees.shippedWith("helpers/parameters.yaml", changed));
        CompiledRuleset original = new RuleCompiler().compile(RuleTrees.shipped());

        for (LocalDate day : List.of(LocalDate.of(2026, 11, 20), CHANGE.minusDays(1))) {
            assertThat(caseloadOf13Families(lowered, day)).isEqualTo("WITHIN_RANGE");
            assertThat(caseloadOf13Families(original, day)).isEqualTo("WITHIN_RANGE");
        }
        for (LocalDate day : List.of(CHANGE, CHANGE.plusMonths(5))) {
            assertThat(caseloadOf13Families(lowered, day))
                    .as("13 families above a maximum of 12 (Policy v1.2)")
                    .isEqualTo("OVER_CAPACITY");
            assertThat(caseloadOf13Families(original, day)).isEqualTo("WITHIN_RANGE");
        }
    }

    private String caseloadOf13Families(CompiledRuleset rules, LocalDate assessedOn) {
        return evaluator.evaluate(rules, List.of(new Helper("H", assessedOn, null, 40, 40, 13))).findings().stream()
                .filter(finding -> finding.type().equals("CASELOAD"))
                .map(Finding::value)
                .findFirst()
                .orElseThrow();
    }
}
