package ir.hamyar.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import ir.hamyar.decision.ConclusionView;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.Evaluation;
import ir.hamyar.engine.Evaluator;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.ProfileKind;
import ir.hamyar.profile.ProfileReader;
import ir.hamyar.profile.ReadProfile;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the {@code *.scenarios.yaml} files of a rule tree against its compiled rules. A file names the profile
 * {@code kind} and lists scenarios, each named as a sentence, whose {@code given} is exactly a REST request body and
 * whose {@code expect} holds {@code conclusions} that must be drawn (listed fields and details must match),
 * {@code absent} conclusions that must not be, an optional {@code firedRules} list (exactly the rules fired among the
 * packages it names, each as often, in any order: the order of independent rules is the engine's, not policy), or
 * {@code invalid}:
 * the field paths a 400 must name.
 */
public final class ScenarioRunner {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProfileReader reader;
    private final Evaluator evaluator;

    public ScenarioRunner(ProfileReader reader, Evaluator evaluator) {
        this.reader = reader;
        this.evaluator = evaluator;
    }

    public List<ScenarioResult> run(CompiledRuleset ruleset, LocalDate today) {
        List<ScenarioResult> results = new ArrayList<>();
        for (String path : ruleset.tree().pathsEndingWith(RuleTree.SCENARIO_SUFFIX)) {
            results.addAll(runFile(ruleset, path, today));
        }
        return results;
    }

    private List<ScenarioResult> runFile(CompiledRuleset ruleset, String path, LocalDate today) {
        JsonNode file;
        try {
            file = YAML.readTree(ruleset.tree().files().get(path));
        } catch (IOException e) {
            return List.of(new ScenarioResult(
                    path,
                    "(file)",
                    List.of(new ScenarioFailure("a YAML file", "it cannot be read: " + e.getMessage()))));
        }
        Optional<ProfileKind> kind = ProfileKind.fromWireName(file.path("kind").asText());
        if (kind.isEmpty() || !file.path("scenarios").isArray()) {
            return List.of(new ScenarioResult(
                    path,
                    "(file)",
                    List.of(new ScenarioFailure(
                            "'kind: family|group|helper' and a list of 'scenarios'", "the file has neither"))));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (JsonNode scenario : file.get("scenarios")) {
            String name = scenario.path("name").asText("(unnamed)");
            results.add(new ScenarioResult(path, name, check(ruleset, kind.get(), scenario, today)));
        }
        return results;
    }

    private List<ScenarioFailure> check(CompiledRuleset ruleset, ProfileKind kind, JsonNode scenario, LocalDate today) {
        try {
            return checkOrFail(ruleset, kind, scenario, today);
        } catch (RuntimeException e) {
            return List.of(new ScenarioFailure("the rules to decide", "they failed: " + e.getMessage()));
        }
    }

    private List<ScenarioFailure> checkOrFail(
            CompiledRuleset ruleset, ProfileKind kind, JsonNode scenario, LocalDate today) {
        JsonNode given = scenario.path("given");
        JsonNode expect = scenario.path("expect");
        if (!given.hasNonNull("assessedOn")) {
            return List.of(new ScenarioFailure(
                    "'given' to set assessedOn, so that the scenario does not change with the calendar",
                    "it is not set"));
        }
        ReadProfile profile;
        try {
            profile = reader.read(kind, given, "", ruleset.indicators(), today);
        } catch (InvalidInputException e) {
            return checkInvalid(expect, e.errors());
        }
        if (expect.has("invalid")) {
            return List.of(new ScenarioFailure("a 400 naming " + expect.get("invalid"), "the profile was accepted"));
        }
        Evaluation evaluation = evaluator.evaluate(ruleset, profile.facts());
        List<JsonNode> actual = evaluation.findings().stream()
                .map(finding -> (JsonNode) JSON.valueToTree(ConclusionView.of(finding)))
                .toList();
        List<ScenarioFailure> failures = new ArrayList<>();
        for (JsonNode expected : expect.path("conclusions")) {
            if (actual.stream().noneMatch(conclusion -> matches(expected, conclusion))) {
                failures.add(new ScenarioFailure(expected.toString(), "the conclusions were " + summary(actual)));
            }
        }
        for (JsonNode unexpected : expect.path("absent")) {
            actual.stream()
                    .filter(conclusion -> matches(unexpected, conclusion))
                    .findFirst()
                    .ifPresent(conclusion -> failures.add(new ScenarioFailure(
                            "no " + unexpected,
                            conclusion.get("rule").asText() + " concluded " + summary(List.of(conclusion)))));
        }
        if (expect.has("firedRules")) {
            List<String> expectedRules = new ArrayList<>();
            expect.get("firedRules").forEach(rule -> expectedRules.add(rule.asText()));
            List<String> firedInThosePackages = firedInPackagesOf(expectedRules, evaluation.firedRules());
            if (!sorted(expectedRules).equals(sorted(firedInThosePackages))) {
                failures.add(new ScenarioFailure(
                        "fired rules " + expectedRules, "the rules fired were " + firedInThosePackages));
            }
        }
        return failures;
    }

    private static List<String> sorted(List<String> rules) {
        return rules.stream().sorted().toList();
    }

    /** The rules fired in the packages the expected list names, so that other programmes do not disturb it. */
    private static List<String> firedInPackagesOf(List<String> expectedRules, List<String> fired) {
        Set<String> packages = new HashSet<>();
        expectedRules.forEach(rule -> packages.add(rule.substring(0, rule.lastIndexOf('/') + 1)));
        return fired.stream()
                .filter(rule -> packages.contains(rule.substring(0, rule.lastIndexOf('/') + 1)))
                .toList();
    }

    private static List<ScenarioFailure> checkInvalid(JsonNode expect, List<FieldError> errors) {
        List<String> fields = errors.stream().map(FieldError::field).toList();
        if (!expect.has("invalid")) {
            return List.of(new ScenarioFailure("the profile to be accepted", "it was rejected: " + errors));
        }
        List<ScenarioFailure> failures = new ArrayList<>();
        expect.get("invalid").forEach(field -> {
            if (!fields.contains(field.asText())) {
                failures.add(new ScenarioFailure("a 400 naming " + field.asText(), "it named " + fields));
            }
        });
        return failures;
    }

    /** Every field given in {@code expected} equals the conclusion's; {@code details} are matched key by key. */
    private static boolean matches(JsonNode expected, JsonNode conclusion) {
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode actual = conclusion.path(field.getKey());
            boolean same = field.getValue().isObject()
                    ? matches(field.getValue(), actual)
                    : sameValue(field.getValue(), actual);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return !actual.isMissingNode() && expected.asText().equals(actual.asText());
    }

    private static List<String> summary(List<JsonNode> conclusions) {
        return conclusions.stream()
                .map(c -> c.get("type").asText() + "(" + c.get("subject").asText() + ")="
                        + c.get("value").asText() + (c.get("details").isEmpty() ? "" : " " + c.get("details")))
                .toList();
    }
}
