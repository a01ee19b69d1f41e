package ir.hamyar.engine;

import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.facts.Text;
import java.time.LocalDate;
import java.util.Map;

/**
 * Fills the {@code {name}} placeholders of a rule's reasons. The Persian reason shows dates in the Solar Hijri
 * calendar with Persian digits; the English one shows the ISO date with its Solar Hijri twin.
 */
final class ReasonRenderer {

    private ReasonRenderer() {}

    static String persian(String template, Map<String, Object> values) {
        return render(template, values, true);
    }

    static String english(String template, Map<String, Object> values) {
        return render(template, values, false);
    }

    /** A hand-written scan rather than a regex: it runs for every conclusion of every decision. */
    private static String render(String template, Map<String, Object> values, boolean persian) {
        if (template == null) {
            return null;
        }
        StringBuilder rendered = new StringBuilder(template.length() + 32);
        int copied = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
            int close = open + 1;
            while (close < template.length() && isWordChar(template.charAt(close))) {
                close++;
            }
            if (close == open + 1 || close == template.length() || template.charAt(close) != '}') {
                continue;
            }
            Object value = values.get(template.substring(open + 1, close));
            if (value != null) {
                rendered.append(template, copied, open).append(format(value, persian));
                copied = close + 1;
            }
        }
        return rendered.append(template, copied, template.length()).toString();
    }

    /** What {@code \\w} matches: the characters of a placeholder's name. */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String format(Object value, boolean persian) {
        if (value instanceof Text text) {
            return persian ? text.fa() : text.en();
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream()
                    .map(each -> format(each, persian))
                    .collect(java.util.stream.Collectors.joining(persian ? "؛ " : "; "));
        }
        if (value instanceof LocalDate date) {
            String jalali = SolarHijri.of(date).toString();
            return persian ? Digits.toPersian(jalali.replace('-', '/')) : date + " (" + jalali + ")";
        }
        return persian && value instanceof Number ? Digits.toPersian(value.toString()) : value.toString();
    }
}
