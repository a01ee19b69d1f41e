package ir.hamyar.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.facts.Text;
import ir.hamyar.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The YAML data files of a rule tree (parameters, catalogues): each a map of names to definitions. */
final class TreeYaml {

    private TreeYaml() {}

    /**
     * The entries of the map at {@code path}, each handed to {@code entry}; none when the tree has no such file. A
     * file that is not such a map, or not YAML, is a problem located in it ({@code what} says what its keys should
     * be, e.g. "indicator codes").
     */
    static void readEntries(
            RuleTree tree,
            String path,
            String what,
            List<CompileProblem> problems,
            BiConsumer<String, JsonNode> entry) {
        if (!tree.files().containsKey(path)) {
            return;
        }
        try {
            JsonNode root = Json.YAML.readTree(tree.files().get(path));
            if (root == null || !root.isObject()) {
                problems.add(new CompileProblem(path, 1, 1, "must map " + what + " to their definitions"));
                return;
            }
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
                entry.accept(field.getKey(), field.getValue());
            }
        } catch (JsonProcessingException e) {
            problems.add(new CompileProblem(
                    path, e.getLocation().getLineNr(), e.getLocation().getColumnNr(), e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new CompileProblem(path, 0, 0, "cannot be read"));
        }
    }

    /** A {@code { fa: …, en: … }} node as a text (a language missing is null). */
    static Text text(JsonNode node) {
        return new Text(node.path("fa").asText(null), node.path("en").asText(null));
    }

    /** A {@code { fa: …, en: … }} node with a text, not blank, in each language. */
    static boolean hasBothLanguages(JsonNode node) {
        return isText(node.path("fa")) && isText(node.path("en"));
    }

    private static boolean isText(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank();
    }

    /** The line of {@code offset} in {@code text}, from 1. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
