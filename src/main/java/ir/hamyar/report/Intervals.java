package ir.hamyar.report;

import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.calendar.SolarHijriDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Solar Hijri months or quarters (seasons: Farvardin–Khordad, …) a report's period falls into, the first and the
 * last clipped to the period: Iranian programmes report by the months they work in, not Gregorian ones.
 */
final class Intervals {

    static final int MAX = 240;

    private Intervals() {}

    /** The intervals of [from, to] (days, both included); at most {@link #MAX}. */
    static List<Interval> of(LocalDate from, LocalDate to, boolean quarters) {
        List<Interval> intervals = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(to)) {
            SolarHijriDate jalali = SolarHijri.of(start);
            int firstMonth = quarters ? (jalali.month() - 1) / 3 * 3 + 1 : jalali.month();
            LocalDate nextStart = SolarHijri.plusMonths(
                    SolarHijri.toLocalDate(new SolarHijriDate(jalali.year(), firstMonth, 1)), quarters ? 3 : 1);
            LocalDate end = nextStart.minusDays(1).isAfter(to) ? to : nextStart.minusDays(1);
            String label = quarters
                    ? jalali.year() + "-Q" + ((jalali.month() - 1) / 3 + 1)
                    : String.format("%04d-%02d", jalali.year(), jalali.month());
            intervals.add(new Interval(label, start, end));
            start = nextStart;
        }
        return intervals;
    }

    /** One interval: its Solar Hijri label (1405-08, 1405-Q3) and its first and last days. */
    record Interval(String label, LocalDate first, LocalDate last) {}
}
