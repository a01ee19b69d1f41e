package ir.hamyar.ruleset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import ir.hamyar.db.Jdbc;
import ir.hamyar.privacy.MasterKeys;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Master key rotation for the versions' seals: when {@code hamyar.privacy.previous-master-keys} is set, every version
 * sealed under a previous master key, and verifying under it, is sealed again under the current one at start, so that
 * the previous keys can be removed once the data keys are wrapped again (ledger's KeyRotation) without breaking a
 * single version.
 */
@ApplicationScoped
public class VersionSealRotation {

    private static final Logger LOG = Logger.getLogger(VersionSealRotation.class);

    private final AgroalDataSource dataSource;
    private final MasterKeys keys;
    private final VersionSeals seals;

    public VersionSealRotation(AgroalDataSource dataSource, MasterKeys keys, VersionSeals seals) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.seals = seals;
    }

    void start(@Observes @Priority(RulesetStartup.PRIORITY - 1) StartupEvent event) {
        if (keys.rotating()) {
            int sealed = resealUnderCurrentKey();
            if (sealed > 0) {
                LOG.infof("Sealed %d ruleset version(s) again under master key %s", sealed, keys.currentId());
            }
        }
    }

    /** Seals again under the current master key what verifies under a previous one; answers how many. */
    public int resealUnderCurrentKey() {
        return Jdbc.inTransaction(dataSource, seals::resealUnderCurrentKey);
    }
}
