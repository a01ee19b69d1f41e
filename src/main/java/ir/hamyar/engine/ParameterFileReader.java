package ir.hamyar.engine;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.facts.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code parameters.yaml} files of a rule tree (OpenFisca style):
 * <pre>
 * safehouse.sonMaxAge:
 *   description: { fa: …, en: Oldest age at which a son may stay with his mother }
 *   unit: year
 *   reference: { fa: …, en: Behzisti safe houses }
 *   provenance: PROGRAMME          # or ASSUMPTION, with why: { fa: …, en: … }
 *   programme: safe-houses
 *   words: "…"
 *   values:
 *     2016-03-20: 12
 * </pre>
 * A description or reference written as one text (versions from before Policy v1.2) serves both languages.
 */
final class ParameterFileReader {

    private static final List<String> REQUIRED_TEXT = List.of("description", "unit", "reference");
    private static final List<String> BILINGUAL = List.of("description", "reference");

    private ParameterFileReader() {}

    static ParameterSet read(RuleTree tree, ProgrammeCatalogue programmes, List<CompileProblem> problems) {
        Map<String, Parameter> parameters = new HashMap<>();
        for (String path : tree.pathsNamed(RuleTree.PARAMETERS_FILE)) {
            TreeYaml.readEntries(tree, path, "parameter names", problems, (name, definition) -> {
                Parameter parameter = toParameter(path, name, definition, programmes, problems);
                if (parameter != null && parameters.putIfAbsent(parameter.name(), parameter) != null) {
                    problems.add(new CompileProblem(path, 0, 0, "parameter " + parameter.name() + " is defined twice"));
                }
            });
        }
        return new ParameterSet(parameters);
    }

    private static Parameter toParameter(
            String path, String name, JsonNode node, ProgrammeCatalogue programmes, List<CompileProblem> problems) {
        int before = problems.size();
        for (String field : REQUIRED_TEXT) {
            boolean written = BILINGUAL.contains(field) && node.path(field).isObject()
                    ? TreeYaml.hasBothLanguages(node.path(field))
                    : node.path(field).isTextual() && !node.path(field).asText().isBlank();
            if (!written) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "parameter " + name + " needs a " + field
                                + (BILINGUAL.contains(field) ? " (as { fa: …, en: … })" : "")));
            }
        }
        if (node.has("why") && !node.path("why").isObject()) {
            problems.add(new CompileProblem(
                    path, 0, 0, "parameter " + name + ": why is written in both languages, as { fa: …, en: … }"));
        }
        Provenance provenance = ProvenanceReader.read(
                new ProvenanceReader.Written(
                        node.path("provenance").asText(null),
                        node.path("programme").asText(null),
                        node.path("words").asText(null),
                        TreeYaml.text(node.path("why"))),
                programmes,
                fault -> problems.add(new CompileProblem(path, 0, 0, "parameter " + name + ": " + fault)));
        TreeMap<LocalDate, BigDecimal> values = new TreeMap<>();
        JsonNode valuesNode = node.path("values");
        if (!valuesNode.isObject() || valuesNode.isEmpty()) {
            problems.add(new CompileProblem(path, 0, 0, "parameter " + name + " needs values keyed by date"));
        }
        valuesNode.fields().forEachRemaining(value -> {
            try {
                if (!value.getValue().isNumber()) {
                    throw new NumberFormatException();
                }
                values.put(LocalDate.parse(value.getKey()), value.getValue().decimalValue());
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "parameter " + name
                                + " needs each value keyed by an ISO date (YYYY-MM-DD) and given as a number"));
            }
        });
        if (problems.size() > before) {
            return null;
        }
        return new Parameter(
                name,
                bilingual(node.get("description")),
                node.get("unit").asText(),
                bilingual(node.get("reference")),
                provenance,
                values);
    }

    private static Text bilingual(JsonNode node) {
        return node.isObject() ? TreeYaml.text(node) : new Text(node.asText(), node.asText());
    }
}
