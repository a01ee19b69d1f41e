package ir.hamyar.ruleset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ir.hamyar.workers.Worker;
import ir.hamyar.workers.Workers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    private final Workers workers;
    private Worker worker;

    public RulesetFollower(RulesetSync sync, RulesConfig config, AgroalDataSource dataSource, Workers workers) {
        this.sync = sync;
        this.config = config;
        this.dataSource = dataSource;
        this.workers = workers;
    }

    void start(@Observes @Priority(RulesetStartup.SERVE_PRIORITY + 10) StartupEvent event) {
        worker = workers.start("hamyar-ruleset-follower", Duration.ofMillis(RECONNECT_PAUSE_MS), this::follow);
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            workers.stop(worker);
        }
    }

    /** One connection's life: LISTEN, catch up, then follow notifications until it breaks (the worker reconnects). */
    private void follow(Worker worker) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("listen " + RulesetVersions.CHANNEL);
            }
            checkSafely();
            listen(worker, connection.unwrap(PGConnection.class));
        } catch (SQLException e) {
            if (!worker.stopping()) {
                LOG.warnf("Ruleset notifications interrupted (SQLState %s); reconnecting", e.getSQLState());
            }
            throw e;
        }
    }

    private void listen(Worker worker, PGConnection connection) throws SQLException {
        long intervalMs = Math.max(100, config.syncInterval().toMillis());
        long nextCheck = System.currentTimeMillis() + intervalMs;
        while (!worker.stopping()) {
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
}
