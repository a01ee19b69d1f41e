package ir.hamyar.calendar;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The Gregorian day of Nowruz (1 Farvardin) for Solar Hijri years 1200–1600, read once from ICU. Within that range a
 * Solar Hijri date is its year's Nowruz plus the day of the year: months 1–6 have 31 days, 7–11 have 30, and Esfand
 * runs to the next Nowruz.
 */
final class NowruzTable {

    private static final int FIRST_YEAR = 1200;
    private static final int LAST_YEAR = 1600;
    private static final int FIRST_HALF_DAYS = 6 * 31;
    private static final long[] NOWRUZ_EPOCH_DAY = computeTable();

    private NowruzTable() {}

    static boolean covers(int year) {
        return year >= FIRST_YEAR && year < LAST_YEAR;
    }

    static boolean covers(LocalDate date) {
        long day = date.toEpochDay();
        return day >= NOWRUZ_EPOCH_DAY[0] && day < NOWRUZ_EPOCH_DAY[NOWRUZ_EPOCH_DAY.length - 1];
    }

    static SolarHijriDate toSolarHijri(LocalDate date) {
        long day = date.toEpochDay();
        int index = Arrays.binarySearch(NOWRUZ_EPOCH_DAY, day);
        if (index < 0) {
            index = -index - 2;
        }
        int dayOfYear = (int) (day - NOWRUZ_EPOCH_DAY[index]);
        int year = FIRST_YEAR + index;
        if (dayOfYear < FIRST_HALF_DAYS) {
            return new SolarHijriDate(year, dayOfYear / 31 + 1, dayOfYear % 31 + 1);
        }
        int rest = dayOfYear - FIRST_HALF_DAYS;
        return new SolarHijriDate(year, 7 + rest / 30, rest % 30 + 1);
    }

    /** The Gregorian day of an existing Solar Hijri date of a covered year. */
    static LocalDate toLocalDate(SolarHijriDate date) {
        int month = date.month();
        int dayOfYear = month <= 6 ? (month - 1) * 31 : FIRST_HALF_DAYS + (month - 7) * 30;
        return LocalDate.ofEpochDay(NOWRUZ_EPOCH_DAY[date.year() - FIRST_YEAR] + dayOfYear + date.day() - 1);
    }

    static int lengthOfEsfand(int year) {
        return (int) (NOWRUZ_EPOCH_DAY[year + 1 - FIRST_YEAR] - NOWRUZ_EPOCH_DAY[year - FIRST_YEAR]) - 336;
    }

    private static long[] computeTable() {
        long[] table = new long[LAST_YEAR - FIRST_YEAR + 1];
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            table[year - FIRST_YEAR] = SolarHijri.icuNowruz(year).toEpochDay();
        }
        return table;
    }
}
