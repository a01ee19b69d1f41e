package ir.hamyar.support;

import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shipped rule tree, and variants of it with files replaced, for tests that change policy. */
public final class RuleTrees {

    public static final Path SHIPPED = Path.of("rules");

    /** A rule written wrong on purpose: every generation of a helper breeds the next, so the rules never settle. */
    public static final String LOOPING_RULE =
            """
            package helpers;
            import ir.hamyar.facts.Helper;

            declare Generation
                number : int
            end

            rule "AHelperIsTheFirstGeneration"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Helper()
            then
                insert(new Generation(1));
            end

            rule "EveryGenerationBreedsAnother"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Generation($number : number)
            then
                insert(new Generation($number + 1));
            end
            """;

    /**
     * Rules written wrong for some inputs only, so that a ruleset holding them passes the shipped scenarios: a helper
     * with 13 focused families breeds another without end, one with 11 divides by zero.
     */
    public static final String TROUBLED_RULES =
            """
            package helpers;
            import ir.hamyar.facts.Helper;

            declare Offspring
                generation : int
            end

            rule "AHelperWithThirteenFamiliesBreedsAnother"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Helper(focusedFamilies == 13)
            then
                insert(new Offspring(1));
            end

            rule "EveryOffspringBreedsAnother"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Offspring($generation : generation)
            then
                insert(new Offspring($generation + 1));
            end

            rule "AHelperWithElevenFamiliesDividesByZero"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                $helper : Helper(focusedFamilies == 11)
            then
                int nothing = $helper.getFocusedFamilies() / 0;
            end
            """;

    /**
     * Rules that run long for some families only: one that never settles ({@code F-FOREVER}) and one that settles
     * after 900,000 firings ({@code F-SLOW}); only a clock stops them under a large firing cap.
     */
    public static final String LONG_RUNNING_RULES =
            """
            package relief;
            import ir.hamyar.facts.Family;

            declare Round
                number : int
                last : int
            end

            rule "AFamilyNamedForeverStartsRoundsWithoutEnd"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Family(ref == "F-FOREVER")
            then
                insert(new Round(1, -1));
            end

            rule "AFamilyNamedSlowStartsFourAndAHalfMillionRounds"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Family(ref == "F-SLOW")
            then
                insert(new Round(1, 4500000));
            end

            rule "EveryRoundBeforeTheLastStartsTheNext"
                @reasonFa("x") @reasonEn("x") @reference("a rule written wrong on purpose")
            when
                Round($number : number, $last : last, last < 0 || number < last)
            then
                insert(new Round($number + 1, $last));
            end
            """;

    private RuleTrees() {}

    /**
     * The safe-house parameters as versions before Policy v1.2 wrote them (one language, no provenance), with the son
     * age limit raised to 14 from 2027-03-21.
     */
    public static final String SAFEHOUSE_PARAMETERS_BEFORE_POLICY_1_2 =
            """
            safehouse.applicantMinAge:
              description: Minimum age
              unit: year
              reference: Behzisti safe houses
              values:
                2016-03-20: 18
            safehouse.sonMaxAge:
              description: Oldest age of a son staying with his mother
              unit: year
              reference: Behzisti safe houses
              values:
                2016-03-20: 12
                2027-03-21: 14
            safehouse.standardStayMonths:
              description: Standard stay
              unit: month
              reference: Behzisti safe houses
              values:
                2016-03-20: 4
            safehouse.maxStayMonths:
              description: Longest stay
              unit: month
              reference: Behzisti safe houses
              values:
                2016-03-20: 8
            """;

    public static RuleTree shipped() {
        return RuleTreeLoader.fromDirectory(SHIPPED);
    }

    public static RuleTree shippedWith(String path, String text) {
        Map<String, byte[]> files = new HashMap<>(shipped().files());
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
        return new RuleTree(files);
    }
}
