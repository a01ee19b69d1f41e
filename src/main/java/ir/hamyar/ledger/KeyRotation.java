package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import ir.hamyar.db.Jdbc;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.workers.Worker;
import ir.hamyar.workers.Workers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Master key rotation: when {@code hamyar.privacy.previous-master-keys} is set, a worker wraps every live data key
 * (and every erasure's key of sealed fired rules) still under a previous master key again under the current one, a batch per transaction ({@code SKIP LOCKED}, so
 * replicas share the work and writers are not held up), then stops and logs that the previous keys may be removed.
 */
@ApplicationScoped
public class KeyRotation {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final String NEXT = "select id, wrapped, master_key from subject_key"
            + " where wrapped is not null and master_key <> ? limit " + BATCH + " for update skip locked";
    private static final String REWRAP = "update subject_key set wrapped = ?, master_key = ? where id = ?";
    private static final String NEXT_RULES_KEYS = "select rules_key_id id, rules_key_wrapped wrapped,"
            + " rules_key_master master_key from erasure where rules_key_wrapped is not null and rules_key_master <> ?"
            + " limit " + BATCH + " for update skip locked";
    private static final String REWRAP_RULES_KEY =
            "update erasure set rules_key_wrapped = ?, rules_key_master = ? where rules_key_id = ?";

    private final AgroalDataSource dataSource;
    private final MasterKeys masterKeys;
    private final Workers workers;

    public KeyRotation(AgroalDataSource dataSource, MasterKeys masterKeys, Workers workers) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
        this.workers = workers;
    }

    void start(@Observes StartupEvent event) {
        if (masterKeys.rotating()) {
            workers.start("hamyar-key-rotation", Duration.ofSeconds(5), this::rewrapAll);
        }
    }

    private void rewrapAll(Worker worker) {
        long total = 0;
        for (int done = rewrapBatch(); done > 0 && !worker.stopping(); done = rewrapBatch()) {
            total += done;
        }
        if (!worker.stopping()) {
            LOG.infof(
                    "Key rotation done: %d data key(s) wrapped again under master key %s; no data key is under a"
                            + " previous master key now, so hamyar.privacy.previous-master-keys may be removed",
                    total, masterKeys.currentId());
            workers.stop(worker);
        }
    }

    /** Rewraps one batch of data keys, then of erasures' keys; answers how many keys it rewrapped. */
    int rewrapBatch() {
        int done = rewrapBatch(NEXT, REWRAP);
        return done > 0 ? done : rewrapBatch(NEXT_RULES_KEYS, REWRAP_RULES_KEY);
    }

    private int rewrapBatch(String nextSql, String rewrapSql) {
        return Jdbc.inTransaction(dataSource, connection -> {
            int done = 0;
            try (PreparedStatement next = connection.prepareStatement(nextSql);
                    PreparedStatement rewrap = connection.prepareStatement(rewrapSql)) {
                next.setString(1, masterKeys.currentId());
                try (ResultSet rows = next.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject("id", UUID.class);
                        DataKey key = masterKeys.unwrap(id, rows.getString("master_key"), rows.getBytes("wrapped"));
                        rewrap.setBytes(1, masterKeys.wrap(id, key.key()));
                        rewrap.setString(2, masterKeys.currentId());
                        rewrap.setObject(3, id);
                        rewrap.addBatch();
                        done++;
                    }
                }
                if (done > 0) {
                    rewrap.executeBatch();
                }
            }
            return done;
        });
    }
}
