package ir.hamyar.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The effective-dated policy numbers of the ruleset, available to rules as the global {@code params}. A rule reads a
 * value as of the date the profile describes: {@code params.intValue("safehouse.sonMaxAge", $admissionOn)}.
 */
public interface Parameters {

    BigDecimal value(String name, LocalDate on);

    default int intValue(String name, LocalDate on) {
        return value(name, on).intValueExact();
    }
}
