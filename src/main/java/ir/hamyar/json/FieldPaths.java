package ir.hamyar.json;

import com.fasterxml.jackson.core.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** Field paths as errors name them: {@code members[2].birthDate}, {@code items[3].profile.familyRef}. */
public final class FieldPaths {

    private FieldPaths() {}

    public static String join(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() || field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /** Where a parser is, as a field path; {@code dropLast} segments are left off (1: the enclosing array or object). */
    static String ofParser(JsonParser parser, int dropLast) {
        List<String> segments = new ArrayList<>();
        for (String segment :
                parser.getParsingContext().pathAsPointer().toString().split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        StringBuilder path = new StringBuilder();
        for (String name : segments.subList(0, Math.max(0, segments.size() - dropLast))) {
            boolean index = name.chars().allMatch(Character::isDigit) && path.length() > 0;
            path.append(index ? "[" + name + "]" : (path.length() == 0 ? "" : ".") + name);
        }
        return path.toString();
    }
}
