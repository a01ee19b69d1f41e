package ir.hamyar.ruleset;

import io.quarkus.runtime.StartupEvent;
import ir.hamyar.db.DatabaseBootstrap;
import ir.hamyar.engine.CompiledRuleset;
import ir.hamyar.engine.RuleCompilationException;
import ir.hamyar.engine.RuleCompiler;
import ir.hamyar.engine.RuleTree;
import ir.hamyar.engine.RuleTreeLoader;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Compiles the rule tree once at startup and makes it the active ruleset. A tree that does not compile stops the
 * service, after logging every problem with its file and line.
 */
@ApplicationScoped
public class RulesetStartup {

    private static final Logger LOG = Logger.getLogger(RulesetStartup.class);
    private static final Path CHECKOUT_RULES = Path.of("rules");

    private final RulesConfig config;
    private final RuleCompiler compiler;
    private final RulesetVersions versions;
    private final ActiveRuleset active;

    public RulesetStartup(RulesConfig config, RuleCompiler compiler, RulesetVersions versions, ActiveRuleset active) {
        this.config = config;
        this.compiler = compiler;
        this.versions = versions;
        this.active = active;
    }

    void onStart(@Observes @Priority(DatabaseBootstrap.PRIORITY + 10) StartupEvent event) throws SQLException {
        Optional<Path> directory = config.dir()
                .or(() -> Files.isDirectory(CHECKOUT_RULES) ? Optional.of(CHECKOUT_RULES) : Optional.empty());
        String source = directory.map(dir -> dir.toAbsolutePath().toString()).orElse("shipped rules");
        RuleTree tree = directory.map(RuleTreeLoader::fromDirectory).orElseGet(RuleTreeLoader::shipped);
        long started = System.nanoTime();
        CompiledRuleset ruleset;
        try {
            ruleset = compiler.compile(tree);
        } catch (RuleCompilationException e) {
            e.problems().forEach(problem -> LOG.errorf("Rule compilation error: %s", problem));
            throw e;
        }
        int version = versions.register(tree.sha256(), source);
        active.activate(new ActiveVersion(version, ruleset));
        LOG.infof(
                "Ruleset version %d (sha256 %s) from %s: %d rules, %d parameters, compiled in %d ms",
                version,
                tree.sha256(),
                source,
                ruleset.rules().size(),
                ruleset.parameters().all().size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
