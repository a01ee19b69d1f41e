package ir.hamyar.decision;

import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.util.regex.Pattern;

/** The shape of an {@code Idempotency-Key}: 1–64 characters {@code [A-Za-z0-9._:-]}. */
final class IdempotencyKeys {

    static final String PATTERN = "^[A-Za-z0-9._:-]{1,64}$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    private IdempotencyKeys() {}

    static String check(String key, String field) {
        if (key != null && !SHAPE.matcher(key).matches()) {
            throw new InvalidInputException(new FieldError(field, "must be 1-64 characters [A-Za-z0-9._:-]"));
        }
        return key;
    }
}
