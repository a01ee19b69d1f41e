package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.util.Map;

/** A conclusion with the rule that drew it, its reasons rendered in Persian and English, and the policy reference. */
public record Finding(
        String type,
        String subject,
        String value,
        Map<String, Object> details,
        String rule,
        Text reason,
        String reference) {}
