package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.Map;

/** One indicator of the family assessment: its code, domain, labels and, per score 1–5, a one-line anchor. */
public record Indicator(String code, String domain, Text label, Map<Integer, Text> anchors, String reference) {}
