package ir.hamyar.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SolarHijriTest {

    @Test
    void year1403IsLeapAnd1404IsNot() {
        assertTrue(SolarHijri.isLeapYear(1403));
        assertFalse(SolarHijri.isLeapYear(1404));
        assertEquals(30, SolarHijri.lengthOfMonth(1403, 12));
        assertEquals(29, SolarHijri.lengthOfMonth(1404, 12));
    }

    @Test
    void convertsBothWays() {
        assertEquals(new SolarHijriDate(1403, 12, 30), SolarHijri.of(LocalDate.of(2025, 3, 20)));
        assertEquals(new SolarHijriDate(1404, 1, 1), SolarHijri.of(LocalDate.of(2025, 3, 21)));
        assertEquals(LocalDate.of(2025, 3, 20), SolarHijri.toLocalDate(new SolarHijriDate(1403, 12, 30)));
        assertEquals(new SolarHijriDate(1405, 8, 29), SolarHijri.of(LocalDate.of(2026, 11, 20)));
        assertEquals(new SolarHijriDate(1387, 8, 30), SolarHijri.of(LocalDate.of(2008, 11, 20)));
    }

    /**
     * Pairs known to be right independently of this code (a round trip would pass for two equally wrong conversions):
     * each Nowruz follows from the March equinox before or after noon in Tehran; the other dates are days the
     * Iranian calendar and the Gregorian one both record (22 Bahman 1357, 12 Farvardin and 13 Aban 1358,
     * 14 Khordad 1368, Yalda before 1 Dey 1403, 1 Mehr 1404) and that the month lengths (six of 31 days, five of 30,
     * Esfand 29 or 30) give again from that year's Nowruz.
     */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "2016-03-20, 1395-01-01", // equinox 2016-03-20 08:00 Tehran, before noon
        "2024-03-20, 1403-01-01", // equinox 2024-03-20 06:36 Tehran, before noon
        "2025-03-20, 1403-12-30", // the last day of the leap year 1403
        "2025-03-21, 1404-01-01", // equinox 2025-03-20 12:31 Tehran, after noon
        "2026-03-20, 1404-12-29", // 1404 is not leap: Esfand has 29 days
        "2026-03-21, 1405-01-01", // equinox 2026-03-20 18:16 Tehran, after noon
        "2027-03-20, 1405-12-29", // equinox 2027-03-20 23:55 Tehran: Nowruz 1406 is 2027-03-21
        "1979-02-11, 1357-11-22", // the revolution's day, 22 Bahman 1357
        "1979-04-01, 1358-01-12", // 12 Farvardin 1358, the referendum's day: Nowruz 1979-03-21 + 11
        "1979-11-04, 1358-08-13", // 13 Aban 1358: Nowruz 1979-03-21 + 6 * 31 + 30 + 12
        "1989-06-04, 1368-03-14", // 14 Khordad 1368: Nowruz 1989-03-21 + 2 * 31 + 13
        "2024-12-21, 1403-10-01", // 1 Dey 1403, after Yalda night: 2024-03-20 + 6 * 31 + 3 * 30
        "2025-09-23, 1404-07-01", // 1 Mehr 1404, the first day of school: 2025-03-21 + 6 * 31
        "2026-11-20, 1405-08-29", // the contract's example: 2026-03-21 + 6 * 31 + 30 + 28
        "2024-09-21, 1403-06-31", // the last day of Shahrivar 1403: 2024-03-20 + 6 * 31 - 1
        "2024-10-21, 1403-07-30", // and the last day of Mehr 1403, 30 days later
    })
    void convertsKnownDatesInBothDirections(LocalDate gregorian, String solarHijri) {
        String[] parts = solarHijri.split("-");
        SolarHijriDate expected =
                new SolarHijriDate(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));

        assertEquals(expected, SolarHijri.of(gregorian));
        assertEquals(gregorian, SolarHijri.toLocalDate(expected));
        assertEquals(gregorian, CalendarSystem.JALALI.parse(solarHijri));
        assertEquals(solarHijri, SolarHijri.of(gregorian).toString());
    }

    @Test
    void theTableAndIcuMeetWithoutAGapOrAnOverlap() {
        LocalDate firstOfTheTable = SolarHijri.toLocalDate(new SolarHijriDate(1200, 1, 1));
        assertEquals(
                new SolarHijriDate(1199, 12, SolarHijri.lengthOfMonth(1199, 12)),
                SolarHijri.of(firstOfTheTable.minusDays(1)));
        LocalDate lastOfTheTable =
                SolarHijri.toLocalDate(new SolarHijriDate(1599, 12, SolarHijri.lengthOfMonth(1599, 12)));
        assertEquals(new SolarHijriDate(1600, 1, 1), SolarHijri.of(lastOfTheTable.plusDays(1)));
        assertEquals(lastOfTheTable.plusDays(1), SolarHijri.toLocalDate(new SolarHijriDate(1600, 1, 1)));
    }

    @Test
    void addsSolarHijriMonths() {
        LocalDate exit = SolarHijri.plusMonths(LocalDate.of(2025, 3, 21), 4);
        assertEquals(LocalDate.of(2025, 7, 23), exit);
        assertEquals(new SolarHijriDate(1404, 5, 1), SolarHijri.of(exit));
    }

    @Test
    void clampsToTheLastDayOfAShorterMonth() {
        LocalDate lastOfShahrivar = SolarHijri.toLocalDate(new SolarHijriDate(1403, 6, 31));
        assertEquals(new SolarHijriDate(1403, 7, 30), SolarHijri.of(SolarHijri.plusMonths(lastOfShahrivar, 1)));
        LocalDate leapDay = SolarHijri.toLocalDate(new SolarHijriDate(1403, 12, 30));
        assertEquals(new SolarHijriDate(1404, 12, 29), SolarHijri.of(SolarHijri.plusYears(leapDay, 1)));
    }

    @Test
    void countsAgeInFullSolarHijriYears() {
        LocalDate born = LocalDate.of(2008, 11, 20);
        assertEquals(17, SolarHijri.ageOn(born, LocalDate.of(2026, 11, 20)));
        assertEquals(18, SolarHijri.ageOn(born, LocalDate.of(2026, 11, 21)));
        assertEquals(LocalDate.of(2026, 11, 21), SolarHijri.birthday(born, 18));
    }

    @Test
    void aPersonBornOnALeapDayHasABirthdayEveryYear() {
        LocalDate leapDay = SolarHijri.toLocalDate(new SolarHijriDate(1403, 12, 30));
        LocalDate lastOf1404 = SolarHijri.toLocalDate(new SolarHijriDate(1404, 12, 29));
        assertEquals(0, SolarHijri.ageOn(leapDay, lastOf1404.minusDays(1)));
        assertEquals(1, SolarHijri.ageOn(leapDay, lastOf1404));
    }

    @Test
    void readsJalaliInputWithPersianAndArabicIndicDigits() {
        assertEquals(LocalDate.of(2025, 3, 20), CalendarSystem.JALALI.parse("۱۴۰۳/۱۲/۳۰"));
        assertEquals(LocalDate.of(2025, 3, 20), CalendarSystem.JALALI.parse("١٤٠٣-١٢-٣٠"));
        assertEquals(LocalDate.of(2025, 3, 21), CalendarSystem.JALALI.parse("1404-01-01"));
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThrows(InvalidDateException.class, () -> CalendarSystem.JALALI.parse("1404-12-30"));
        assertThrows(InvalidDateException.class, () -> CalendarSystem.JALALI.parse("1404-07-31"));
        assertThrows(InvalidDateException.class, () -> CalendarSystem.JALALI.parse("1404-13-01"));
        assertThrows(InvalidDateException.class, () -> CalendarSystem.JALALI.parse("1404-01/01"));
        assertThrows(InvalidDateException.class, () -> CalendarSystem.GREGORIAN.parse("2026-02-30"));
        assertThrows(InvalidDateException.class, () -> CalendarSystem.GREGORIAN.parse("2026/02/01"));
    }

    @Test
    void theNowruzTableAgreesWithIcuOnEveryDayAndEveryEsfand() {
        for (LocalDate day = LocalDate.of(1900, 1, 1); day.isBefore(LocalDate.of(2100, 1, 1)); day = day.plusDays(1)) {
            SolarHijriDate fromTable = NowruzTable.toSolarHijri(day);
            assertEquals(day, NowruzTable.toLocalDate(fromTable));
            if (fromTable.month() == 1 && fromTable.day() == 1) {
                assertEquals(day, SolarHijri.icuNowruz(fromTable.year()));
                assertEquals(
                        SolarHijri.icuLengthOfEsfand(fromTable.year()), NowruzTable.lengthOfEsfand(fromTable.year()));
            }
        }
    }

    @Test
    void datesOutsideTheTableStillConvertThroughIcu() {
        SolarHijriDate farFuture = new SolarHijriDate(1700, 12, 1);
        assertEquals(farFuture, SolarHijri.of(SolarHijri.toLocalDate(farFuture)));
    }
}
