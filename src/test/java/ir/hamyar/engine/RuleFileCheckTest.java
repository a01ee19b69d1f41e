package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ir.hamyar.support.RefusedRuleFiles;
import ir.hamyar.support.RefusedRuleFiles.RefusedRuleFile;
import ir.hamyar.support.RuleTrees;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The DRL subset: the shipped rules are inside it, and each construct outside it is refused where it stands. */
class RuleFileCheckTest {

    @Test
    void theShippedRulesAreInsideTheSubset() {
        assertThat(RuleFileCheck.check(RuleTrees.shipped())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aConstructOutsideTheSubsetIsRefusedAtItsLine(RefusedRuleFile file) {
        assertThat(RuleFileCheck.check(RuleTrees.shippedWith(RefusedRuleFiles.PATH, file.text())))
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo(RefusedRuleFiles.PATH);
                    assertThat(problem.line()).isEqualTo(file.line());
                    assertThat(problem.column()).isPositive();
                    assertThat(problem.message()).contains(file.message());
                });
    }

    @Test
    void theSameRuleWithinTheSubsetIsAccepted() {
        String allowed =
                """
                package relief;

                import ir.hamyar.facts.Conclusion;
                import ir.hamyar.facts.Family;

                rule "FamilyWithoutFoodAndHousingGetsBoth"
                    @reasonFa("x") @reasonEn("x") @reference("a rule within the subset")
                    salience -5
                when
                    $family : Family(indicatorIs("FOOD", 1), indicatorAtMost("HOUSING", 2))
                then
                    String ref = $family.getRef();
                    insert(Conclusion.of("CRISIS_RELIEF", ref, "FOOD").because("n", Math.max(1, 2)));
                end
                """;

        assertThat(RuleFileCheck.check(RuleTrees.shippedWith(RefusedRuleFiles.PATH, allowed)))
                .isEmpty();
    }

    static Stream<RefusedRuleFile> refused() {
        return RefusedRuleFiles.all();
    }
}
