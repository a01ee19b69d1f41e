package ir.hamyar.evaluation;

import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.engine.Finding;
import ir.hamyar.facts.Text;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A conclusion as the contract returns it; every date in {@code details} comes with its {@code …Jalali} twin. */
@Schema(name = "Conclusion")
public record ConclusionView(
        String type,
        String subject,
        String value,
        Map<String, Object> details,
        String rule,
        @Schema(description = "why, in Persian and in English, ready to be read aloud to a family") Text reason,
        String reference) {

    public static ConclusionView of(Finding finding) {
        return new ConclusionView(
                finding.type(),
                finding.subject(),
                finding.value(),
                wireDetails(finding.details()),
                finding.rule(),
                finding.reason(),
                finding.reference());
    }

    private static Map<String, Object> wireDetails(Map<String, Object> details) {
        Map<String, Object> wire = new LinkedHashMap<>();
        details.forEach((name, value) -> {
            if (value instanceof LocalDate date) {
                wire.put(name, date.toString());
                wire.put(name + "Jalali", SolarHijri.of(date).toString());
            } else {
                wire.put(name, value);
            }
        });
        return wire;
    }
}
