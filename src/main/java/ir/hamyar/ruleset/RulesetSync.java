package ir.hamyar.ruleset;

import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.problem.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings this replica to the version the database says is active: compiles it (or takes it ready from the cache),
 * warms it on its scenarios, then swaps it in. At startup, when nothing is served yet, it swaps first and warms after,
 * in the background: the version was validated when it was activated, and a cold ruleset serves sooner than none.
 * Activations are ordered by their event id, so a replica never goes back to an older version however notifications
 * and checks interleave.
 */
@ApplicationScoped
public class RulesetSync {

    private static final Logger LOG = Logger.getLogger(RulesetSync.class);

    private final RulesetVersions versions;
    private final RulesetCompilations compilations;
    private final RulesetValidator validator;
    private final ActiveRuleset active;
    private long failedActivation = -1;

    public RulesetSync(
            RulesetVersions versions,
            RulesetCompilations compilations,
            RulesetValidator validator,
            ActiveRuleset active) {
        this.versions = versions;
        this.compilations = compilations;
        this.validator = validator;
        this.active = active;
    }

    /** True when this replica switched to a version activated elsewhere. */
    public synchronized boolean sync() {
        Optional<RulesetVersions.Activation> current = versions.currentActivation();
        if (current.isEmpty()) {
            return false;
        }
        RulesetVersions.Activation activation = current.get();
        long local = active.peek().map(ActiveVersion::activationId).orElse(-1L);
        if (activation.eventId() <= local || activation.eventId() == failedActivation) {
            return false;
        }
        long started = System.nanoTime();
        CompiledRuleset ruleset;
        try {
            ruleset = compilations.compile(versions.verifiedTree(activation.version()));
        } catch (RuleCompilationException | DomainException e) {
            failedActivation = activation.eventId();
            LOG.errorf(
                    "Ruleset version %d was activated but does not verify or compile here; still serving the previous"
                            + " one: %s",
                    activation.version(), e.getMessage());
            return false;
        }
        boolean starting = active.peek().isEmpty();
        if (!starting && !compilations.isWarm(ruleset)) {
            validator.runScenarios(ruleset);
        }
        boolean switched = active.activate(new ActiveVersion(activation.version(), ruleset, activation.eventId()));
        if (starting && !compilations.isWarm(ruleset)) {
            compilations.later(() -> validator.runScenarios(ruleset)).exceptionally(failure -> {
                LOG.warnf(failure, "Warming ruleset version %d on its scenarios failed", activation.version());
                return null;
            });
        }
        if (switched) {
            LOG.infof(
                    "Now serving ruleset version %d (sha256 %s), %d ms after hearing of it",
                    activation.version(), activation.sha256(), (System.nanoTime() - started) / 1_000_000);
        }
        return switched;
    }

    /** Compiles and warms a new draft in the background, so that activating it later is only a swap. */
    public void prepare(int version) {
        versions.find(version)
                .filter(stored -> stored.status() == RulesetStatus.DRAFT)
                .filter(stored -> stored.integrity() == VersionSeals.Integrity.VERIFIED)
                .ifPresent(draft -> compilations
                        .submit(versions.verifiedTree(draft.version()))
                        .thenAccept(validator::runScenarios));
    }
}
