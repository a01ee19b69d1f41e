package ir.hamyar.profile;

import java.util.List;

/** What reading a family profile needs of the indicator catalogue of the ruleset that will decide it. */
public interface IndicatorCodes {

    boolean contains(String code);

    String domainOf(String code);

    /** The domains, in the catalogue's order. */
    List<String> domains();

    int size();
}
