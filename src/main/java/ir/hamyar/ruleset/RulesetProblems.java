package ir.hamyar.ruleset;

import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;

/** The answers a ruleset request can end with when it cannot do what was asked. */
final class RulesetProblems {

    private RulesetProblems() {}

    static ProblemException unknownVersion(int version) {
        return new ProblemException(
                Problem.of(404, "not-found", "Not found", "there is no ruleset version " + version));
    }

    static ProblemException unknownFile(int version, String path) {
        return new ProblemException(
                Problem.of(404, "not-found", "Not found", "ruleset version " + version + " has no file " + path));
    }

    static void checkActivatable(RulesetVersion version) {
        String reason =
                switch (version.status()) {
                    case ACTIVE -> "version " + version.version() + " is already active";
                    case REJECTED ->
                        "version " + version.version()
                                + " was rejected (it does not compile or its scenarios fail) and can never be activated";
                    case DRAFT, RETIRED ->
                        version.hasFiles()
                                ? null
                                : "version " + version.version()
                                        + " was recorded before rule trees were stored; its files are not kept";
                };
        if (reason != null) {
            throw new ProblemException(Problem.of(409, "ruleset-conflict", "Cannot activate", reason));
        }
    }
}
