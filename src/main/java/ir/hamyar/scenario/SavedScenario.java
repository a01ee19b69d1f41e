package ir.hamyar.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import ir.hamyar.evaluation.ConclusionView;
import ir.hamyar.json.Json;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.io.IOException;
import java.util.List;

/**
 * A profile tried in the console, kept as a scenario: its answer of that moment becomes its expectation (each
 * conclusion's type, subject and value), under the sentence its author names it. Saved scenarios of a kind live in
 * one file, {@code saved/<kind>.scenarios.yaml}, which the runner checks like any other.
 */
public record SavedScenario(String kind, String name, JsonNode given, List<ConclusionView> conclusions) {

    public static final int MAX_NAME = 300;

    public SavedScenario {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidInputException(
                    new FieldError("name", "is required: a sentence of at most " + MAX_NAME + " characters"));
        }
        if (conclusions.isEmpty()) {
            throw new InvalidInputException(
                    new FieldError("profile", "draws no conclusion, so a scenario of it could never fail"));
        }
    }

    public String path() {
        return "saved/" + kind + ".scenarios.yaml";
    }

    /** The scenario file with this scenario appended ({@code existing} null: a new file). */
    public String appendTo(String existing) {
        ObjectNode file;
        try {
            file = existing == null ? Json.YAML.createObjectNode() : (ObjectNode) Json.YAML.readTree(existing);
        } catch (IOException | ClassCastException e) {
            throw new InvalidInputException(new FieldError(path(), "is not a scenario file that can be added to"));
        }
        file.put("kind", kind);
        ArrayNode scenarios = file.withArray("scenarios");
        ObjectNode scenario = scenarios.addObject();
        scenario.put("name", name.strip());
        scenario.set("given", given);
        ArrayNode expected = scenario.putObject("expect").putArray("conclusions");
        conclusions.forEach(conclusion -> expected.addObject()
                .put("type", conclusion.type())
                .put("subject", conclusion.subject())
                .put("value", conclusion.value()));
        try {
            return "# Scenarios saved from the console's \"try a profile\": each answer as it was when saved.\n"
                    + Json.YAML
                            .writer()
                            .with(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .without(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario file cannot be written", e);
        }
    }
}
