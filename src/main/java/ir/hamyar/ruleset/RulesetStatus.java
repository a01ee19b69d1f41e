package ir.hamyar.ruleset;

/** Where a ruleset version stands: a validated DRAFT, the one ACTIVE version, a RETIRED one, or a REJECTED draft. */
public enum RulesetStatus {
    DRAFT,
    ACTIVE,
    RETIRED,
    REJECTED
}
