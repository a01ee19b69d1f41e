package ir.hamyar.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Iran's time zone: "today", a day's bounds and a moment's date are all taken in Asia/Tehran. */
public final class IranTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tehran");

    private IranTime() {}

    public static LocalDate today() {
        return LocalDate.now(Clock.system(ZONE));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
