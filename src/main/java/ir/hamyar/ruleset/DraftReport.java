package ir.hamyar.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.hamyar.engine.CompileProblem;
import java.util.List;

/**
 * The answer to a new draft (and to an activation that fails validation): the version, its status and its validation
 * report; {@code existing} when the same tree was stored before. A refused one is also a problem detail, so it carries
 * {@code type}, {@code title} and {@code detail}; its {@code status} stays the version's status (REJECTED) as the
 * contract's report has it, the HTTP status is 422.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DraftReport(
        String type,
        String title,
        String detail,
        int version,
        String sha256,
        RulesetStatus status,
        boolean compiled,
        List<CompileProblem> errors,
        ValidationReport.Scenarios scenarios,
        boolean existing) {

    static final String REFUSED_TYPE = "urn:hamyar:problem:ruleset-invalid";

    static DraftReport of(RulesetVersion version, boolean existing) {
        return of(version, version.report(), existing);
    }

    static DraftReport of(RulesetVersion version, ValidationReport report, boolean existing) {
        ValidationReport shown = report == null
                ? new ValidationReport(true, List.of(), new ValidationReport.Scenarios(0, List.of()))
                : report;
        boolean refused = !shown.valid();
        return new DraftReport(
                refused ? REFUSED_TYPE : null,
                refused ? "Ruleset does not validate" : null,
                refused ? shown.summary() : null,
                version.version(),
                version.sha256(),
                version.status(),
                shown.compiled(),
                shown.errors(),
                shown.scenarios(),
                existing);
    }

    public int httpStatus(int whenValid) {
        return type == null ? whenValid : 422;
    }
}
