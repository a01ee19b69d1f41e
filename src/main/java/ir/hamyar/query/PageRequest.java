package ir.hamyar.query;

import ir.hamyar.problem.FieldError;
import java.util.List;

/** Which page of a list: page from 0, size 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;

    public static final int DEFAULT_SIZE = 50;

    /**
     * The page asked for by the {@code page} and {@code size} parameters as sent (absent: page 0 of 50); a bad one
     * adds its errors and gives page 0 of 50, so that every error of the query is found at once.
     */
    public static PageRequest of(String page, String size, List<FieldError> errors) {
        int before = errors.size();
        int number = QueryParams.integer(page, "page", 0, errors);
        int count = QueryParams.integer(size, "size", DEFAULT_SIZE, errors);
        if (errors.size() == before && (count < 1 || count > MAX_SIZE)) {
            errors.add(new FieldError("size", "must be 1 to " + MAX_SIZE));
        }
        return errors.size() == before ? new PageRequest(number, count) : new PageRequest(0, DEFAULT_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
