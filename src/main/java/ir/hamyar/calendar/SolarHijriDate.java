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
        StringBuilder text = new StringBuilder(10);
        pad(text, year, 4).append('-');
        pad(text, month, 2).append('-');
        return pad(text, day, 2).toString();
    }

    /** Zero-padded like {@code %0Nd}, without Formatter's per-call locale lookups (every decision prints dates). */
    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
