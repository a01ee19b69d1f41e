package ir.hamyar.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request the rules could not decide, as auditors read it; {@code input} (the profile as received) only in the
 * full record of one failure, not in lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailedEvaluation(
        String failureId,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        OffsetDateTime failedAt,
        String caller,
        String idempotencyKey,
        AuditRecord.Ruleset ruleset,
        String rule,
        String reason,
        String requestSha256,
        String input) {}
