package ir.hamyar.decision;

/** The rules could not decide a profile: carries the failed evaluation to be recorded before the caller is answered. */
final class RuleFailure extends RuntimeException {

    private final transient FailedEvaluation evaluation;

    RuleFailure(FailedEvaluation evaluation) {
        super(evaluation.reason(), null, false, false);
        this.evaluation = evaluation;
    }

    FailedEvaluation evaluation() {
        return evaluation;
    }
}
