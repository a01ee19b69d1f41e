package ir.hamyar.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.evaluation.Evaluated;
import ir.hamyar.evaluation.Evaluations;
import ir.hamyar.json.Json;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import ir.hamyar.profile.ProfileKind;
import jakarta.enterprise.context.ApplicationScoped;
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
 * {@code kind}, may give {@code defaults} (merged under each scenario's {@code given}: objects key by key, anything
 * else replaced), and lists scenarios, each named as a sentence, whose {@code given} (with the defaults) is exactly a
 * REST request body and whose {@code expect} holds {@code conclusions} that must be drawn (listed fields and details
 * must match; arrays element by element), {@code absent} conclusions that must not be, an optional
 * {@code firedRules} list (exactly the rules fired among the packages it names, each as often, in any order: the
 * order of independent rules is the engine's, not policy), or {@code invalid}: the field paths a 400 must name. A
 * scenario must expect something that only happens when the rules run ({@code conclusions}, {@code firedRules} or
 * {@code invalid}), so that it fails when nothing fires.
 */
@ApplicationScoped
public class ScenarioRunner {

    private final Evaluations evaluations;

    public ScenarioRunner(Evaluations evaluations) {
        this.evaluations = evaluations;
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
            file = Json.YAML.readTree(ruleset.tree().files().get(path));
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
        JsonNode defaults = file.path("defaults");
        List<ScenarioResult> results = new ArrayList<>();
        for (JsonNode scenario : file.get("scenarios")) {
            String name = scenario.path("name").asText("(unnamed)");
            results.add(new ScenarioResult(path, name, check(ruleset, kind.get(), defaults, scenario, today)));
        }
        return results;
    }

    private List<ScenarioFailure> check(
            CompiledRuleset ruleset, ProfileKind kind, JsonNode defaults, JsonNode scenario, LocalDate today) {
        try {
            return checkOrFail(ruleset, kind, withDefaults(defaults, scenario.path("given")), scenario, today);
        } catch (RuntimeException e) {
            return List.of(new ScenarioFailure("the rules to decide", "they failed: " + e.getMessage()));
        }
    }

    private List<ScenarioFailure> checkOrFail(
            CompiledRuleset ruleset, ProfileKind kind, JsonNode given, JsonNode scenario, LocalDate today) {
        JsonNode expect = scenario.path("expect");
        if (!given.hasNonNull("assessedOn")) {
            return List.of(new ScenarioFailure(
                    "'given' to set assessedOn, so that the scenario does not change with the calendar",
                    "it is not set"));
        }
        if (!expect.has("conclusions") && !expect.has("firedRules") && !expect.has("invalid")) {
            return List.of(new ScenarioFailure(
                    "'expect' to list conclusions, firedRules or invalid fields, so that the scenario fails when"
                            + " nothing fires",
                    "it lists none"));
        }
        Evaluated evaluated;
        try {
            evaluated = evaluations.evaluate(ruleset, kind, given, "", today);
        } catch (InvalidInputException e) {
            return checkInvalid(expect, e.errors());
        }
        if (expect.has("invalid")) {
            return List.of(new ScenarioFailure("a 400 naming " + expect.get("invalid"), "the profile was accepted"));
        }
        List<JsonNode> actual = new ArrayList<>();
        Json.asAnswered(evaluated.conclusions()).forEach(actual::add);
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
            List<String> firedInThosePackages = firedInPackagesOf(expectedRules, evaluated.firedRules());
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
    static boolean matches(JsonNode expected, JsonNode conclusion) {
        Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!sameValue(field.getValue(), conclusion.path(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Objects match key by key, arrays element by element, numbers by value (4 is 4.0), the rest as text. */
    static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isObject()) {
            return actual.isObject() && matches(expected, actual);
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameValue(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return actual.isValueNode() && expected.asText().equals(actual.asText());
    }

    /** The scenario's {@code given} over the file's {@code defaults}: objects merged key by key, the rest replaced. */
    static JsonNode withDefaults(JsonNode defaults, JsonNode given) {
        if (!defaults.isObject() || !given.isObject()) {
            return given.isMissingNode() ? defaults : given;
        }
        ObjectNode merged = defaults.deepCopy();
        given.fields()
                .forEachRemaining(field ->
                        merged.set(field.getKey(), withDefaults(merged.path(field.getKey()), field.getValue())));
        return merged;
    }

    private static List<String> summary(List<JsonNode> conclusions) {
        return conclusions.stream()
                .map(c -> c.get("type").asText() + "(" + c.get("subject").asText() + ")="
                        + c.get("value").asText() + (c.get("details").isEmpty() ? "" : " " + c.get("details")))
                .toList();
    }
}
