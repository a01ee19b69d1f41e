package ir.hamyar.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

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
