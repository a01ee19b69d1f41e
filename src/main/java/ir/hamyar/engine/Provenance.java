package ir.hamyar.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.hamyar.facts.Text;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a rule or parameter comes from (Policy v1.2): a programme's own text, named by its key in
 * {@code programmes.yaml} with the Persian words it reads, or an assumption of ours with one line of why, in Persian
 * and English, for the programme to confirm or correct.
 */
@Schema(name = "Provenance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        Kind kind,
        @Schema(description = "the programme text's key (PROGRAMME only)") String programme,
        @Schema(description = "the programme's name (PROGRAMME only)") Text programmeName,
        @Schema(description = "the Persian words of the programme text it reads (PROGRAMME only)") String words,
        @Schema(description = "why we chose it (ASSUMPTION only)") Text why) {

    /** PROGRAMME: a programme's text says it; ASSUMPTION: we chose it. */
    public enum Kind {
        PROGRAMME,
        ASSUMPTION
    }

    public boolean assumption() {
        return kind == Kind.ASSUMPTION;
    }
}
