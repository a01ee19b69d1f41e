package ir.hamyar.engine;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.facts.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conclusions a ruleset may draw, declared as data in {@code conclusions.yaml} at the root of the tree: per type,
 * the kind of profile, what its subject is, and its values, each with Persian and English labels. When the tree
 * declares them, every type and value a rule inserts ({@code Conclusion.of("TYPE", subject, "VALUE")}) or matches
 * ({@code Conclusion(type == "TYPE", value == "VALUE")}) must be declared: a misspelt value would otherwise compile
 * and never match.
 */
public final class ConclusionCatalogue {

    private static final Pattern INSERTED = Pattern.compile("\\bConclusion\\.of\\(");
    private static final Pattern MATCHED = Pattern.compile("(?<![.\\w])Conclusion\\(");
    private static final Pattern TYPE_TEST = Pattern.compile("\\btype\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern VALUE_TEST = Pattern.compile("\\bvalue\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern LITERAL = Pattern.compile("^\"([^\"\\\\]*)\"$");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");

    /** What a conclusion may be about: the profile itself, one of its members, or one of its domains. */
    static final List<String> SUBJECTS = List.of("family", "group", "helper", "member", "applicant", "child", "domain");

    private final Map<String, ConclusionType> types;

    private ConclusionCatalogue(Map<String, ConclusionType> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** Whether the tree declares its conclusions; a tree without {@code conclusions.yaml} is not checked. */
    public boolean isDeclared() {
        return !types.isEmpty();
    }

    public Map<String, ConclusionType> types() {
        return types;
    }

    /** One declared type: the kind of profile it concludes on, what its subject is, its label and its values. */
    public record ConclusionType(String type, String kind, String subject, Text label, Map<String, Text> values) {}

    static ConclusionCatalogue read(RuleTree tree, List<CompileProblem> problems) {
        String path = RuleTree.CONCLUSIONS_FILE;
        Map<String, ConclusionType> types = new LinkedHashMap<>();
        TreeYaml.readEntries(
                tree,
                path,
                "conclusion types",
                problems,
                (type, definition) -> types.put(type, toType(path, type, definition, problems)));
        return new ConclusionCatalogue(types);
    }

    private static ConclusionType toType(String path, String type, JsonNode node, List<CompileProblem> problems) {
        if (!node.path("kind").isTextual() || !node.path("subject").isTextual()) {
            problems.add(new CompileProblem(path, 0, 0, "conclusion type " + type + " needs a kind and a subject"));
        }
        if (node.path("subject").isTextual()
                && !SUBJECTS.contains(node.path("subject").asText())) {
            problems.add(new CompileProblem(
                    path,
                    0,
                    0,
                    "conclusion type " + type + " has subject "
                            + node.path("subject").asText() + ": it must be one of " + String.join(", ", SUBJECTS)));
        }
        if (!TreeYaml.hasBothLanguages(node.path("label"))) {
            problems.add(new CompileProblem(
                    path, 0, 0, "conclusion type " + type + " needs a Persian and an English label"));
        }
        Map<String, Text> values = new LinkedHashMap<>();
        if (!node.path("values").isObject() || node.path("values").isEmpty()) {
            problems.add(new CompileProblem(path, 0, 0, "conclusion type " + type + " needs its values"));
        }
        node.path("values").fields().forEachRemaining(value -> {
            if (!TreeYaml.hasBothLanguages(value.getValue())) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "value " + value.getKey() + " of " + type + " needs a Persian and an English label"));
            }
            values.put(value.getKey(), TreeYaml.text(value.getValue()));
        });
        return new ConclusionType(
                type,
                node.path("kind").asText(),
                node.path("subject").asText(),
                TreeYaml.text(node.path("label")),
                values);
    }

    /** Every type and value a rule file inserts or matches as a literal must be declared. */
    void checkRules(RuleTree tree, List<CompileProblem> problems) {
        if (!isDeclared()) {
            return;
        }
        for (String path : tree.pathsEndingWith(RuleTree.RULE_SUFFIX)) {
            String drl = withoutComments(tree.text(path));
            Matcher inserted = INSERTED.matcher(drl);
            while (inserted.find()) {
                List<String> arguments = arguments(drl, inserted.end());
                check(path, drl, inserted.start(), literal(arguments, 0), literal(arguments, 2), problems);
            }
            Matcher matched = MATCHED.matcher(drl);
            while (matched.find()) {
                String constraints = String.join(",", arguments(drl, matched.end()));
                check(
                        path,
                        drl,
                        matched.start(),
                        first(TYPE_TEST, constraints),
                        first(VALUE_TEST, constraints),
                        problems);
            }
        }
    }

    private void check(String path, String drl, int offset, String type, String value, List<CompileProblem> problems) {
        if (type == null) {
            return;
        }
        ConclusionType declared = types.get(type);
        if (declared == null) {
            problems.add(new CompileProblem(
                    path,
                    TreeYaml.lineOf(drl, offset),
                    1,
                    "conclusion type " + type + " is not declared in conclusions.yaml"));
        } else if (value != null && !declared.values().containsKey(value)) {
            problems.add(new CompileProblem(
                    path,
                    TreeYaml.lineOf(drl, offset),
                    1,
                    "value " + value + " is not one of the values of " + type + " declared in conclusions.yaml: "
                            + String.join(", ", declared.values().keySet())));
        }
    }

    /** The top-level arguments of a call or pattern, from just after its opening parenthesis to the closing one. */
    private static List<String> arguments(String text, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        StringBuilder current = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                break;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        arguments.add(current.toString().strip());
        return arguments;
    }

    private static String literal(List<String> arguments, int index) {
        if (index >= arguments.size()) {
            return null;
        }
        Matcher matcher = LITERAL.matcher(arguments.get(index));
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Line comments blanked out, offsets kept, so that lines are still counted right. */
    private static String withoutComments(String drl) {
        Matcher matcher = COMMENT.matcher(drl);
        StringBuilder blanked = new StringBuilder(drl);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        return blanked.toString();
    }
}
