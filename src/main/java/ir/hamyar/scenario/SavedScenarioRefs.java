package ir.hamyar.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.json.Json;
import ir.hamyar.problem.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check that no scenario saved in a tree ({@code saved/*.scenarios.yaml}) holds the ref of a subject on record:
 * a saved scenario is kept in an immutable version every policy user and auditor reads, and never erased.
 */
public final class SavedScenarioRefs {

    static final String SAVED = "saved/";

    private SavedScenarioRefs() {}

    /** An error per saved scenario file that names a ref on record (nothing else of it is said). */
    public static List<FieldError> onRecord(RuleTree tree, RefsOnRecord record) {
        Map<String, List<String>> refsByFile = new LinkedHashMap<>();
        for (String path : tree.pathsEndingWith(".scenarios.yaml")) {
            if (path.startsWith(SAVED)) {
                refsByFile.put(path, refs(tree.text(path)));
            }
        }
        List<String> every = refsByFile.values().stream().flatMap(List::stream).toList();
        if (every.isEmpty()) {
            return List.of();
        }
        Set<String> onRecord = record.of(every);
        List<FieldError> errors = new ArrayList<>();
        refsByFile.forEach((path, refs) -> {
            if (refs.stream().anyMatch(onRecord::contains)) {
                errors.add(new FieldError(
                        path,
                        "a scenario here names a subject of the record: a saved scenario must be an invented"
                                + " profile (\"try a profile\" invents one when it saves)"));
            }
        });
        return errors;
    }

    /** The subjects' refs the file's scenarios are given (an unreadable file names none: the validator says why). */
    private static List<String> refs(String text) {
        List<String> refs = new ArrayList<>();
        try {
            for (JsonNode scenario : Json.YAML.readTree(text).path("scenarios")) {
                JsonNode given = scenario.path("given");
                InventedProfile.SUBJECT_REFS.forEach(field -> {
                    if (given.path(field).isTextual()) {
                        refs.add(given.path(field).asText());
                    }
                });
            }
        } catch (IOException e) {
            return refs;
        }
        return refs;
    }
}
