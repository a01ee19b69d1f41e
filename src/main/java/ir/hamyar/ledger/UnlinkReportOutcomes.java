package ir.hamyar.ledger;

import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.db.JavaMigrationStep;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V19, as the owner, with the master key: moves what the reports count from {@code decision_outcome}
 * (seq, instant and ref beside each outcome) to {@code report_outcome} (a family's pseudonym under her live data key,
 * or a random one where none lives; the Solar Hijri month; her own order), then drops the old table; and seals, under
 * a key of each erasure's own, the fired rules of the decisions erased before, which their chain links cover by name.
 */
@Singleton
public class UnlinkReportOutcomes extends JavaMigrationStep {

    private static final String OUTCOMES = "select organisation, subject_ref, decided_at, tier, safe_house, stay,"
            + " sons_not_allowed, home_visit_month from decision_outcome order by organisation, subject_ref,"
            + " decided_at, seq";
    private static final String KEY = "select id, wrapped, master_key from subject_key where subject_ref = ?"
            + " and wrapped is not null and (coalesce(organisation, '') = coalesce(?, '') or shared)"
            + " order by shared limit 1";
    private static final String INSERT = "insert into report_outcome (organisation, family, month, n, tier, safe_house,"
            + " stay, sons_not_allowed, home_visit_month) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ERASED_RULES = "select d.id, d.erasure_id, array(select t.term from"
            + " unnest(d.fired_rule_ids) with ordinality f (id, n) join search_term t on t.id = f.id order by f.n)"
            + " from decision d where d.erasure_id is not null and d.key_id is not null and d.chain_form is null"
            + " and d.fired_rule_ids is not null order by d.erasure_id";

    private final MasterKeys masterKeys;
    private final SecureRandom random = new SecureRandom();

    public UnlinkReportOutcomes(MasterKeys masterKeys) {
        super("19", "report outcomes without links, erased fired rules sealed");
        this.masterKeys = masterKeys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        moveOutcomes(connection);
        sealErasedFiredRules(connection);
    }

    private void moveOutcomes(Connection connection) throws SQLException {
        List<String> family = null;
        byte[] pseudonym = null;
        int n = 0;
        try (PreparedStatement select = connection.prepareStatement(OUTCOMES);
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String organisation = rows.getString("organisation");
                    List<String> next = Arrays.asList(organisation, rows.getString("subject_ref"));
                    if (!next.equals(family)) {
                        family = next;
                        pseudonym = pseudonym(connection, organisation, next.get(1));
                        n = 0;
                    }
                    insert.setString(1, organisation);
                    insert.setBytes(2, pseudonym);
                    insert.setObject(
                            3,
                            SolarHijri.firstOfMonth(IranTime.dateOf(rows.getObject("decided_at", OffsetDateTime.class)
                                    .toInstant())));
                    insert.setInt(4, ++n);
                    insert.setString(5, rows.getString("tier"));
                    insert.setString(6, rows.getString("safe_house"));
                    insert.setString(7, rows.getString("stay"));
                    insert.setShort(8, rows.getShort("sons_not_allowed"));
                    insert.setObject(9, rows.getObject("home_visit_month"));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("drop table decision_outcome");
        }
    }

    /** The family's pseudonym under her live key, as new outcomes will carry it; a random one where none lives. */
    private byte[] pseudonym(Connection connection, String organisation, String ref) throws SQLException {
        if (!ref.startsWith("erased:")) {
            try (PreparedStatement select = connection.prepareStatement(KEY)) {
                select.setString(1, ref);
                select.setString(2, organisation);
                try (ResultSet key = select.executeQuery()) {
                    if (key.next()) {
                        return masterKeys
                                .unwrap(
                                        key.getObject("id", UUID.class),
                                        key.getString("master_key"),
                                        key.getBytes("wrapped"))
                                .pseudonym(ReportOutcomes.FAMILY);
                    }
                }
            }
        }
        byte[] none = new byte[16];
        random.nextBytes(none);
        return none;
    }

    private void sealErasedFiredRules(Connection connection) throws SQLException {
        Map<Long, DataKey> rulesKeys = new HashMap<>();
        try (Statement triggers = connection.createStatement()) {
            triggers.execute("alter table decision disable trigger decision_only_erased;"
                    + " alter table erasure disable trigger erasure_only_rewrapped");
        }
        List<Object[]> sealed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(ERASED_RULES);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                long erasure = rows.getLong(2);
                DataKey key = rulesKeys.computeIfAbsent(
                        erasure, made -> masterKeys.newDataKey().key());
                sealed.add(new Object[] {
                    ErasedFiredRules.seal(
                            key, List.of((String[]) rows.getArray(3).getArray()), id),
                    id
                });
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update decision set erased_fired_rules = ?, fired_rule_ids = null where id = ?")) {
            for (Object[] row : sealed) {
                update.setBytes(1, (byte[]) row[0]);
                update.setObject(2, row[1]);
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update erasure set rules_key_id = ?," + " rules_key_wrapped = ?, rules_key_master = ? where id = ?")) {
            for (Map.Entry<Long, DataKey> entry : rulesKeys.entrySet()) {
                update.setObject(1, entry.getValue().id());
                update.setBytes(
                        2,
                        masterKeys.wrap(entry.getValue().id(), entry.getValue().key()));
                update.setString(3, masterKeys.currentId());
                update.setLong(4, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement triggers = connection.createStatement()) {
            triggers.execute("alter table decision enable trigger decision_only_erased;"
                    + " alter table erasure enable trigger erasure_only_rewrapped");
        }
    }
}
