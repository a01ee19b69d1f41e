package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.hamyar.facts.Text;
import ir.hamyar.support.RuleTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void theShippedRulesCompileWithEveryRuleDescribed() {
        CompiledRuleset ruleset = compiler.compile(RuleTrees.shipped());

        assertThat(ruleset.rules()).containsKey("safehouse/SonWithinTheAgeLimitAccompaniesHisMother");
        assertThat(ruleset.rules().values()).allSatisfy(rule -> {
            assertThat(rule.reason().fa()).isNotBlank().doesNotStartWith("\"");
            assertThat(rule.reason().en()).isNotBlank();
            assertThat(rule.reference()).isNotBlank();
            assertThat(rule.file())
                    .startsWith(rule.id().substring(0, rule.id().lastIndexOf('/') + 1))
                    .endsWith(".drl");
        });
        assertThat(ruleset.parameters().all()).containsKeys("safehouse.sonMaxAge", "safehouse.maxStayMonths");
    }

    @Test
    void aBuildsModuleLoadsIntoTheSameRulesAndBytesThatAreNotAModuleAreRefused() {
        RuleCompiler.Built built = compiler.build(RuleTrees.shipped());

        CompiledRuleset loaded = compiler.load(RuleTrees.shipped(), built.module());

        assertThat(loaded.rules()).isEqualTo(built.ruleset().rules());
        assertThat(loaded.declaresParams()).isTrue();
        byte[] truncated = Arrays.copyOf(built.module(), built.module().length / 2);
        assertThatThrownBy(() -> compiler.load(RuleTrees.shipped(), truncated))
                .isInstanceOf(RuleCompiler.ModuleNotLoadable.class);
        assertThatThrownBy(() -> compiler.load(RuleTrees.shipped(), "not a jar".getBytes()))
                .isInstanceOf(RuleCompiler.ModuleNotLoadable.class);
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() {
        String broken =
                """
                package safehouse;

                rule "Broken"
                when
                    this is not drl
                then
                end
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/broken.drl", broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file())
                            .isEqualTo("safehouse/broken.drl"));
                    assertThat(e.problems())
                            .anySatisfy(problem -> assertThat(problem.line()).isEqualTo(5));
                    assertThat(e.problems())
                            .as("Drools' follow-up 'null Package' message is left out")
                            .noneSatisfy(
                                    problem -> assertThat(problem.message()).contains("null Package"));
                    assertThat(e.getMessage()).contains("safehouse/broken.drl:5");
                });
    }

    @Test
    void anUnknownFactFieldIsReportedInTheRuleFile() {
        String broken =
                """
                package safehouse;
                import ir.hamyar.facts.Member;

                rule "UsesAFieldThatDoesNotExist"
                    @reasonFa("x") @reasonEn("x") @reference("x")
                when
                    Member(shoeSize > 40)
                then
                end
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/typo.drl", broken)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> {
                            assertThat(problem.file()).isEqualTo("safehouse/typo.drl");
                            assertThat(problem.message()).contains("shoeSize");
                        }));
    }

    @Test
    void aRuleWithoutReasonsOrReferenceIsRefused() {
        String undocumented =
                """
                package safehouse;
                import ir.hamyar.facts.Member;

                rule "SaysNothingOfWhy"
                when
                    Member()
                then
                end
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/quiet.drl", undocumented)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(CompileProblem::toString)
                        .contains(
                                "safehouse/quiet.drl:4:1: rule \"SaysNothingOfWhy\" needs @reasonFa(\"...\")",
                                "safehouse/quiet.drl:4:1: rule \"SaysNothingOfWhy\" needs @reference(\"...\")"));
    }

    @Test
    void aPackageThatDoesNotMatchItsFolderIsRefused() {
        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/other.drl", "package tiering;\n")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .containsExactly(new CompileProblem(
                                "safehouse/other.drl", 1, 1, "package must be 'safehouse' to match its folder")));
    }

    @Test
    void aParameterWithoutItsDescriptionOrWithABadDateIsRefused() {
        String parameters =
                """
                safehouse.sonMaxAge:
                  unit: year
                  reference: Behzisti
                  values:
                    2016-13-01: 12
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/parameters.yaml", parameters)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(CompileProblem::message)
                        .containsAll(List.of(
                                "parameter safehouse.sonMaxAge needs a description (as { fa: …, en: … })",
                                "parameter safehouse.sonMaxAge needs each value keyed by an ISO date (YYYY-MM-DD)"
                                        + " and given as a number")));
    }

    @Test
    void malformedParameterYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith(
                        "safehouse/parameters.yaml", "safehouse.sonMaxAge:\n  values: [unclosed\n")))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> {
                            assertThat(problem.file()).isEqualTo("safehouse/parameters.yaml");
                            assertThat(problem.line()).isPositive();
                        }));
    }

    @Test
    void aConclusionTypeOrValueTheTreeDoesNotDeclareIsRefusedWithItsLine() {
        String misspelt =
                """
                package safehouse;
                import ir.hamyar.facts.Conclusion;

                rule "MatchesAMisspeltValue"
                    @reasonFa("x") @reasonEn("x") @reference("x")
                when
                    Conclusion(type == "SAFE_HOUSE", value == "RESIDENTAL")
                then
                    insert(Conclusion.of("SHELTER", "x", "YES"));
                end
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/misspelt.drl", misspelt)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(CompileProblem::toString)
                        .containsExactlyInAnyOrder(
                                "safehouse/misspelt.drl:7:1: value RESIDENTAL is not one of the values of SAFE_HOUSE"
                                        + " declared in conclusions.yaml: RESIDENTIAL, DAY_SERVICES, NOT_ELIGIBLE",
                                "safehouse/misspelt.drl:9:1: conclusion type SHELTER is not declared in"
                                        + " conclusions.yaml"));
    }

    @Test
    void aProvenanceThatIsNotWholeIsRefusedAtItsRule() {
        String halfSaid =
                """
                package safehouse;
                import ir.hamyar.facts.Member;

                rule "NamesNoSuchProgramme"
                    @reasonFa("x") @reasonEn("x") @reference("x")
                    @provenance("PROGRAMME") @programme("moon-houses") @words("خانه")
                when
                    Member()
                then
                end

                rule "QuotesNothing"
                    @reasonFa("x") @reasonEn("x") @reference("x")
                    @provenance("PROGRAMME") @programme("safe-houses")
                when
                    Member()
                then
                end

                rule "SaysWhyInOneLanguage"
                    @reasonFa("x") @reasonEn("x") @reference("ours")
                    @provenance("ASSUMPTION") @whyEn("because")
                when
                    Member()
                then
                end

                rule "IsNeither"
                    @reasonFa("x") @reasonEn("x") @reference("x")
                    @provenance("TRADITION")
                when
                    Member()
                then
                end
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/unsourced.drl", halfSaid)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(CompileProblem::toString)
                        .containsExactlyInAnyOrder(
                                "safehouse/unsourced.drl:4:1: rule \"NamesNoSuchProgramme\": a PROGRAMME provenance"
                                        + " names a programme of programmes.yaml; there is no programme moon-houses",
                                "safehouse/unsourced.drl:12:1: rule \"QuotesNothing\": a PROGRAMME provenance quotes"
                                        + " the Persian words of the programme text it reads",
                                "safehouse/unsourced.drl:20:1: rule \"SaysWhyInOneLanguage\": an ASSUMPTION provenance"
                                        + " says why in Persian and in English",
                                "safehouse/unsourced.drl:28:1: rule \"IsNeither\": provenance must be PROGRAMME or"
                                        + " ASSUMPTION"));
    }

    @Test
    void aParameterInOneLanguageOrWithAHalfProvenanceIsRefused() {
        String parameters =
                """
                safehouse.sonMaxAge:
                  description: { fa: "سن پسر" }
                  unit: year
                  reference: { fa: "خانه امن", en: "Safe houses" }
                  provenance: ASSUMPTION
                  why: because we think so
                  values:
                    2016-03-20: 12
                """;

        assertThatThrownBy(() -> compiler.compile(RuleTrees.shippedWith("safehouse/parameters.yaml", parameters)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems())
                        .extracting(CompileProblem::message)
                        .contains(
                                "parameter safehouse.sonMaxAge needs a description (as { fa: …, en: … })",
                                "parameter safehouse.sonMaxAge: why is written in both languages, as { fa: …, en: … }",
                                "parameter safehouse.sonMaxAge: an ASSUMPTION provenance says why in Persian and in"
                                        + " English"));
    }

    @Test
    void aVersionWrittenBeforeProvenanceStillCompilesWithNoneStated() {
        String oldRule =
                """
                package safehouse;
                import ir.hamyar.facts.Member;

                rule "WrittenBeforeProvenance"
                    @reasonFa("x") @reasonEn("x") @reference("Behzisti safe houses")
                when
                    Member(ref == "nobody")
                then
                end
                """;
        Map<String, byte[]> files = new HashMap<>(RuleTrees.shipped().files());
        files.put(
                "safehouse/parameters.yaml",
                RuleTrees.SAFEHOUSE_PARAMETERS_BEFORE_POLICY_1_2.getBytes(StandardCharsets.UTF_8));
        files.put("safehouse/old.drl", oldRule.getBytes(StandardCharsets.UTF_8));

        CompiledRuleset old = compiler.compile(new RuleTree(files));

        assertThat(old.rules().get("safehouse/WrittenBeforeProvenance").provenance())
                .isNull();
        Parameter sonMaxAge = old.parameters().all().get("safehouse.sonMaxAge");
        assertThat(sonMaxAge.provenance()).isNull();
        assertThat(sonMaxAge.description())
                .isEqualTo(new Text(
                        "Oldest age of a son staying with his mother", "Oldest age of a son staying with his mother"));
    }

    @Test
    void theShippedTreeDeclaresItsConclusionsWithLabels() {
        CompiledRuleset ruleset = compiler.compile(RuleTreeLoader.fromDirectory(Path.of("rules")));

        assertThat(ruleset.conclusions().isDeclared()).isTrue();
        assertThat(ruleset.conclusions().types().get("ACCOMPANY").values()).containsOnlyKeys("ALLOWED", "NOT_ALLOWED");
        ruleset.conclusions().types().values().forEach(type -> {
            assertThat(type.label().fa()).isNotBlank();
            type.values().values().forEach(label -> assertThat(label.en()).isNotBlank());
        });
    }

    @Test
    void noShippedReferenceRepeatsTheNumberOfAParameterItsRuleReads() {
        CompiledRuleset ruleset = compiler.compile(RuleTreeLoader.fromDirectory(Path.of("rules")));

        ruleset.rules().values().forEach(rule -> rule.parameters().forEach(name -> {
            String value = ruleset.parameters()
                    .all()
                    .get(name)
                    .valueOn(LocalDate.of(2026, 11, 20))
                    .stripTrailingZeros()
                    .toPlainString();
            assertThat(rule.reference())
                    .as(rule.id() + " reads " + name)
                    .doesNotContainPattern("(?<![\\d.§])" + java.util.regex.Pattern.quote(value) + "(?![\\d.])");
        }));
    }
}
