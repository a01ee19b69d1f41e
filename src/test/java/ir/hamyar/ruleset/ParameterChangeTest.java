package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.support.RuleTrees;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "A new value from date D" changes one line of the parameter's file, in date order, and nothing else. */
class ParameterChangeTest {

    @Test
    void aNewDatedValueIsInsertedAfterTheEarlierOnesAndTheRestOfTheFileIsKept() {
        String before = RuleTrees.shipped().text("safehouse/parameters.yaml");
        Map.Entry<String, String> after = new ParameterChange(
                        "safehouse.sonMaxAge", LocalDate.of(2026, 3, 21), new BigDecimal("14.0"))
                .applyTo(RuleTrees.shipped());

        assertThat(after.getKey()).isEqualTo("safehouse/parameters.yaml");
        assertThat(after.getValue())
                .isEqualTo(before.replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-03-21: 14\n"));
    }

    @Test
    void aValueOnADateAlreadyListedReplacesItAndAnEarlierDateGoesFirst() {
        var tree = RuleTrees.shippedWith(
                "safehouse/parameters.yaml",
                RuleTrees.shipped()
                        .text("safehouse/parameters.yaml")
                        .replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-03-21: 14\n"));

        String replaced = new ParameterChange("safehouse.sonMaxAge", LocalDate.of(2026, 3, 21), new BigDecimal("13"))
                .applyTo(tree)
                .getValue();
        String earlier = new ParameterChange("safehouse.sonMaxAge", LocalDate.of(2020, 3, 20), new BigDecimal("11"))
                .applyTo(tree)
                .getValue();

        assertThat(replaced).contains("    2016-03-20: 12\n    2026-03-21: 13\nsafehouse.standardStayMonths:");
        assertThat(earlier)
                .contains("    2016-03-20: 12\n    2020-03-20: 11\n    2026-03-21: 14\nsafehouse.standardStayMonths:");
    }

    @Test
    void anUnknownParameterIsRefused() {
        assertThatThrownBy(() -> new ParameterChange("safehouse.nothing", LocalDate.of(2026, 3, 21), BigDecimal.ONE)
                        .applyTo(RuleTrees.shipped()))
                .isInstanceOf(InvalidInputException.class);
    }
}
