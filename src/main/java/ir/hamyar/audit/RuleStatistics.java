package ir.hamyar.audit;

import java.util.List;

/** How the rules of the active version fired in a period: per rule, its firings and the decisions it fired in. */
public record RuleStatistics(int rulesetVersion, long decisions, List<RuleFirings> rules) {

    public record RuleFirings(String rule, long firings, long decisions) {}
}
