package ir.hamyar.profile;

import ir.hamyar.calendar.CalendarSystem;
import ir.hamyar.calendar.InvalidDateException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the dates of one profile in its calendar and checks them against the bounds of the contract. */
final class DateFields {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final CalendarSystem calendar;
    private final FieldErrors errors;
    private final Map<String, LocalDate> read = new LinkedHashMap<>();

    DateFields(CalendarSystem calendar, FieldErrors errors) {
        this.calendar = calendar == null ? CalendarSystem.GREGORIAN : calendar;
        this.errors = errors;
    }

    /** A date in the calendar of the profile, {@code null} when absent or invalid (and then recorded). */
    LocalDate read(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = calendar.parse(text);
            if (date.isBefore(EARLIEST)) {
                errors.add(field, "must not be before 1900");
                return null;
            }
            read.put(field, date);
            return date;
        } catch (InvalidDateException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }

    /** A date that may not lie after the day the profile describes. */
    LocalDate readNotAfter(String field, String text, LocalDate assessedOn) {
        LocalDate date = read(field, text);
        if (date != null && assessedOn != null && date.isAfter(assessedOn)) {
            errors.add(field, "must not be after assessedOn");
            return null;
        }
        return date;
    }

    /** Every valid date read so far, by field. */
    Map<String, LocalDate> read() {
        return Collections.unmodifiableMap(read);
    }

    LocalDate assessedOn(String text, LocalDate today) {
        if (text == null) {
            read.put("assessedOn", today);
            return today;
        }
        LocalDate date = read("assessedOn", text);
        if (date != null && date.isAfter(today)) {
            errors.add("assessedOn", "must not be in the future (Asia/Tehran)");
            return null;
        }
        return date;
    }
}
