package ir.hamyar.decision;

import ir.hamyar.ledger.Failure;
import ir.hamyar.problem.Problem;

/** The rules could not decide a profile: carries the failure to be kept before the caller is answered. */
final class RuleFailure extends RuntimeException {

    private final transient Failure failure;

    RuleFailure(Failure failure) {
        super(failure.reason(), null, false, false);
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }

    /** The answer to the caller: a 500-class problem naming the ruleset version and the rule, and the failure's id. */
    Problem problem() {
        return Problem.of(
                        500,
                        "rules-failed",
                        "Rule evaluation failed",
                        "ruleset version " + failure.asked().rulesetVersion() + " could not decide: " + failure.reason()
                                + "; recorded as failed evaluation "
                                + failure.asked().id())
                .withFailureId(failure.asked().id().toString());
    }
}
