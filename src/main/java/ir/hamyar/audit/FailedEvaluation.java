package ir.hamyar.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import ir.hamyar.ledger.Asked;
import ir.hamyar.ledger.Erased;
import ir.hamyar.ledger.Failure;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        Instant failedAt,
        String caller,
        String organisation,
        String idempotencyKey,
        AuditRecord.Ruleset ruleset,
        String rule,
        String reason,
        String requestSha256,
        String input,
        @Schema(description = "present once the subject was erased; the input is then absent") Erased erased) {

    public static FailedEvaluation of(Failure failure) {
        Asked asked = failure.asked();
        return new FailedEvaluation(
                asked.id().toString(),
                asked.kind(),
                asked.subjectRef(),
                asked.assessedOn(),
                asked.at(),
                asked.caller(),
                asked.organisation(),
                asked.idempotencyKey(),
                AuditRecord.Ruleset.of(asked),
                failure.rule(),
                failure.reason(),
                asked.requestSha256(),
                asked.input(),
                failure.erased());
    }
}
