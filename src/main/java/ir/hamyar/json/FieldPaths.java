package ir.hamyar.json;

/** Field paths as errors name them: {@code members[2].birthDate}, {@code items[3].profile.familyRef}. */
public final class FieldPaths {

    private FieldPaths() {}

    public static String join(String prefix, String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.isEmpty() || field.startsWith("[") ? prefix + field : prefix + "." + field;
    }
}
