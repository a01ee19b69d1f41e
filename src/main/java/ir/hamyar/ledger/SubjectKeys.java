package ir.hamyar.ledger;

import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The live data keys of subjects (table {@code subject_key}), in the caller's transaction. Nothing may be sealed under
 * a key an erasure is wiping: the decision writer looks its keys up under the chain's advisory lock, which an erasure
 * takes too; the rarer writers (failed evaluations, overrides) take each key {@code FOR SHARE} until they commit,
 * which an erasure's {@code FOR UPDATE} waits for — a writer that waited on an erasure finds no live key and makes
 * the subject a new one.
 */
final class SubjectKeys {

    private static final String LIVE = "select id, subject_ref, wrapped, master_key from subject_key"
            + " where subject_ref = any(?) and wrapped is not null";
    private static final String MAKE = "insert into subject_key (id, subject_ref, wrapped, master_key)"
            + " values (?, ?, ?, ?) on conflict (subject_ref) where wrapped is not null do nothing";

    private SubjectKeys() {}

    /**
     * The live data key of each subject, made for those that have none; {@code share}: each held {@code FOR SHARE}
     * (a caller not under the chain's lock).
     */
    static Map<String, DataKey> live(
            Connection connection, Collection<String> subjectRefs, MasterKeys masterKeys, boolean share)
            throws SQLException {
        Set<String> subjects = new LinkedHashSet<>(subjectRefs);
        try (Statement plans = connection.createStatement()) {
            // A cached generic plan made while subject_key was small scans the whole table for ever after, unless
            // statistics are renewed (not where autovacuum is off): plan each look-up for the array it is given.
            plans.execute("set local plan_cache_mode = force_custom_plan");
        }
        Map<String, DataKey> keys = select(connection, subjects, masterKeys, share);
        if (keys.size() == subjects.size()) {
            return keys;
        }
        try (PreparedStatement make = connection.prepareStatement(MAKE)) {
            for (String subject : subjects) {
                if (!keys.containsKey(subject)) {
                    MasterKeys.NewKey made = masterKeys.newDataKey();
                    make.setObject(1, made.key().id());
                    make.setString(2, subject);
                    make.setBytes(3, made.wrapped());
                    make.setString(4, made.masterId());
                    make.addBatch();
                }
            }
            make.executeBatch();
        }
        // another writer may have made some of them first: read what is live now
        subjects.removeAll(keys.keySet());
        keys.putAll(select(connection, subjects, masterKeys, share));
        return keys;
    }

    private static Map<String, DataKey> select(
            Connection connection, Set<String> subjects, MasterKeys masterKeys, boolean share) throws SQLException {
        Map<String, DataKey> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        try (PreparedStatement select = connection.prepareStatement(share ? LIVE + " for share" : LIVE)) {
            select.setArray(1, connection.createArrayOf("varchar", subjects.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.put(
                            rows.getString("subject_ref"),
                            masterKeys.unwrap(
                                    rows.getObject("id", UUID.class),
                                    rows.getString("master_key"),
                                    rows.getBytes("wrapped")));
                }
            }
        }
        return keys;
    }
}
