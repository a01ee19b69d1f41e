package ir.hamyar.facts;

import java.util.Map;
import java.util.Set;

public record Family(String ref, Map<String, Integer> indicators, Set<String> circumstances) {

    public boolean hasCircumstance(String circumstance) {
        return circumstances.contains(circumstance);
    }

    public boolean indicatorIs(String indicator, int score) {
        Integer value = indicators.get(indicator);
        return value != null && value == score;
    }
}
