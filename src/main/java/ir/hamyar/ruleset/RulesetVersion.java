package ir.hamyar.ruleset;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored ruleset version's metadata: identity, lifecycle and origin. Its files are read separately. */
public record RulesetVersion(
        int version,
        String sha256,
        RulesetStatus status,
        String source,
        OffsetDateTime createdAt,
        String createdBy,
        String comment,
        OffsetDateTime activatedAt,
        String activatedBy,
        ValidationReport report,
        int fileCount,
        List<Approval> approvals,
        VersionSeals.Integrity integrity) {

    /** Versions recorded before trees were stored have no files and can never be activated again. */
    public boolean hasFiles() {
        return fileCount > 0;
    }

    /** Changed outside the service: its seal or tree hash does not verify, so it is never compiled or activated. */
    public boolean broken() {
        return integrity == VersionSeals.Integrity.BROKEN;
    }

    /** A policy user other than the author approved this draft (four eyes). */
    public record Approval(String by, OffsetDateTime at, String comment) {}
}
