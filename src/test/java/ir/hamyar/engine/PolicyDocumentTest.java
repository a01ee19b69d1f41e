package ir.hamyar.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.json.Json;
import ir.hamyar.support.RuleTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/policy.md explains the shipped policy to people; it must name every rule and parameter the rules have. Policy
 * v1.2 holds the shipped tree to saying, rule by rule and number by number, whether a programme's text or our
 * assumption decided it, in Persian and English, and the document to listing every assumption.
 */
class PolicyDocumentTest {

    private static final Path POLICY = Path.of("docs/policy.md");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    private final CompiledRuleset shipped = new RuleCompiler().compile(RuleTrees.shipped());

    @Test
    void everyShippedRuleAndParameterIsExplainedInThePolicyDocument() throws IOException {
        String policy = Files.readString(POLICY);

        assertThat(shipped.rules().keySet()).isNotEmpty().allSatisfy(rule -> assertThat(policy)
                .as("docs/policy.md names " + rule)
                .contains("`" + rule + "`"));
        assertThat(shipped.parameters().all().keySet()).allSatisfy(parameter -> assertThat(policy)
                .as("docs/policy.md names " + parameter)
                .contains("`" + parameter + "`"));
    }

    @Test
    void everyShippedRuleSaysWhetherAProgrammeOrWeDecidedIt() {
        assertThat(shipped.rules().values()).allSatisfy(rule -> {
            Provenance provenance = rule.provenance();
            assertThat(provenance).as(rule.id() + " has a provenance").isNotNull();
            if (provenance.assumption()) {
                assertThat(provenance.why().fa()).as(rule.id()).isNotBlank();
                assertThat(provenance.why().en()).as(rule.id()).isNotBlank();
                assertThat(rule.reference())
                        .as(rule.id() + ": an assumption's reference says it is ours, never a programme's")
                        .containsIgnoringCase("our");
            } else {
                assertThat(provenance.programmeName().fa()).as(rule.id()).isNotBlank();
                assertThat(provenance.words())
                        .as(rule.id() + " quotes the Persian words it reads")
                        .matches(".*[\\u0600-\\u06FF].*");
            }
        });
        assertThat(shipped.rules().values())
                .as("the shipped policy has both kinds")
                .anyMatch(rule -> rule.provenance().assumption())
                .anyMatch(rule -> !rule.provenance().assumption());
    }

    @Test
    void everyShippedParameterSaysWhereItComesFromInBothLanguages() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file :
                    files.filter(f -> f.endsWith(RuleTree.PARAMETERS_FILE)).toList()) {
                JsonNode parameters = Json.YAML.readTree(Files.readString(file));
                for (Map.Entry<String, JsonNode> parameter :
                        (Iterable<Map.Entry<String, JsonNode>>) parameters::fields) {
                    for (String field : new String[] {"description", "reference"}) {
                        JsonNode text = parameter.getValue().path(field);
                        assertThat(text.path("fa").asText())
                                .as("%s %s in Persian", parameter.getKey(), field)
                                .matches(".*[\\u0600-\\u06FF].*");
                        assertThat(text.path("en").asText())
                                .as("%s %s in English", parameter.getKey(), field)
                                .matches(".*[A-Za-z].*");
                    }
                }
            }
        }
        assertThat(shipped.parameters().all().values()).allSatisfy(parameter -> {
            assertThat(parameter.provenance())
                    .as(parameter.name() + " has a provenance")
                    .isNotNull();
            if (parameter.provenance().assumption()) {
                assertThat(parameter.reference().en())
                        .as(parameter.name() + ": an assumption's reference says it is ours")
                        .containsIgnoringCase("our");
            }
        });
    }

    @Test
    void thePolicyDocumentListsExactlyTheAssumptionsForTheProgrammesToConfirm() throws IOException {
        String policy = Files.readString(POLICY);
        String table = policy.substring(policy.indexOf("### Every assumption"));
        table = table.substring(0, table.indexOf("\n## "));
        Set<String> listed = new TreeSet<>();
        Matcher row = TABLE_ROW.matcher(table);
        while (row.find()) {
            listed.add(row.group(1));
        }
        Set<String> assumptions = new TreeSet<>();
        shipped.rules().values().stream()
                .filter(rule -> rule.provenance().assumption())
                .forEach(rule -> assumptions.add(rule.id()));
        shipped.parameters().all().values().stream()
                .filter(parameter -> parameter.provenance().assumption())
                .forEach(parameter -> assumptions.add(parameter.name()));

        assertThat(listed).isEqualTo(assumptions);
    }
}
