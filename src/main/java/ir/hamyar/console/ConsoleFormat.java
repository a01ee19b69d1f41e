package ir.hamyar.console;

import io.quarkus.qute.TemplateExtension;
import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.facts.Text;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes dates and numbers: Solar Hijri with Persian digits in Persian (ISO beside it in English),
 * numbers with Persian digits and the Persian thousands separator (٬).
 */
@TemplateExtension
public final class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");

    private ConsoleFormat() {}

    /** {@code 1405/09/11} in Persian digits, or {@code 1405-09-11 (2026-12-02)} in English. */
    static String day(LocalDate date, String lang) {
        if (date == null) {
            return "";
        }
        String jalali = SolarHijri.of(date).toString();
        return Messages.PERSIAN.equals(lang) ? Digits.toPersian(jalali.replace('-', '/')) : jalali + " (" + date + ")";
    }

    /** A Solar Hijri date as the API writes it ({@code 1405-08-29}), as a person reads it in the language. */
    static String solarHijri(String jalali, String lang) {
        return Messages.PERSIAN.equals(lang) ? Digits.toPersian(jalali.replace('-', '/')) : jalali;
    }

    /** A moment as its day and time in Iran. */
    static String moment(OffsetDateTime at, String lang) {
        if (at == null) {
            return "";
        }
        var local = at.atZoneSameInstant(IranTime.ZONE);
        String time = TIME.format(local);
        return day(local.toLocalDate(), lang) + " " + (Messages.PERSIAN.equals(lang) ? Digits.toPersian(time) : time);
    }

    static String moment(Instant at, String lang) {
        return at == null ? "" : moment(at.atOffset(ZoneOffset.UTC), lang);
    }

    /** A whole number or a decimal, grouped, in the digits of the language. */
    static String num(Object value, String lang) {
        if (value == null) {
            return "";
        }
        if (!Messages.PERSIAN.equals(lang)) {
            return value instanceof BigDecimal decimal
                    ? decimal.stripTrailingZeros().toPlainString()
                    : value.toString();
        }
        NumberFormat format = NumberFormat.getNumberInstance(PERSIAN);
        format.setMaximumFractionDigits(6);
        String grouped = format.format(value instanceof Number number ? number : new BigDecimal(value.toString()));
        return Digits.toPersian(grouped.replace(',', '٬'));
    }

    /** {@code safehouse/SonPastTheAgeLimit…} → {@code SonPastTheAgeLimit…}: the anchor of a rule in its file. */
    static String ruleName(String ruleId) {
        return ruleId.substring(ruleId.lastIndexOf('/') + 1);
    }

    /** {@code safehouse.sonMaxAge} → {@code safehouse}. */
    static String programmeOfParameter(String parameter) {
        int dot = parameter.indexOf('.');
        return dot < 0 ? parameter : parameter.substring(0, dot);
    }

    /** A Persian-and-English text in the page's language; the other language when that one is missing. */
    static String in(Text text, String lang) {
        if (text == null) {
            return "";
        }
        String wanted = Messages.PERSIAN.equals(lang) ? text.fa() : text.en();
        return wanted != null ? wanted : Messages.PERSIAN.equals(lang) ? text.en() : text.fa();
    }

    /** Digits of the language in any text or number written as is, ungrouped (version numbers, Solar Hijri dates). */
    static String digits(Object value, String lang) {
        String text = value == null ? "" : value.toString();
        return Messages.PERSIAN.equals(lang) ? Digits.toPersian(text) : text;
    }
}
