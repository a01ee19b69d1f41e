package ir.hamyar.facts;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;

/** Full Solar Hijri years and Solar Hijri months, with ICU4J's Persian calendar. */
final class PersianDates {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private PersianDates() {}

    static int ageOn(LocalDate birth, LocalDate on) {
        PersianCalendar born = of(birth);
        PersianCalendar day = of(on);
        int age = day.get(Calendar.EXTENDED_YEAR) - born.get(Calendar.EXTENDED_YEAR);
        int bornDay = born.get(Calendar.MONTH) * 32 + born.get(Calendar.DAY_OF_MONTH);
        int onDay = day.get(Calendar.MONTH) * 32 + day.get(Calendar.DAY_OF_MONTH);
        return onDay < bornDay ? age - 1 : age;
    }

    static LocalDate plusYears(LocalDate date, int years) {
        PersianCalendar calendar = of(date);
        calendar.add(Calendar.YEAR, years);
        return toLocalDate(calendar);
    }

    static LocalDate plusMonths(LocalDate date, int months) {
        PersianCalendar calendar = of(date);
        calendar.add(Calendar.MONTH, months);
        return toLocalDate(calendar);
    }

    private static PersianCalendar of(LocalDate date) {
        PersianCalendar calendar = new PersianCalendar(UTC);
        calendar.clear();
        calendar.setTimeInMillis(date.toEpochDay() * 86_400_000L);
        return calendar;
    }

    private static LocalDate toLocalDate(PersianCalendar calendar) {
        return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), 86_400_000L));
    }
}
