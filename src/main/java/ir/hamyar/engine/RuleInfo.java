package ir.hamyar.engine;

/**
 * A rule of the compiled ruleset with the metadata policy staff wrote on it: {@code id} is
 * {@code <package folder>/<rule name>}; reasons are templates whose {@code {placeholders}} a conclusion fills.
 */
public record RuleInfo(String id, String file, String reasonFa, String reasonEn, String reference) {}
