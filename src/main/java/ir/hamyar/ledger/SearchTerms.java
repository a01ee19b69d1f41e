package ir.hamyar.ledger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What audit searches find a decision by, kept in narrow columns beside its (sealed) answer: the rules that fired, in
 * order (kept after an erasure), and the conclusions as tokens {@code TYPE} and {@code TYPE=VALUE} (wiped by one).
 */
public record SearchTerms(List<String> firedRules, List<String> concluded) {

    /** From the fired rules and the conclusions' (type, value) pairs. */
    public static SearchTerms of(List<String> firedRules, Iterable<String[]> conclusions) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String[] conclusion : conclusions) {
            tokens.add(conclusion[0]);
            tokens.add(token(conclusion[0], conclusion[1]));
        }
        return new SearchTerms(List.copyOf(firedRules), new ArrayList<>(tokens));
    }

    /** The token a search for a conclusion's type and value looks for. */
    static String token(String type, String value) {
        return type + "=" + value;
    }
}
