package ir.hamyar.calendar;

import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Conversion and arithmetic in the Solar Hijri calendar, following Iranian practice: ages are counted in full Solar
 * Hijri years, "N months" are Solar Hijri months, and a day that does not exist in the target month is clamped to
 * that month's last day (1403-06-31 + 1 month = 1403-07-30). ICU4J does the conversion, strictly (non-lenient).
 * For the years people in our profiles live in, the first day of each year is taken once from ICU into a table, so
 * that the ages and dates rules compute many times per decision are plain arithmetic.
 */
public final class SolarHijri {

    private static final int MONTHS_PER_YEAR = 12;

    private SolarHijri() {}

    public static SolarHijriDate of(LocalDate date) {
        if (NowruzTable.covers(date)) {
            return NowruzTable.toSolarHijri(date);
        }
        PersianCalendar calendar = newCalendar();
        calendar.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return new SolarHijriDate(
                calendar.get(PersianCalendar.EXTENDED_YEAR),
                calendar.get(PersianCalendar.MONTH) + 1,
                calendar.get(PersianCalendar.DAY_OF_MONTH));
    }

    /** The Gregorian day of a Solar Hijri date; an impossible date (1404-12-30) is an {@link InvalidDateException}. */
    public static LocalDate toLocalDate(SolarHijriDate date) {
        if (date.month() < 1
                || date.month() > MONTHS_PER_YEAR
                || date.day() < 1
                || date.day() > lengthOfMonth(date.year(), date.month())) {
            throw new InvalidDateException("no such Solar Hijri date");
        }
        if (NowruzTable.covers(date.year())) {
            return NowruzTable.toLocalDate(date);
        }
        PersianCalendar calendar = newCalendar();
        calendar.setLenient(false);
        calendar.clear();
        calendar.set(PersianCalendar.EXTENDED_YEAR, date.year());
        calendar.set(PersianCalendar.MONTH, date.month() - 1);
        calendar.set(PersianCalendar.DAY_OF_MONTH, date.day());
        try {
            return Instant.ofEpochMilli(calendar.getTimeInMillis())
                    .atZone(ZoneOffset.UTC)
                    .toLocalDate();
        } catch (IllegalArgumentException e) {
            throw new InvalidDateException("no such Solar Hijri date");
        }
    }

    public static boolean isLeapYear(int year) {
        return lengthOfMonth(year, MONTHS_PER_YEAR) == 30;
    }

    public static int lengthOfMonth(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        if (NowruzTable.covers(year) && NowruzTable.covers(year + 1)) {
            return NowruzTable.lengthOfEsfand(year);
        }
        return icuLengthOfEsfand(year);
    }

    static int icuLengthOfEsfand(int year) {
        PersianCalendar calendar = newCalendar();
        calendar.clear();
        calendar.set(PersianCalendar.EXTENDED_YEAR, year);
        calendar.set(PersianCalendar.MONTH, MONTHS_PER_YEAR - 1);
        calendar.set(PersianCalendar.DAY_OF_MONTH, 1);
        return calendar.getActualMaximum(PersianCalendar.DAY_OF_MONTH);
    }

    /** {@code date} plus {@code months} Solar Hijri months, clamped to the last day of a shorter month. */
    public static LocalDate plusMonths(LocalDate date, int months) {
        SolarHijriDate start = of(date);
        int monthIndex = start.year() * MONTHS_PER_YEAR + (start.month() - 1) + months;
        int year = Math.floorDiv(monthIndex, MONTHS_PER_YEAR);
        int month = Math.floorMod(monthIndex, MONTHS_PER_YEAR) + 1;
        int day = Math.min(start.day(), lengthOfMonth(year, month));
        return toLocalDate(new SolarHijriDate(year, month, day));
    }

    /** {@code date} plus {@code years} Solar Hijri years; Esfand 30 of a leap year falls on Esfand 29 otherwise. */
    public static LocalDate plusYears(LocalDate date, int years) {
        return plusMonths(date, years * MONTHS_PER_YEAR);
    }

    /** The first day of the Solar Hijri month {@code date} falls in. */
    public static LocalDate firstOfMonth(LocalDate date) {
        SolarHijriDate jalali = of(date);
        return toLocalDate(new SolarHijriDate(jalali.year(), jalali.month(), 1));
    }

    /** Whole Solar Hijri months from {@code from} to {@code to} (negative when {@code to} comes first). */
    public static int monthsBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -monthsBetween(to, from);
        }
        SolarHijriDate start = of(from);
        SolarHijriDate end = of(to);
        int months = (end.year() - start.year()) * MONTHS_PER_YEAR + end.month() - start.month();
        return plusMonths(from, months).isAfter(to) ? months - 1 : months;
    }

    /** Age in full Solar Hijri years on {@code on} of a person born on {@code birthDate}. */
    public static int ageOn(LocalDate birthDate, LocalDate on) {
        int years = of(on).year() - of(birthDate).year();
        if (plusYears(birthDate, years).isAfter(on)) {
            years--;
        }
        return years;
    }

    /** The Solar Hijri anniversary on which a person born on {@code birthDate} turns {@code age}. */
    public static LocalDate birthday(LocalDate birthDate, int age) {
        return plusYears(birthDate, age);
    }

    static LocalDate icuNowruz(int year) {
        PersianCalendar calendar = newCalendar();
        calendar.clear();
        calendar.set(PersianCalendar.EXTENDED_YEAR, year);
        calendar.set(PersianCalendar.MONTH, 0);
        calendar.set(PersianCalendar.DAY_OF_MONTH, 1);
        return Instant.ofEpochMilli(calendar.getTimeInMillis())
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    private static PersianCalendar newCalendar() {
        return new PersianCalendar(TimeZone.GMT_ZONE);
    }
}
