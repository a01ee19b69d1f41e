package ir.hamyar.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.json.JsonLimits;
import ir.hamyar.json.StrictJson;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A draft written as changes on top of a stored version:
 * {@code {"baseVersion": 3, "files": {"safehouse/stay.drl": "…", "old.drl": null}, "comment": "…"}}; a {@code null}
 * deletes the file.
 */
public record RulesetChanges(int baseVersion, Map<String, String> files, String comment) {

    static final int MAX_COMMENT = 1000;
    private static final Set<String> FIELDS = Set.of("baseVersion", "files", "comment");

    public static RulesetChanges parse(byte[] body) {
        JsonNode root = StrictJson.parse(body, JsonLimits.RULESET);
        List<FieldError> errors = new ArrayList<>();
        if (!root.isObject()) {
            throw new InvalidInputException(new FieldError("", "must be an object with baseVersion, files, comment"));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not defined by the contract"));
            }
        });
        JsonNode base = root.path("baseVersion");
        if (!base.isInt() || base.asInt() < 1) {
            errors.add(new FieldError("baseVersion", "is required: the number of the version the changes apply to"));
        }
        JsonNode files = root.path("files");
        Map<String, String> changes = new LinkedHashMap<>();
        if (!files.isObject() || files.isEmpty()) {
            errors.add(new FieldError("files", "is required: an object of path -> new text, or null to delete"));
        } else {
            Iterator<Map.Entry<String, JsonNode>> entries = files.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String field = "files[" + entry.getKey() + "]";
                checkPath(entry.getKey(), field, errors);
                if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                    errors.add(new FieldError(field, "must be the file's text, or null to delete it"));
                }
                changes.put(
                        entry.getKey(),
                        entry.getValue().isNull() ? null : entry.getValue().asText());
            }
        }
        String comment = comment(root.path("comment"), "comment", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the changes do not meet the contract", errors);
        }
        return new RulesetChanges(base.asInt(), changes, comment);
    }

    /** Changes made in the console: the same checks of paths and comment as a JSON body gets. */
    public static RulesetChanges of(int baseVersion, Map<String, String> files, String comment) {
        List<FieldError> errors = new ArrayList<>();
        files.keySet().forEach(path -> checkPath(path, "path", errors));
        String checkedComment = comment(comment, "comment", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the changes do not meet the contract", errors);
        }
        return new RulesetChanges(baseVersion, files, checkedComment);
    }

    private static void checkPath(String path, String field, List<FieldError> errors) {
        TreePaths.problemWith(path)
                .or(() -> TreePaths.isHidden(path)
                        ? Optional.of("hidden files are not part of a rules tree")
                        : Optional.empty())
                .ifPresent(problem -> errors.add(new FieldError(field, problem)));
    }

    /** The base tree with these changes applied; deleting a file the base does not have is an error. */
    public RuleTree applyTo(RuleTree base) {
        Map<String, byte[]> changed = new LinkedHashMap<>(base.files());
        List<FieldError> errors = new ArrayList<>();
        this.files.forEach((path, text) -> {
            if (text == null) {
                if (changed.remove(path) == null) {
                    errors.add(new FieldError(
                            "files[" + path + "]", "version " + baseVersion + " has no such file to delete"));
                }
            } else {
                changed.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the changes do not apply to the base version", errors);
        }
        return new RuleTree(changed);
    }

    /**
     * A comment typed in a form: stripped, null when blank, refused past 1000 characters, and refused blank when
     * {@code required} (an activation must say why the version goes live).
     */
    public static String comment(String text, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        String checked = comment(text, required, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the request does not meet the contract", errors);
        }
        return checked;
    }

    /** As {@link #comment(String, boolean)}, adding to {@code errors}; "required" is only said when nothing else is. */
    static String comment(String text, boolean required, List<FieldError> errors) {
        String checked = comment(text, "comment", errors);
        if (required && checked == null && errors.isEmpty()) {
            errors.add(new FieldError("comment", "is required: say why this version goes live"));
        }
        return checked;
    }

    /** An optional comment: text of at most 1000 characters. */
    static String comment(JsonNode node, String field, List<FieldError> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be text"));
            return null;
        }
        return comment(node.asText(), field, errors);
    }

    static String comment(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            errors.add(new FieldError(field, "must have at most " + MAX_COMMENT + " characters"));
            return null;
        }
        return text.strip();
    }
}
