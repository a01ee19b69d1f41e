package ir.hamyar.ruleset;

/** What somebody did to a ruleset version; each is kept as a ruleset event. */
public enum RulesetAction {
    CREATED,
    REJECTED,
    ACTIVATED,
    ROLLED_BACK
}
