package ir.hamyar.ruleset;

import ir.hamyar.engine.Indicator;
import ir.hamyar.facts.Text;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator of the active catalogue, for building intake forms: labels and an anchor per score 1–5. */
@Schema(name = "Indicator")
public record IndicatorView(String code, String domain, Text label, Map<Integer, Text> anchors, String reference) {

    static IndicatorView of(Indicator indicator) {
        return new IndicatorView(
                indicator.code(), indicator.domain(), indicator.label(), indicator.anchors(), indicator.reference());
    }
}
