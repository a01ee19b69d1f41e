package ir.hamyar.ruleset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps this replica on the active version when another replica changes it: LISTENs on a pooled connection it holds for
 * the NOTIFY each committed change sends, and checks the database every {@code hamyar.rules.sync-interval} in case a
 * notification was lost (a dropped connection, a restart of PostgreSQL).
 */
@ApplicationScoped
public class RulesetFollower {

    private static final Logger LOG = Logger.getLogger(RulesetFollower.class);
    private static final long RECONNECT_PAUSE_MS = 1000;

    private final RulesetSync sync;
    private final RulesConfig config;
    private final AgroalDataSource dataSource;
    private volatile boolean running;
    private Thread thread;

    public RulesetFollower(RulesetSync sync, RulesConfig config, AgroalDataSource dataSource) {
        this.sync = sync;
        this.config = config;
        this.dataSource = dataSource;
    }

    void start(@Observes @Priority(RulesetStartup.PRIORITY + 10) StartupEvent event) {
        running = true;
        thread = new Thread(this::follow, "hamyar-ruleset-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void follow() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + RulesetVersions.CHANNEL);
                }
                checkSafely();
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Ruleset notifications interrupted (SQLState %s); reconnecting", e.getSQLState());
                    pause();
                }
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        long intervalMs = Math.max(100, config.syncInterval().toMillis());
        long nextCheck = System.currentTimeMillis() + intervalMs;
        while (running) {
            int wait = (int) Math.max(1, Math.min(500, nextCheck - System.currentTimeMillis()));
            PGNotification[] notifications = connection.getNotifications(wait);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    handle(notification.getParameter());
                }
            }
            if (System.currentTimeMillis() >= nextCheck) {
                checkSafely();
                nextCheck = System.currentTimeMillis() + intervalMs;
            }
        }
    }

    private void handle(String payload) {
        try {
            if (payload.startsWith(RulesetVersions.ACTIVATED)) {
                sync.sync();
            } else if (payload.startsWith(RulesetVersions.CREATED)) {
                sync.prepare(Integer.parseInt(payload.substring(RulesetVersions.CREATED.length())));
            }
        } catch (RuntimeException e) {
            LOG.errorf("Could not follow ruleset notification %s: %s", payload, e.getMessage());
        }
    }

    private void checkSafely() {
        try {
            sync.sync();
        } catch (RuntimeException e) {
            LOG.warnf("Checking the active ruleset failed: %s", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
