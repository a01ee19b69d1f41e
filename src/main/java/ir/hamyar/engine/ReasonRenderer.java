package ir.hamyar.engine;

import ir.hamyar.calendar.Digits;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.facts.Text;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {name}} placeholders of a rule's reasons. The Persian reason shows dates in the Solar Hijri
 * calendar with Persian digits; the English one shows the ISO date with its Solar Hijri twin.
 */
final class ReasonRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private ReasonRenderer() {}

    static String persian(String template, Map<String, Object> values) {
        return render(template, values, true);
    }

    static String english(String template, Map<String, Object> values) {
        return render(template, values, false);
    }

    private static String render(String template, Map<String, Object> values, boolean persian) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            Object value = values.get(matcher.group(1));
            String text = value == null ? matcher.group() : format(value, persian);
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
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
