package ir.hamyar.engine;

import ir.hamyar.facts.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One policy number with its description and reference in Persian and English, its unit, its provenance (null when a
 * version written before Policy v1.2 states none) and values keyed by the date from which each applies.
 */
public record Parameter(
        String name,
        Text description,
        String unit,
        Text reference,
        Provenance provenance,
        NavigableMap<LocalDate, BigDecimal> values) {

    public Parameter {
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    /** The value in force on {@code on}: the one with the latest effective date not after it. */
    public BigDecimal valueOn(LocalDate on) {
        Map.Entry<LocalDate, BigDecimal> inForce = values.floorEntry(on);
        if (inForce == null) {
            throw new ParameterNotInForceException(name, on);
        }
        return inForce.getValue();
    }
}
