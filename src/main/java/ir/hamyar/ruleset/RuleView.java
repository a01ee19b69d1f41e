package ir.hamyar.ruleset;

import com.fasterxml.jackson.annotation.JsonProperty;
import ir.hamyar.engine.Provenance;
import ir.hamyar.engine.RuleInfo;
import ir.hamyar.facts.Text;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rule of the active ruleset as policy staff and auditors read it; reasons are the templates as written. */
@Schema(name = "Rule")
public record RuleView(
        String rule,
        @JsonProperty("package") String packageName,
        String name,
        String file,
        Text reason,
        String reference,
        @Schema(
                        description =
                                "whether a programme's text or our assumption decided it; null when the version states none")
                Provenance provenance,
        List<String> parameters) {

    static RuleView of(RuleInfo info) {
        int slash = info.id().lastIndexOf('/');
        return new RuleView(
                info.id(),
                info.id().substring(0, slash),
                info.id().substring(slash + 1),
                info.file(),
                info.reason(),
                info.reference(),
                info.provenance(),
                info.parameters());
    }
}
