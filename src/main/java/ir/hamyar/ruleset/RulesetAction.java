package ir.hamyar.ruleset;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What somebody did to a ruleset version (created, rejected, approved, activated, rolled back); each is kept as an event. */
public enum RulesetAction {
    CREATED,
    REJECTED,
    APPROVED,
    ACTIVATED,
    ROLLED_BACK;

    /** The actions, as an error lists them. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
