package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.facts.Family;
import ir.hamyar.facts.Helper;
import ir.hamyar.support.RuleTrees;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void aRuleThatKeepsTriggeringItselfIsStoppedAtTheCapAndNamed() {
        CompiledRuleset ruleset =
                new RuleCompiler().compile(RuleTrees.shippedWith("helpers/loop.drl", RuleTrees.LOOPING_RULE));
        List<Object> facts = List.of(new Helper("H-1", LocalDate.of(2026, 11, 20), null, 40, 40, 9));

        assertThatThrownBy(() -> new Evaluator(500).evaluate(ruleset, facts))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("helpers/EveryGenerationBreedsAnother");
                    assertThat(e.getMessage()).contains("500 times");
                });
    }

    @Test
    void rulesThatNeverSettleOrAreMerelySlowAreStoppedByTheClockAndTheSessionIsNotReused() {
        CompiledRuleset ruleset =
                new RuleCompiler().compile(RuleTrees.shippedWith("relief/long.drl", RuleTrees.LONG_RUNNING_RULES));
        Evaluator evaluator = new Evaluator(2_000_000, Duration.ofMillis(300));
        Evaluation sound = evaluator.evaluate(
                ruleset, List.of(new Family("F-1", LocalDate.of(2026, 11, 20), Map.of(), Set.of(), 0)));

        for (String ref : List.of("F-FOREVER", "F-SLOW")) {
            List<Object> facts = List.of(new Family(ref, LocalDate.of(2026, 11, 20), Map.of(), Set.of(), 0));
            long started = System.nanoTime();
            assertThatThrownBy(() -> evaluator.evaluate(ruleset, facts))
                    .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                        assertThat(e.rule()).isEqualTo("relief/EveryRoundBeforeTheLastStartsTheNext");
                        assertThat(e.getMessage()).contains("ran past the bound of 300 ms");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
        assertThat(evaluator
                        .evaluate(
                                ruleset, List.of(new Family("F-1", LocalDate.of(2026, 11, 20), Map.of(), Set.of(), 0)))
                        .firedRules())
                .isEqualTo(sound.firedRules());
    }

    @Test
    void aConclusionOnceDrawnCannotBeChangedByAnotherRule() {
        String rewriter =
                """
                package relief;
                import ir.hamyar.facts.Conclusion;

                rule "ARuleThatRewritesAnotherRulesConclusion"
                    @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
                when
                    $relief : Conclusion(type == "CRISIS_RELIEF")
                then
                    $relief.detail("extra", 1);
                end
                """;
        CompiledRuleset ruleset = new RuleCompiler().compile(RuleTrees.shippedWith("relief/rewriter.drl", rewriter));
        List<Object> facts = List.of(new Family("F-1", LocalDate.of(2026, 11, 20), Map.of("FOOD", 1), Set.of(), 1));

        assertThatThrownBy(() -> new Evaluator(500).evaluate(ruleset, facts))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> assertThat(e.rule())
                        .isEqualTo("relief/ARuleThatRewritesAnotherRulesConclusion"));
    }

    @Test
    void aDecisionWellUnderTheCapIsNotDisturbedByIt() {
        CompiledRuleset ruleset = new RuleCompiler().compile(RuleTrees.shipped());
        List<Object> facts = List.of(new Helper("H-1", LocalDate.of(2026, 11, 20), null, 40, 40, 9));

        Evaluation evaluation = new Evaluator(3).evaluate(ruleset, facts);

        assertThat(evaluation.firedRules()).hasSize(2);
    }

    @Test
    void aRuleWhoseConsequenceFailsIsNamed() {
        String failing =
                """
                package helpers;
                import ir.hamyar.facts.Helper;

                rule "DividesByZero"
                    @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
                when
                    $helper : Helper()
                then
                    int nothing = $helper.getFocusedFamilies() / 0;
                end
                """;
        CompiledRuleset ruleset = new RuleCompiler().compile(RuleTrees.shippedWith("helpers/failing.drl", failing));

        assertThatThrownBy(() -> new Evaluator(500)
                        .evaluate(ruleset, List.of(new Helper("H-1", LocalDate.of(2026, 11, 20), null, 40, 40, 9))))
                .isInstanceOfSatisfying(RuleEvaluationException.class, e -> {
                    assertThat(e.rule()).isEqualTo("helpers/DividesByZero");
                    assertThat(e.getMessage()).isEqualTo("rule helpers/DividesByZero failed");
                });
    }

    @Test
    void aSessionReusedAfterALoopOrAFailureDecidesTheNextProfileAsAFreshOneWould() {
        CompiledRuleset ruleset =
                new RuleCompiler().compile(RuleTrees.shippedWith("helpers/troubled.drl", RuleTrees.TROUBLED_RULES));
        Evaluator evaluator = new Evaluator(500);
        List<Object> sound = List.of(new Helper("H-1", LocalDate.of(2026, 11, 20), null, 40, 40, 9));
        Evaluation before = evaluator.evaluate(ruleset, sound);

        for (int focusedFamilies : new int[] {13, 11, 13, 11}) {
            List<Object> facts = List.of(new Helper("H-2", LocalDate.of(2026, 11, 20), null, 40, 40, focusedFamilies));
            assertThatThrownBy(() -> evaluator.evaluate(ruleset, facts)).isInstanceOf(RuleEvaluationException.class);
        }
        Evaluation after = evaluator.evaluate(ruleset, sound);

        assertThat(after.firedRules()).isEqualTo(before.firedRules()).hasSize(2);
        assertThat(after.findings()).isEqualTo(before.findings());
    }
}
