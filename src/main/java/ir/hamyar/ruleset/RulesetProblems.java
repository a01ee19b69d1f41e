package ir.hamyar.ruleset;

import ir.hamyar.problem.DomainException;

/** The answers a ruleset request can end with when it cannot do what was asked. */
final class RulesetProblems {

    private RulesetProblems() {}

    static DomainException unknownVersion(int version) {
        return new DomainException.NotFound("there is no ruleset version " + version);
    }

    static DomainException unknownFile(int version, String path) {
        return new DomainException.NotFound("ruleset version " + version + " has no file " + path);
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
            throw new DomainException.Conflict("ruleset-conflict", "Cannot activate", reason);
        }
    }
}
