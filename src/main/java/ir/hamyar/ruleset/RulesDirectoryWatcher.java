package ir.hamyar.ruleset;

import io.quarkus.runtime.ShutdownEvent;
import ir.hamyar.engine.RuleTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polls the rules directory of a single-node installation every {@code hamyar.rules.watch-interval}. A tree whose
 * sha256 changed and then stayed the same for one more interval (an editor saving several files has finished) is
 * handed to {@link RulesDirectoryChanges}.
 */
@ApplicationScoped
public class RulesDirectoryWatcher {

    private static final Logger LOG = Logger.getLogger(RulesDirectoryWatcher.class);

    private final RulesDirectoryChanges changes;
    private final RulesConfig config;
    private ScheduledExecutorService timer;
    private String seen;
    private String settling;

    public RulesDirectoryWatcher(RulesDirectoryChanges changes, RulesConfig config) {
        this.changes = changes;
        this.config = config;
    }

    synchronized void watch(RulesSource source, String currentSha256) {
        if (source.directory().isEmpty() || !config.watch() || timer != null) {
            return;
        }
        seen = currentSha256;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hamyar-rules-watcher");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, config.watchInterval().toMillis());
        timer.scheduleWithFixedDelay(() -> check(source), interval, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for edits", source.describe());
    }

    private void check(RulesSource source) {
        try {
            RuleTree tree = source.read();
            String sha256 = tree.sha256();
            if (sha256.equals(seen)) {
                settling = null;
            } else if (sha256.equals(settling)) {
                seen = sha256;
                settling = null;
                LOG.infof("The rules in %s changed (sha256 %s)", source.describe(), sha256);
                changes.apply(tree, source);
            } else {
                settling = sha256;
            }
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read %s: %s", source.describe(), e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
