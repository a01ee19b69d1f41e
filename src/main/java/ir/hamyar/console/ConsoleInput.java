package ir.hamyar.console;

import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.InvalidDateException;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.calendar.SolarHijriDate;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people type into console forms, as they type it: numbers and dates in Persian, Arabic-Indic or Latin digits,
 * dates in Solar Hijri (1405/09/11) or ISO (2026-12-02); in any text, Arabic ي and ك become Persian ی and ک.
 */
final class ConsoleInput {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    /** Years below this are Solar Hijri: no Gregorian date in a welfare record is that old, no Hijri one that late. */
    private static final int FIRST_GREGORIAN_YEAR = 1700;

    private ConsoleInput() {}

    /** Free text (comments, names, files) keeps its digits; only Arabic letters become their Persian forms. */
    static String text(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.replace('ي', 'ی').replace('ك', 'ک').replace("\r\n", "\n");
    }

    static LocalDate date(String typed, String field) {
        Matcher date = DATE.matcher(Digits.toLatin(typed == null ? "" : typed).strip());
        if (!date.matches()) {
            throw new InvalidInputException(
                    new FieldError(field, "must be a date: 1405/09/11 (Solar Hijri) or 2026-12-02"));
        }
        int year = Integer.parseInt(date.group(1));
        int month = Integer.parseInt(date.group(2));
        int day = Integer.parseInt(date.group(3));
        try {
            return year < FIRST_GREGORIAN_YEAR
                    ? SolarHijri.toLocalDate(new SolarHijriDate(year, month, day))
                    : LocalDate.of(year, month, day);
        } catch (InvalidDateException | DateTimeException e) {
            throw new InvalidInputException(new FieldError(field, "is not a date of the calendar"));
        }
    }

    static BigDecimal number(String typed, String field) {
        String latin = Digits.toLatin(typed == null ? "" : typed)
                .strip()
                .replace("٫", ".")
                .replace("٬", "")
                .replace(",", "");
        try {
            return new BigDecimal(latin);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(new FieldError(field, "must be a number"));
        }
    }
}
