package ir.hamyar.ruleset;

import io.quarkus.runtime.StartupEvent;
import ir.hamyar.db.DatabaseBootstrap;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleTree;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Puts the active version to work at startup. The database decides which version that is; on a database with none
 * (a first start) the rules on disk become version 1, and a tree that does not compile or whose scenarios fail then
 * stops the service, after logging every problem. Otherwise the active version starts loading (or compiling) right
 * after the database is ready and is put to work after every other startup observer, so that the rest of the service
 * starts meanwhile. Rules on disk that differ from the active version are handled as an edit of the directory (a
 * draft, activated if so configured); they never stop a service that has a good version.
 */
@ApplicationScoped
public class RulesetStartup {

    public static final int PRIORITY = DatabaseBootstrap.PRIORITY + 10;
    /** After every other startup observer (the default priority is {@code Interceptor.Priority.APPLICATION + 500}). */
    public static final int SERVE_PRIORITY = Interceptor.Priority.PLATFORM_AFTER + 1000;

    private static final Logger LOG = Logger.getLogger(RulesetStartup.class);

    private final RulesConfig config;
    private final RulesetVersions versions;
    private final RulesetCompilations compilations;
    private final RulesetValidator validator;
    private final RulesetSync sync;
    private final RulesDirectoryChanges changes;
    private final RulesDirectoryWatcher watcher;
    private final ActiveRuleset active;
    private long started;
    private RulesSource source;
    private RuleTree tree;

    public RulesetStartup(
            RulesConfig config,
            RulesetVersions versions,
            RulesetCompilations compilations,
            RulesetValidator validator,
            RulesetSync sync,
            RulesDirectoryChanges changes,
            RulesDirectoryWatcher watcher,
            ActiveRuleset active) {
        this.config = config;
        this.versions = versions;
        this.compilations = compilations;
        this.validator = validator;
        this.sync = sync;
        this.changes = changes;
        this.watcher = watcher;
        this.active = active;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        started = System.nanoTime();
        source = RulesSource.of(config);
        tree = source.read();
        versions.currentActivation()
                .ifPresentOrElse(
                        activation -> compilations.submit(versions.verifiedTree(activation.version())),
                        () -> firstStart(tree, source));
    }

    void serve(@Observes @Priority(SERVE_PRIORITY) StartupEvent event) {
        sync.sync();
        ActiveVersion serving = active.peek()
                .orElseThrow(() -> new IllegalStateException(
                        "the active ruleset version cannot be compiled by this build; see the errors above"));
        LOG.infof(
                "Ruleset version %d (sha256 %s): %d rules, %d parameters, ready in %d ms",
                serving.version(),
                serving.sha256(),
                serving.ruleset().rules().size(),
                serving.ruleset().parameters().all().size(),
                (System.nanoTime() - started) / 1_000_000);
        if (!tree.sha256().equals(serving.sha256())) {
            changes.apply(tree, source);
        }
        watcher.watch(source, tree.sha256());
    }

    private void firstStart(RuleTree tree, RulesSource source) {
        CompiledRuleset ruleset;
        try {
            ruleset = compilations.compile(tree);
        } catch (RuleCompilationException e) {
            e.problems().forEach(problem -> LOG.errorf("Rule compilation error: %s", problem));
            throw e;
        }
        ValidationReport report = validator.runScenarios(ruleset);
        if (!report.valid()) {
            report.problemLines().forEach(LOG::error);
            throw new IllegalStateException("the rules in " + source.describe() + " fail their scenarios");
        }
        Optional<RulesetVersions.Activation> first = versions.bootstrap(new RulesetVersions.NewVersion(
                tree,
                RulesetStatus.ACTIVE,
                source.describe(),
                "system",
                "first start: the database had no active ruleset",
                report));
        first.ifPresent(activation -> {
            active.activate(new ActiveVersion(activation.version(), ruleset, activation.eventId()));
            LOG.infof("First start: the rules from %s are version %d", source.describe(), activation.version());
        });
    }
}
