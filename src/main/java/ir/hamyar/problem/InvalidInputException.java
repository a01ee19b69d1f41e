package ir.hamyar.problem;

import java.util.List;

/** Input that breaks the contract, with every offending field. */
public class InvalidInputException extends ProblemException {

    private final transient List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(Problem.invalid(detail, errors));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this("the request does not meet the contract", List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
