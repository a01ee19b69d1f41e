package ir.hamyar.engine;

/** A rule failed or looped while deciding; names the rule, never the facts. */
public class RuleEvaluationException extends RuntimeException {

    private final String rule;

    public RuleEvaluationException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
