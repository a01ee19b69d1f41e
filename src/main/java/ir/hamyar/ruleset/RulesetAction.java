package ir.hamyar.ruleset;

/** What somebody did to a ruleset version; each is kept as a ruleset event. */
public enum RulesetAction {
    CREATED,
    REJECTED,
    ACTIVATED,
    ROLLED_BACK;

    /** The actions, as an error lists them. */
    public static String names() {
        return java.util.Arrays.stream(values()).map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }
}
