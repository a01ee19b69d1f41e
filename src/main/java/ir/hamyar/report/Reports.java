package ir.hamyar.report;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.calendar.SolarHijriDate;
import ir.hamyar.engine.ConclusionCatalogue;
import ir.hamyar.engine.Parameter;
import ir.hamyar.ledger.OutcomeCounts;
import ir.hamyar.problem.FieldError;
import ir.hamyar.ruleset.ActiveRuleset;
import ir.hamyar.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The programme managers' reports (contract v1.1): families by tier per interval, re-tiering transitions,
 * safe-house outcomes and home visits per month (Policy v1.2), over the decisions of the caller's scope, small cells
 * shown as {@code "<5"}. Aggregates only: no report names a family.
 */
@ApplicationScoped
public class Reports {

    static final String TIER = "TIER";
    static final String VISIT_TARGET = "casework.monthlyVisitTarget";

    private final OutcomeCounts counts;
    private final ActiveRuleset active;

    public Reports(OutcomeCounts counts, ActiveRuleset active) {
        this.counts = counts;
        this.active = active;
    }

    /** Per interval, families by their latest TIER in it. */
    public Report tiers(Period period, boolean quarters, Caller.Scope scope) {
        List<Intervals.Interval> intervals = Intervals.of(period.first(), period.last(), quarters);
        List<LocalDate> starts =
                intervals.stream().map(Intervals.Interval::first).toList();
        Map<Integer, Map<String, Long>> latest =
                counts.latestTiers(starts, SolarHijri.firstOfMonth(period.last()), scope);
        Set<String> tiers = values(TIER);
        latest.values().forEach(byTier -> tiers.addAll(byTier.keySet()));
        List<String> columns = new ArrayList<>(List.of("period", "from", "to"));
        columns.addAll(tiers);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Intervals.Interval interval = intervals.get(i);
            Map<String, Long> byTier = latest.getOrDefault(i + 1, Map.of());
            List<Object> row = new ArrayList<>(List.of(
                    interval.label(),
                    interval.first().toString(),
                    interval.last().toString()));
            tiers.forEach(tier -> row.add(SmallCells.count(byTier.getOrDefault(tier, 0L))));
            rows.add(row);
        }
        return report("tiers", period, quarters ? "quarter" : "month", scope, columns, rows);
    }

    /**
     * Families decided twice or more in the period, by (first TIER, latest TIER): rows first, columns latest. These
     * counts do not add up over months, so each is also counted over every period this one contains that starts or
     * ends with it (a month less at either end, two months, ...): a cell that differs from any of those by 1 to 4 is
     * suppressed ({@link SmallCells#SUPPRESSED}), so that asking for both periods recovers no small count.
     */
    public Report transitions(Period period, Caller.Scope scope) {
        List<LocalDate> months = period.monthStarts();
        TierSequences sequences = new TierSequences(months.size());
        counts.tierSequences(months, SolarHijri.firstOfMonth(period.last()), scope, sequences::add);
        Map<List<String>, long[]> pairs = sequences.counts();
        Set<String> tiers = values(TIER);
        pairs.keySet().forEach(tiers::addAll);
        List<String> columns = new ArrayList<>(List.of("first"));
        columns.addAll(tiers);
        long[] none = new long[sequences.periods()];
        List<List<Object>> rows = new ArrayList<>();
        for (String first : tiers) {
            List<Object> row = new ArrayList<>(List.of(first));
            tiers.forEach(
                    latest -> row.add(SmallCells.apartFromNested(pairs.getOrDefault(List.of(first, latest), none))));
            rows.add(row);
        }
        return report("transitions", period, null, scope, columns, rows);
    }

    /**
     * Safe-house requests by SAFE_HOUSE value, by STAY value, and the sons not allowed to accompany. A count over
     * several months is the sum of its months' counts, and is shown only when each of those is (0 or from 5 up):
     * otherwise two periods a month apart would give away a small month by their difference ({@link SmallCells}).
     */
    public Report safeHouse(Period period, Caller.Scope scope) {
        List<LocalDate> months = period.monthStarts();
        Map<String, long[]> bySafeHouse = new TreeMap<>();
        Map<String, long[]> byStay = new TreeMap<>();
        long[] sons = new long[months.size()];
        for (OutcomeCounts.SafeHouseCount count :
                counts.safeHouse(months, SolarHijri.firstOfMonth(period.last()), scope)) {
            int month = count.interval() - 1;
            bySafeHouse.computeIfAbsent(count.safeHouse(), value -> new long[months.size()])[month] += count.requests();
            if (count.stay() != null) {
                byStay.computeIfAbsent(count.stay(), value -> new long[months.size()])[month] += count.requests();
            }
            sons[month] += count.sonsNotAllowed();
        }
        long[] none = new long[months.size()];
        List<List<Object>> rows = new ArrayList<>();
        values("SAFE_HOUSE", bySafeHouse.keySet())
                .forEach(value -> rows.add(row("SAFE_HOUSE", value, bySafeHouse.getOrDefault(value, none))));
        values("STAY", byStay.keySet())
                .forEach(value -> rows.add(row("STAY", value, byStay.getOrDefault(value, none))));
        rows.add(row("ACCOMPANY", "NOT_ALLOWED", sons));
        return report("safehouse", period, null, scope, List.of("type", "value", "count"), rows);
    }

    /**
     * Per Solar Hijri month and organisation, the families whose recorded last home visit falls in it, against the
     * social-work unit's monthly target ({@code casework.monthlyVisitTarget} in force on the month's first day, when
     * the active version has it): Policy v1.2 §3. The record keeps the month of a visit, not its day; a period is whole
     * months. Whether the target was met is said only of a month that has ended, and never so as to tell more than a
     * {@code "<5"} cell does.
     */
    public Report visits(Period period, Caller.Scope scope) {
        List<Intervals.Interval> months = Intervals.of(period.first(), period.last(), false);
        Map<String, Map<Integer, Long>> visited =
                counts.visits(months.stream().map(Intervals.Interval::first).toList(), scope);
        Set<String> organisations = new TreeSet<>(visited.keySet());
        if (!scope.every()) {
            organisations.add(Objects.toString(scope.organisation(), ""));
        }
        LocalDate today = IranTime.today();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Intervals.Interval month = months.get(i);
            Integer target = target(month.first());
            for (String organisation : organisations) {
                long families = visited.getOrDefault(organisation, Map.of()).getOrDefault(i + 1, 0L);
                List<Object> row = new ArrayList<>(List.of(
                        month.label(), month.first().toString(), month.last().toString(), organisation));
                row.add(SmallCells.count(families));
                row.add(target);
                row.add(month.last().isBefore(today) ? targetMet(families, target) : null);
                rows.add(row);
            }
        }
        return report(
                "visits",
                period,
                "month",
                scope,
                List.of("period", "from", "to", "organisation", "familiesVisited", "target", "targetMet"),
                rows);
    }

    /** Met or not; unsaid (null) when the count is a small cell the target would tell apart. */
    private static Boolean targetMet(long families, Integer target) {
        if (target == null) {
            return null;
        }
        boolean small = families > 0 && families < SmallCells.SHOWN_FROM;
        if (small && target < SmallCells.SHOWN_FROM) {
            return null;
        }
        return families >= target;
    }

    private Integer target(LocalDate on) {
        Parameter target = active.current().ruleset().parameters().all().get(VISIT_TARGET);
        return target == null || target.values().floorKey(on) == null
                ? null
                : target.valueOn(on).intValue();
    }

    private static List<Object> row(String type, String value, long[] monthly) {
        return List.of(type, value, SmallCells.sumOfMonths(monthly));
    }

    /** A type's values as the active version declares them, in its order, then any others found. */
    private Set<String> values(String type, Set<String> found) {
        Set<String> values = values(type);
        values.addAll(found);
        return values;
    }

    private Set<String> values(String type) {
        ConclusionCatalogue.ConclusionType declared =
                active.current().ruleset().conclusions().types().get(type);
        return declared == null
                ? new LinkedHashSet<>()
                : new LinkedHashSet<>(declared.values().keySet());
    }

    private static Report report(
            String name,
            Period period,
            String interval,
            Caller.Scope scope,
            List<String> columns,
            List<List<Object>> rows) {
        return new Report(
                name,
                period.first(),
                SolarHijri.of(period.first()).toString(),
                period.last(),
                SolarHijri.of(period.last()).toString(),
                interval,
                scope.every() ? Caller.EVERY_ORGANISATION : scope.organisation(),
                columns,
                rows);
    }

    /**
     * A report's days, both included: whole Solar Hijri months, so that no two periods a caller may ask for differ by
     * less than a month (contract v1.2, "Privacy changes").
     */
    public record Period(LocalDate first, LocalDate last) {

        /**
         * The months asked for: {@code from} a month's first day, {@code to} a month's last (by default this Solar
         * Hijri year, to the end of this month), at most {@link Intervals#MAX} months; a wrong one adds its error.
         */
        public static Period of(LocalDate from, LocalDate to, List<FieldError> errors) {
            LocalDate today = IranTime.today();
            LocalDate first = from == null
                    ? SolarHijri.toLocalDate(
                            new SolarHijriDate(SolarHijri.of(today).year(), 1, 1))
                    : from;
            LocalDate last = to == null ? lastOfMonth(today) : to;
            if (from != null && !SolarHijri.firstOfMonth(from).equals(from)) {
                errors.add(new FieldError(
                        "from",
                        "must be the first day of a Solar Hijri month (" + SolarHijri.firstOfMonth(from) + ")"));
            } else if (to != null && !lastOfMonth(to).equals(to)) {
                errors.add(
                        new FieldError("to", "must be the last day of a Solar Hijri month (" + lastOfMonth(to) + ")"));
            } else if (first.isAfter(last)) {
                errors.add(new FieldError("from", "must not be after to"));
            } else if (SolarHijri.plusMonths(first, Intervals.MAX).isBefore(last)) {
                errors.add(new FieldError("from", "must be at most " + Intervals.MAX + " months before to"));
            }
            return new Period(first, last);
        }

        /** The whole months of the days given (the console's form takes any day of a month). */
        public static Period widened(LocalDate from, LocalDate to, List<FieldError> errors) {
            return of(from == null ? null : SolarHijri.firstOfMonth(from), to == null ? null : lastOfMonth(to), errors);
        }

        /** For a report by quarters: the period must be whole quarters too, so that every row is a whole one. */
        public void requireWholeQuarters(List<FieldError> errors) {
            if ((SolarHijri.of(first).month() - 1) % 3 != 0) {
                errors.add(
                        new FieldError("from", "must be the first day of a Solar Hijri quarter for interval=quarter"));
            } else if (SolarHijri.of(last).month() % 3 != 0) {
                errors.add(new FieldError("to", "must be the last day of a Solar Hijri quarter for interval=quarter"));
            }
        }

        /** The whole Solar Hijri quarters the period falls in (the console's form takes any months). */
        public Period wholeQuarters() {
            SolarHijriDate start = SolarHijri.of(first);
            SolarHijriDate end = SolarHijri.of(last);
            return new Period(
                    SolarHijri.toLocalDate(new SolarHijriDate(start.year(), (start.month() - 1) / 3 * 3 + 1, 1)),
                    lastOfMonth(SolarHijri.toLocalDate(new SolarHijriDate(end.year(), (end.month() + 2) / 3 * 3, 1))));
        }

        /** The first day of each month of the period. */
        List<LocalDate> monthStarts() {
            return Intervals.of(first, last, false).stream()
                    .map(Intervals.Interval::first)
                    .toList();
        }

        static LocalDate lastOfMonth(LocalDate day) {
            return SolarHijri.plusMonths(SolarHijri.firstOfMonth(day), 1).minusDays(1);
        }
    }
}
