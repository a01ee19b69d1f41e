package ir.hamyar.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the dates of one request are written: ISO Gregorian (the default) or Solar Hijri ({@code "calendar": "JALALI"}). */
public enum CalendarSystem {
    GREGORIAN {
        @Override
        public LocalDate parse(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidDateException("must be an existing date written YYYY-MM-DD");
            }
        }
    },
    JALALI {
        private static final Pattern FORM = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");

        @Override
        public LocalDate parse(String text) {
            Matcher matcher = FORM.matcher(Digits.toLatin(text));
            if (!matcher.matches()) {
                throw new InvalidDateException("must be a Solar Hijri date written YYYY-MM-DD or YYYY/MM/DD");
            }
            SolarHijriDate date = new SolarHijriDate(
                    Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(3)),
                    Integer.parseInt(matcher.group(4)));
            try {
                return SolarHijri.toLocalDate(date);
            } catch (InvalidDateException e) {
                throw new InvalidDateException("must be an existing Solar Hijri date");
            }
        }
    };

    /** Reads one date written in this calendar; an unreadable or impossible date is an {@link InvalidDateException}. */
    public abstract LocalDate parse(String text);
}
