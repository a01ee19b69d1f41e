package ir.hamyar.engine;

import java.time.LocalDate;

/** A profile dated before the first value of a parameter it needs: the ruleset has no policy for that day. */
public class ParameterNotInForceException extends RuntimeException {

    private final String parameter;
    private final LocalDate date;

    public ParameterNotInForceException(String parameter, LocalDate date) {
        super("parameter " + parameter + " has no value in force on " + date);
        this.parameter = parameter;
        this.date = date;
    }

    public String parameter() {
        return parameter;
    }

    public LocalDate date() {
        return date;
    }
}
