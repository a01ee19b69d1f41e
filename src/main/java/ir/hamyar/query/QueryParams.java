package ir.hamyar.query;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.problem.FieldError;
import ir.hamyar.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading the query parameters lists share: each bad one is added to the errors, named, and reported together. */
public final class QueryParams {

    static final int MAX_TEXT = 200;

    private QueryParams() {}

    /** A text filter: absent or blank filters nothing; control characters (NUL among them) are refused. */
    public static String text(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl) || text.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters, none a control character"));
            return null;
        }
        return text;
    }

    /** A whole number from 0, or {@code fallback} when absent. */
    public static Integer integer(String text, String field, Integer fallback, List<FieldError> errors) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like a negative number
        }
        errors.add(new FieldError(field, "must be a whole number from 0 to " + Integer.MAX_VALUE));
        return fallback;
    }

    /**
     * An ISO date-time with offset, or an ISO date meaning its whole day in Asia/Tehran: from its start, or (as an
     * end) up to the start of the next day.
     */
    public static OffsetDateTime instant(String text, boolean end, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(IranTime.ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO date (YYYY-MM-DD) or date-time with offset"));
            return null;
        }
    }

    /** A period [from, to) read from the {@code from} and {@code to} parameters. */
    public static Period period(String from, String to, List<FieldError> errors) {
        return new Period(instant(from, false, "from", errors), instant(to, true, "to", errors));
    }

    public static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the query does not meet the contract", errors);
        }
    }

    /** A period of time; either end may be open (null). */
    public record Period(OffsetDateTime from, OffsetDateTime to) {}
}
