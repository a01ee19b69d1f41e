package ir.hamyar.audit;

import java.util.List;

/**
 * How the rules of the active version fired in a period: per rule, its firings, the decisions it fired in, and how
 * many of its conclusions caseworkers overrode (a rule they keep overriding is a rule to reconsider), and how many
 * evaluations failed in it.
 */
public record RuleStatistics(int rulesetVersion, long decisions, List<RuleFirings> rules) {

    public record RuleFirings(String rule, long firings, long decisions, long overridden, long failed) {}
}
