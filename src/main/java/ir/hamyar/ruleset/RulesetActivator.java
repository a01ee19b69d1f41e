package ir.hamyar.ruleset;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Makes a version the active one. The version is compiled (usually it is ready already) and, unless this compiled
 * KieBase already ran them (when the draft was validated, or while it was active before), its scenarios are run again
 * before anything changes, which both re-checks it and warms it; only then is it marked active in the database and
 * swapped in here, one reference, while decisions in flight finish on the version they started with.
 */
@ApplicationScoped
public class RulesetActivator {

    private static final Logger LOG = Logger.getLogger(RulesetActivator.class);

    private final RulesetVersions versions;
    private final RulesetCompilations compilations;
    private final RulesetValidator validator;
    private final ActiveRuleset active;
    private final int approvalsRequired;

    public RulesetActivator(
            RulesetVersions versions,
            RulesetCompilations compilations,
            RulesetValidator validator,
            ActiveRuleset active,
            RulesConfig config) {
        this.versions = versions;
        this.compilations = compilations;
        this.validator = validator;
        this.active = active;
        this.approvalsRequired = config.approvalsRequired();
    }

    /** The activated version; a 404, 409 or a 422 {@link DraftReport} when it cannot be activated. */
    public RulesetVersion activate(int number, String actor, String comment) {
        RulesetVersion version = versions.find(number).orElseThrow(() -> RulesetProblems.unknownVersion(number));
        RulesetProblems.checkActivatable(version);
        if (version.status() == RulesetStatus.DRAFT) {
            RulesetProblems.checkApproved(version, approvalsRequired);
        }
        long started = System.nanoTime();
        CompiledRuleset ruleset;
        try {
            ruleset = compilations.compile(versions.verifiedTree(number));
        } catch (RuleCompilationException e) {
            throw new RulesetRefusedException(
                    DraftReport.of(version, ValidationReport.notCompiled(e.problems()), false));
        }
        if (!compilations.isWarm(ruleset)) {
            ValidationReport report = validator.runScenarios(ruleset);
            if (!report.valid()) {
                throw new RulesetRefusedException(DraftReport.of(version, report, false));
            }
        }
        RulesetEvent event = versions.activate(number, actor, comment, approvalsRequired);
        active.activate(new ActiveVersion(number, ruleset, event.id()));
        LOG.infof(
                "Ruleset version %d %s by %s (was %s) after %d ms: %s",
                number,
                event.action() == RulesetAction.ROLLED_BACK ? "reinstated (rollback)" : "activated",
                actor,
                event.previousVersion(),
                (System.nanoTime() - started) / 1_000_000,
                comment);
        return versions.find(number).orElseThrow();
    }

    /** A version that failed validation when it was to be activated; answered as a 422 with its report. */
    public static class RulesetRefusedException extends ProblemException {

        private final transient DraftReport report;

        RulesetRefusedException(DraftReport report) {
            super(ir.hamyar.problem.Problem.of(422, "ruleset-invalid", "Ruleset does not validate", report.detail()));
            this.report = report;
        }

        public DraftReport report() {
            return report;
        }
    }
}
