package ir.hamyar.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Four eyes: a policy user other than a draft's author approves it, which is kept as an APPROVED event. */
@ApplicationScoped
public class RulesetApprovals {

    private static final Logger LOG = Logger.getLogger(RulesetApprovals.class);

    private final RulesetVersions versions;

    public RulesetApprovals(RulesetVersions versions) {
        this.versions = versions;
    }

    /** The version as approved; 403 for its author, 409 unless it is a DRAFT this user has not approved yet. */
    public RulesetVersion approve(int version, String approver, String comment) {
        versions.approve(version, approver, comment);
        LOG.infof("Ruleset version %d approved by %s", version, approver);
        return versions.find(version).orElseThrow();
    }
}
