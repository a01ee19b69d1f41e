package ir.hamyar.facts;

import java.time.LocalDate;
import java.util.Map;

/** The safe-house parameters as constants: the peer has no effective dating. */
public final class Parameters {

    private static final Map<String, Integer> VALUES = Map.of(
            "safehouse.applicantMinAge", 18,
            "safehouse.sonMaxAge", 12,
            "safehouse.standardStayMonths", 4,
            "safehouse.maxStayMonths", 8);

    public int intValue(String name, LocalDate on) {
        return VALUES.get(name);
    }
}
