package ir.hamyar.ledger;

import ir.hamyar.calendar.IranTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How often each rule fired, per day (Asia/Tehran) and organisation (table {@code rule_firing_count}), counted on by
 * each group of decisions in its transaction: the rule statistics keep counting an erased subject's decisions with no
 * link to them. Each writer lane counts on its own rows, so that lanes never wait on each other's counters.
 */
final class RuleFiringCounts {

    private static final String UPSERT = "insert into rule_firing_count (day, organisation, rule_id, lane, firings,"
            + " decisions) select * from unnest(?::date[], ?::varchar[], ?::int[], ?::int2[], ?::int8[], ?::int8[])"
            + " on conflict (day, (coalesce(organisation, '')), rule_id, lane) do update"
            + " set firings = rule_firing_count.firings + excluded.firings,"
            + " decisions = rule_firing_count.decisions + excluded.decisions";

    private final int lane;
    private final Map<List<Object>, long[]> counts = new LinkedHashMap<>();

    RuleFiringCounts(int lane) {
        this.lane = lane;
    }

    /** A decision's fired rules, by their numbers, in firing order. */
    void add(Asked asked, Integer[] firedRules) {
        LocalDate day = IranTime.dateOf(asked.at());
        Set<Integer> seen = new HashSet<>();
        for (Integer rule : firedRules) {
            long[] count = counts.computeIfAbsent(
                    List.of(day.toString(), Objects.toString(asked.organisation(), ""), rule), key -> new long[2]);
            count[0]++;
            if (seen.add(rule)) {
                count[1]++;
            }
        }
    }

    void upsert(Connection connection) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        List<Object> days = new ArrayList<>();
        List<Object> organisations = new ArrayList<>();
        List<Object> rules = new ArrayList<>();
        List<Object> lanes = new ArrayList<>();
        List<Object> firings = new ArrayList<>();
        List<Object> decisions = new ArrayList<>();
        // in one order for every writer, so that two lanes counting the same rows never wait on each other in a cycle
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(RuleFiringCounts::compare))
                .forEach(entry -> {
                    days.add(entry.getKey().get(0));
                    String organisation = (String) entry.getKey().get(1);
                    organisations.add(organisation.isEmpty() ? null : organisation);
                    rules.add(entry.getKey().get(2));
                    lanes.add((short) lane);
                    firings.add(entry.getValue()[0]);
                    decisions.add(entry.getValue()[1]);
                });
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            upsert.setArray(1, connection.createArrayOf("date", days.toArray()));
            upsert.setArray(2, connection.createArrayOf("varchar", organisations.toArray()));
            upsert.setArray(3, connection.createArrayOf("int4", rules.toArray()));
            upsert.setArray(4, connection.createArrayOf("int2", lanes.toArray()));
            upsert.setArray(5, connection.createArrayOf("int8", firings.toArray()));
            upsert.setArray(6, connection.createArrayOf("int8", decisions.toArray()));
            upsert.executeUpdate();
        }
    }

    private static int compare(List<Object> a, List<Object> b) {
        int day = ((String) a.get(0)).compareTo((String) b.get(0));
        if (day != 0) {
            return day;
        }
        int organisation = ((String) a.get(1)).compareTo((String) b.get(1));
        return organisation != 0 ? organisation : Integer.compare((Integer) a.get(2), (Integer) b.get(2));
    }
}
