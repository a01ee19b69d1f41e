package ir.hamyar.engine;

import java.util.List;

/** The outcome of one decision: conclusions in the order they were drawn and every rule fired, in firing order. */
public record Evaluation(List<Finding> findings, List<String> firedRules) {}
