package ir.hamyar.report;

import ir.hamyar.ledger.OutcomeCounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-tiering counts over a period of {@code months} months and over every period nested in it at one end: index 0 the
 * whole period, then those ending a month earlier, two months earlier, ..., then those starting a month later, two
 * months later, ... Each family's TIER decisions in time order are added once; a family counts in a period where it has
 * two or more, under (its first TIER there, its latest there).
 */
final class TierSequences {

    private final int months;
    private final Map<List<String>, long[]> counts = new HashMap<>();

    TierSequences(int months) {
        this.months = months;
    }

    /** How many periods are counted: the whole one and each nested one. */
    int periods() {
        return 2 * months - 1;
    }

    void add(List<OutcomeCounts.TierAt> family) {
        count(family, 0, 0, months - 1);
        for (int last = 0; last < months - 1; last++) {
            count(family, 1 + last, 0, last);
        }
        for (int first = 1; first < months; first++) {
            count(family, months - 1 + first, first, months - 1);
        }
    }

    Map<List<String>, long[]> counts() {
        return counts;
    }

    /** The family in the months [first, last] (0-based) counted as period {@code index}. */
    private void count(List<OutcomeCounts.TierAt> family, int index, int first, int last) {
        String firstTier = null;
        String latestTier = null;
        int decisions = 0;
        for (OutcomeCounts.TierAt decision : family) {
            int month = decision.interval() - 1;
            if (month >= first && month <= last) {
                firstTier = firstTier == null ? decision.tier() : firstTier;
                latestTier = decision.tier();
                decisions++;
            }
        }
        if (decisions >= 2) {
            counts.computeIfAbsent(List.of(firstTier, latestTier), pair -> new long[periods()])[index]++;
        }
    }
}
