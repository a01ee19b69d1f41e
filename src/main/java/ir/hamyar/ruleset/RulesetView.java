package ir.hamyar.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A version as the API shows it: its metadata, and when one version is asked for, its files and report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RulesetView(
        int version,
        String sha256,
        RulesetStatus status,
        OffsetDateTime createdAt,
        String createdBy,
        String comment,
        OffsetDateTime activatedAt,
        String activatedBy,
        List<RulesetVersion.Approval> approvals,
        VersionSeals.Integrity integrity,
        String source,
        ValidationReport report,
        List<StoredFile> files) {

    static RulesetView summary(RulesetVersion version) {
        return new RulesetView(
                version.version(),
                version.sha256(),
                version.status(),
                version.createdAt(),
                version.createdBy(),
                version.comment(),
                version.activatedAt(),
                version.activatedBy(),
                version.approvals(),
                version.integrity(),
                version.source(),
                null,
                null);
    }

    static RulesetView detail(RulesetVersion version, List<StoredFile> files) {
        RulesetView summary = summary(version);
        return new RulesetView(
                summary.version,
                summary.sha256,
                summary.status,
                summary.createdAt,
                summary.createdBy,
                summary.comment,
                summary.activatedAt,
                summary.activatedBy,
                summary.approvals,
                summary.integrity,
                summary.source,
                version.report(),
                files);
    }
}
