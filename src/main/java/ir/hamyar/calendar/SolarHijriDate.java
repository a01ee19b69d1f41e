package ir.hamyar.calendar;

/** A day of the Solar Hijri (Jalali) calendar, as written in Iran: year, month 1–12, day 1–31. */
public record SolarHijriDate(int year, int month, int day) implements Comparable<SolarHijriDate> {

    @Override
    public int compareTo(SolarHijriDate other) {
        if (year != other.year) {
            return Integer.compare(year, other.year);
        }
        if (month != other.month) {
            return Integer.compare(month, other.month);
        }
        return Integer.compare(day, other.day);
    }

    /** ISO-like form with Latin digits: {@code 1405-08-29}. */
    @Override
    public String toString() {
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
