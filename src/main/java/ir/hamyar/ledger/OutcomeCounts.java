package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import ir.hamyar.db.Jdbc;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts over what the reports tally of family decisions ({@code report_outcome}, appended with each decision in its
 * transaction, see {@link ReportOutcomes}). A family is a pseudonym within its organisation, a decision's time its
 * Solar Hijri month (the first day of it), its order the family's own number. The tier queries walk each family's
 * decisions in order along {@code report_outcome_tiers_idx} (an index-only scan), so they neither sort nor read a
 * decision's input or answer; benchmarks/reports/at_scale.sh times them at a million.
 */
@ApplicationScoped
public class OutcomeCounts {

    private static final String WINDOW = " window w as (partition by organisation, family order by n)";

    /** The rows the tier reports read (decision_outcome_family_idx holds only these). */
    private static final String TIERED = " where tier is not null";

    private final AgroalDataSource dataSource;

    public OutcomeCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Per interval (1-based index into {@code starts}, each the first day of a Solar Hijri month; decisions of the
     * months from starts[i] to before starts[i+1] or, for the last, up to the month of {@code lastMonth}), how many
     * families had each TIER as their latest in it.
     */
    public Map<Integer, Map<String, Long>> latestTiers(
            List<LocalDate> starts, LocalDate lastMonth, Caller.Scope scope) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = period(TIERED, starts.get(0), lastMonth, scope, parameters);
        String sql = "select b, tier, count(*) from (select tier, b, lead(b) over w next_b from (select organisation,"
                + " family, n, tier, width_bucket(month, ?::date[]) b from report_outcome"
                + where + ") s" + WINDOW + ") t where next_b is distinct from b group by b, tier";
        return Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement select = prepare(connection, sql)) {
                select.setArray(1, thresholds(connection, starts));
                bindFrom(select, 2, parameters);
                Map<Integer, Map<String, Long>> counts = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(rows.getInt(1), bucket -> new HashMap<>())
                                .put(rows.getString(2), rows.getLong(3));
                    }
                }
                return counts;
            }
        });
    }

    /**
     * Each family's TIER decisions of the months from starts[0] to {@code lastMonth}, in order, with the interval of
     * each (1-based index into {@code starts}), handed to {@code each} one family at a time from a single ordered read
     * of the family index.
     */
    public void tierSequences(
            List<LocalDate> starts, LocalDate lastMonth, Caller.Scope scope, Consumer<List<TierAt>> each) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = period(TIERED, starts.get(0), lastMonth, scope, parameters);
        String sql = "select organisation, family, width_bucket(month, ?::date[]), tier" + " from report_outcome"
                + where + " order by organisation, family, n";
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement select = prepare(connection, sql)) {
                select.setArray(1, thresholds(connection, starts));
                bindFrom(select, 2, parameters);
                select.setFetchSize(10_000);
                List<TierAt> family = new ArrayList<>();
                List<Object> current = null;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        List<Object> key =
                                Arrays.asList(rows.getString(1), HexFormat.of().formatHex(rows.getBytes(2)));
                        if (!key.equals(current) && !family.isEmpty()) {
                            each.accept(List.copyOf(family));
                            family.clear();
                        }
                        current = key;
                        family.add(new TierAt(rows.getInt(3), rows.getString(4)));
                    }
                }
                if (!family.isEmpty()) {
                    each.accept(List.copyOf(family));
                }
                return null;
            }
        });
    }

    /**
     * Safe-house requests of the months from starts[0] to {@code lastMonth} per interval (1-based index into
     * {@code starts}) by (SAFE_HOUSE, STAY) value, with the sons they did not allow.
     */
    public List<SafeHouseCount> safeHouse(List<LocalDate> starts, LocalDate lastMonth, Caller.Scope scope) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = period(" where safe_house is not null", starts.get(0), lastMonth, scope, parameters);
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement("select width_bucket(month, ?::date[]),"
                    + " safe_house, stay, count(*), sum(sons_not_allowed) from report_outcome"
                    + where + " group by 1, 2, 3")) {
                select.setArray(1, thresholds(connection, starts));
                bindFrom(select, 2, parameters);
                List<SafeHouseCount> counts = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.add(new SafeHouseCount(
                                rows.getInt(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getLong(4),
                                rows.getLong(5)));
                    }
                }
                return counts;
            }
        });
    }

    /**
     * Per organisation and Solar Hijri month (1-based index into {@code monthStarts}, each the first day of a month),
     * how many families' recorded last home visit falls in it; a family told of visits in one month in several
     * decisions counts once.
     */
    public Map<String, Map<Integer, Long>> visits(List<LocalDate> monthStarts, Caller.Scope scope) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where home_visit_month is not null");
        Where.scope(where, parameters, "organisation", scope);
        Where.condition(where, parameters, "home_visit_month >= ?", monthStarts.get(0));
        Where.condition(where, parameters, "home_visit_month <= ?", monthStarts.get(monthStarts.size() - 1));
        String sql = "select organisation, width_bucket(home_visit_month, ?::date[]), count(distinct family)"
                + " from report_outcome" + where + " group by 1, 2";
        return Jdbc.read(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "date",
                                monthStarts.stream().map(LocalDate::toString).toArray()));
                bindFrom(select, 2, parameters);
                Map<String, Map<Integer, Long>> counts = new TreeMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.computeIfAbsent(Objects.toString(rows.getString(1), ""), org -> new HashMap<>())
                                .put(rows.getInt(2), rows.getLong(3));
                    }
                }
                return counts;
            }
        });
    }

    private static Array thresholds(Connection connection, List<LocalDate> starts) throws SQLException {
        return connection.createArrayOf(
                "date", starts.stream().map(LocalDate::toString).toArray());
    }

    private static void bindFrom(PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        int next = first;
        for (Object parameter : parameters) {
            statement.setObject(next++, parameter);
        }
    }

    /** The rows of {@code first} decided in the months from {@code firstMonth} to {@code lastMonth} the scope sees. */
    private static StringBuilder period(
            String first, LocalDate firstMonth, LocalDate lastMonth, Caller.Scope scope, List<Object> parameters) {
        StringBuilder where = new StringBuilder(first);
        Where.scope(where, parameters, "organisation", scope);
        Where.condition(where, parameters, "month >= ?", firstMonth);
        Where.condition(where, parameters, "month <= ?", lastMonth);
        return where;
    }

    /**
     * A report's query walks one index in order and aggregates in memory: for its own transaction it is given the
     * work memory that needs, no parallel workers (they would break the order array_agg reads), no JIT (compiling it
     * costs more than it saves on a million rows: 750 → 620 ms), and a
     * plan made for its own period every time: once pgjdbc prepares the statement on the server (fifth run), a
     * generic plan that cannot see the period turned 0.8 s into 2.2 s.
     */
    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        try (Statement settings = connection.createStatement()) {
            settings.execute("set local work_mem = '64MB'");
            settings.execute("set local jit = off");
            settings.execute("set local plan_cache_mode = force_custom_plan");
            // a parallel plan would merge workers' rows out of the order array_agg relies on
            settings.execute("set local max_parallel_workers_per_gather = 0");
        }
        return connection.prepareStatement(sql);
    }

    /**
     * Requests of one interval with one SAFE_HOUSE value and one STAY value (null: none concluded), and their sons
     * not allowed.
     */
    public record SafeHouseCount(int interval, String safeHouse, String stay, long requests, long sonsNotAllowed) {}

    /** One TIER decision of a family: the interval it falls in (1-based) and the tier. */
    public record TierAt(int interval, String tier) {}
}
