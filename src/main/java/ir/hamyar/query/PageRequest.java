package ir.hamyar.query;

import ir.hamyar.problem.FieldError;
import java.util.List;

/** Which page of a list: page from 0, size 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    /** The page asked for; a bad one adds its errors and gives page 0 of 50 so that every error is found at once. */
    public static PageRequest of(int page, int size, List<FieldError> errors) {
        boolean valid = true;
        if (page < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
            valid = false;
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_SIZE));
            valid = false;
        }
        return valid ? new PageRequest(page, size) : new PageRequest(0, 50);
    }

    public long offset() {
        return (long) page * size;
    }
}
