package ir.hamyar.ruleset;

import ir.hamyar.problem.DomainException;

/** The answers a ruleset request can end with when it cannot do what was asked. */
final class RulesetProblems {

    private RulesetProblems() {}

    static DomainException unknownVersion(int version) {
        return new DomainException.NotFound("there is no ruleset version " + version);
    }

    /** A version changed behind the service's back: never compiled or activated. */
    static DomainException integrityBroken(int version) {
        return new DomainException.Conflict(
                "ruleset-integrity",
                "Version does not verify",
                "ruleset version " + version + " is not what the service sealed: its files, approvals or status were"
                        + " changed outside the service, so it is never compiled or activated");
    }

    static DomainException unknownFile(int version, String path) {
        return new DomainException.NotFound("ruleset version " + version + " has no file " + path);
    }

    static void checkApproved(RulesetVersion draft, int required) {
        int approvals = draft.approvals().size();
        if (approvals < required) {
            throw new DomainException.Conflict(
                    "approval-missing",
                    "Approval missing",
                    "draft " + draft.version() + " has " + approvals + " of the " + required
                            + " approval(s) required: a policy user other than its author (" + draft.createdBy()
                            + ") must approve it first (POST /api/v1/rulesets/" + draft.version() + "/approve)");
        }
    }

    static void checkApprovable(RulesetVersion version, String approver) {
        if (version.status() != RulesetStatus.DRAFT) {
            throw new DomainException.Conflict(
                    "ruleset-conflict",
                    "Cannot approve",
                    "version " + version.version() + " is " + version.status() + "; only a DRAFT can be approved");
        }
        if (version.createdBy().equals(approver)) {
            throw new DomainException.Forbidden(
                    "own-draft",
                    "Cannot approve your own draft",
                    "draft " + version.version() + " was made by you; another policy user must approve it");
        }
        if (version.approvals().stream().anyMatch(approval -> approval.by().equals(approver))) {
            throw new DomainException.Conflict(
                    "ruleset-conflict", "Approved already", "you approved draft " + version.version() + " already");
        }
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
