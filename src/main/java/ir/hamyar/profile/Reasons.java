package ir.hamyar.profile;

import ir.hamyar.problem.FieldError;
import java.util.List;

/** The free-text reason a person gives for an override or an erasure: 10 to 2,000 characters, surrounding space aside. */
public final class Reasons {

    public static final int MIN = 10;
    public static final int MAX = 2000;

    private Reasons() {}

    /** The reason stripped, or "" after adding the field's error; {@code why} completes "is required: …". */
    public static String check(String reason, String why, List<FieldError> errors) {
        String stripped = reason == null ? "" : reason.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length == 0) {
            errors.add(new FieldError("reason", "is required: " + why));
        } else if (length < MIN || length > MAX) {
            errors.add(new FieldError("reason", "must have " + MIN + " to " + MAX + " characters"));
        }
        return stripped;
    }
}
