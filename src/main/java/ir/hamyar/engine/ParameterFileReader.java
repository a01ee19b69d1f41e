package ir.hamyar.engine;

import com.fasterxml.jackson.databind.JsonNode;
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
 *   description: Oldest age at which a son may stay with his mother
 *   unit: year
 *   reference: Behzisti safe houses
 *   values:
 *     2016-03-20: 12
 * </pre>
 */
final class ParameterFileReader {

    private static final List<String> REQUIRED_TEXT = List.of("description", "unit", "reference");

    private ParameterFileReader() {}

    static ParameterSet read(RuleTree tree, List<CompileProblem> problems) {
        Map<String, Parameter> parameters = new HashMap<>();
        for (String path : tree.pathsNamed(RuleTree.PARAMETERS_FILE)) {
            TreeYaml.readEntries(tree, path, "parameter names", problems, (name, definition) -> {
                Parameter parameter = toParameter(path, name, definition, problems);
                if (parameter != null && parameters.putIfAbsent(parameter.name(), parameter) != null) {
                    problems.add(new CompileProblem(path, 0, 0, "parameter " + parameter.name() + " is defined twice"));
                }
            });
        }
        return new ParameterSet(parameters);
    }

    private static Parameter toParameter(String path, String name, JsonNode node, List<CompileProblem> problems) {
        int before = problems.size();
        for (String field : REQUIRED_TEXT) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                problems.add(new CompileProblem(path, 0, 0, "parameter " + name + " needs a " + field));
            }
        }
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
                node.get("description").asText(),
                node.get("unit").asText(),
                node.get("reference").asText(),
                values);
    }
}
