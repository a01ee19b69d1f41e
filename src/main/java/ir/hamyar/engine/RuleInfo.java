package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.List;

/**
 * A rule of the compiled ruleset with the metadata policy staff wrote on it: {@code id} is
 * {@code <package folder>/<rule name>}; reasons are templates whose {@code {placeholders}} a conclusion fills;
 * {@code provenance} is null when the rule states none (rules written before Policy v1.2); {@code parameters} are those
 * the rule (or a function it calls) reads.
 */
public record RuleInfo(
        String id, String file, Text reason, String reference, Provenance provenance, List<String> parameters) {}
