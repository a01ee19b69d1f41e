package ir.hamyar.decision;

import ir.hamyar.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A request the rules could not decide, as it is kept for auditors: what was asked and by whom, under which ruleset
 * version, the rule that failed (when known) and why, in words that name rules, never facts.
 */
record FailedEvaluation(
        UUID id,
        String kind,
        String subjectRef,
        LocalDate assessedOn,
        Instant failedAt,
        String caller,
        String idempotencyKey,
        String requestSha256,
        int rulesetVersion,
        String rulesetSha256,
        String rule,
        String reason,
        String input) {

    /** The answer to the caller: a 500-class problem naming the ruleset version and the rule, and this record. */
    Problem problem() {
        return Problem.of(
                        500,
                        "rule-failure",
                        "Rule evaluation failed",
                        "ruleset version " + rulesetVersion + " could not decide: " + reason
                                + "; recorded as failed evaluation " + id)
                .withFailureId(id.toString());
    }
}
