package ir.hamyar.ruleset;

import ir.hamyar.engine.Parameter;
import ir.hamyar.engine.Provenance;
import ir.hamyar.facts.Text;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parameter of the active ruleset as policy staff and auditors read it: both languages, provenance, dated values. */
@Schema(name = "Parameter")
public record ParameterView(
        String name,
        Text description,
        String unit,
        Text reference,
        @Schema(description = "whether a programme's text or our assumption set it; null when the version states none")
                Provenance provenance,
        @Schema(description = "value by the ISO date from which it applies") Map<String, BigDecimal> values) {

    static ParameterView of(Parameter parameter) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        parameter.values().forEach((from, value) -> values.put(from.toString(), value));
        return new ParameterView(
                parameter.name(),
                parameter.description(),
                parameter.unit(),
                parameter.reference(),
                parameter.provenance(),
                values);
    }
}
