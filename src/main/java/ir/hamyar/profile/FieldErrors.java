package ir.hamyar.profile;

import ir.hamyar.json.FieldPaths;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of one profile, so the caller learns all of them at once. */
final class FieldErrors {

    private final String prefix;
    private final List<FieldError> errors = new ArrayList<>();

    FieldErrors(String prefix) {
        this.prefix = prefix;
    }

    void add(String field, String message) {
        errors.add(new FieldError(FieldPaths.join(prefix, field), message));
    }

    void addAll(List<FieldError> more) {
        more.forEach(error -> add(error.field(), error.message()));
    }

    /** Errors whose field paths already carry the prefix. */
    void addPrefixed(List<FieldError> more) {
        errors.addAll(more);
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the profile does not meet the contract", errors);
        }
    }
}
