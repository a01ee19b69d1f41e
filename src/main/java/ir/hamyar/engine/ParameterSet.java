package ir.hamyar.engine;

import ir.hamyar.facts.Parameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every parameter of a ruleset by name. */
public final class ParameterSet implements Parameters {

    private final SortedMap<String, Parameter> parameters;

    public ParameterSet(Map<String, Parameter> parameters) {
        this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    public SortedMap<String, Parameter> all() {
        return parameters;
    }

    @Override
    public BigDecimal value(String name, LocalDate on) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return parameter.valueOn(on);
    }
}
