package ir.hamyar.ruleset;

import ir.hamyar.engine.RuleTree;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * A rules tree on disk that differs from the active version (an operator edited {@code rules/}, or a release ships new
 * rules) becomes a draft like any upload; with {@code hamyar.rules.auto-activate} it is activated once it validates.
 * A change that does not validate is logged with its report and changes nothing.
 */
@ApplicationScoped
public class RulesDirectoryChanges {

    static final String ACTOR = "rules-directory";
    private static final Logger LOG = Logger.getLogger(RulesDirectoryChanges.class);

    private final RulesetDrafts drafts;
    private final RulesetActivator activator;
    private final RulesetVersions versions;
    private final RulesConfig config;

    public RulesDirectoryChanges(
            RulesetDrafts drafts, RulesetActivator activator, RulesetVersions versions, RulesConfig config) {
        this.drafts = drafts;
        this.activator = activator;
        this.versions = versions;
        this.config = config;
    }

    public void apply(RuleTree tree, RulesSource source) {
        DraftReport report = drafts.create(tree, source.describe(), ACTOR, "the rules on disk changed");
        if (report.type() != null) {
            LOG.errorf(
                    "The rules in %s do not validate (version %d, REJECTED); the active version is unchanged: %s",
                    source.describe(), report.version(), report.detail());
            new ValidationReport(report.compiled(), report.errors(), report.scenarios())
                    .problemLines()
                    .forEach(LOG::error);
            return;
        }
        RulesetVersion version = versions.find(report.version()).orElseThrow();
        if (version.status() == RulesetStatus.ACTIVE) {
            return;
        }
        if (!config.autoActivate()) {
            LOG.infof(
                    "The rules in %s are %s version %d; activate it with POST /api/v1/rulesets/%d/activate",
                    source.describe(), version.status(), version.version(), version.version());
            return;
        }
        try {
            activator.activate(
                    version.version(), ACTOR, "activated automatically: it is what " + source.describe() + " holds");
        } catch (RuntimeException e) {
            LOG.errorf("Could not activate the rules in %s: %s", source.describe(), e.getMessage());
        }
    }
}
