package ir.hamyar.facts;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The household as the rules see it. Indicators map a code to its score 1–5; a code mapped to {@code null} is "not
 * applicable" and a code that is absent was "not answered".
 */
public final class Family {

    private final String ref;
    private final LocalDate assessedOn;
    private final Map<String, Integer> indicators;
    private final Set<String> circumstances;
    private final int cataloguedIndicators;

    public Family(
            String ref,
            LocalDate assessedOn,
            Map<String, Integer> indicators,
            Set<String> circumstances,
            int cataloguedIndicators) {
        this.ref = ref;
        this.assessedOn = assessedOn;
        this.indicators = Collections.unmodifiableMap(indicators);
        this.circumstances = Set.copyOf(circumstances);
        this.cataloguedIndicators = cataloguedIndicators;
    }

    public String getRef() {
        return ref;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public Map<String, Integer> getIndicators() {
        return indicators;
    }

    public Set<String> getCircumstances() {
        return circumstances;
    }

    public boolean hasCircumstance(String circumstance) {
        return circumstances.contains(circumstance);
    }

    /** The score of an indicator, or {@code null} when it is not applicable or not answered. */
    public Integer indicator(String code) {
        return indicators.get(code);
    }

    public boolean indicatorIs(String code, int score) {
        Integer value = indicators.get(code);
        return value != null && value == score;
    }

    public boolean indicatorAtMost(String code, int score) {
        Integer value = indicators.get(code);
        return value != null && value <= score;
    }

    public boolean isAnswered(String code) {
        return indicators.get(code) != null;
    }

    /** Indicators given a score. */
    public int getAnsweredCount() {
        return (int) indicators.values().stream().filter(value -> value != null).count();
    }

    /** Indicators of the catalogue that apply to this family: all of them but those marked not applicable. */
    public int getApplicableCount() {
        return cataloguedIndicators
                - (int) indicators.values().stream()
                        .filter(value -> value == null)
                        .count();
    }

    public boolean isNotApplicable(String code) {
        return indicators.containsKey(code) && indicators.get(code) == null;
    }
}
