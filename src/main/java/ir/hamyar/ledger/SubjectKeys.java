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
import java.util.TreeSet;
import java.util.UUID;

/**
 * The live data keys of subjects (table {@code subject_key}), in the caller's transaction. Nothing may be sealed under
 * a key an erasure is wiping: a decision writer looks its keys up under its lane's advisory lock, and an erasure takes
 * every lane's; the rarer writers (failed evaluations, overrides) take each key {@code FOR SHARE} until they commit,
 * which an erasure's {@code FOR UPDATE} waits for — a writer that waited on an erasure finds no live key and makes
 * the subject a new one.
 */
final class SubjectKeys {

    private static final String LIVE = "select id, subject_ref, wrapped, master_key from subject_key"
            + " where subject_ref = any(?) and wrapped is not null";
    private static final String MAKE = "insert into subject_key (id, subject_ref, wrapped, master_key)"
            + " values (?, ?, ?, ?) on conflict (subject_ref) where wrapped is not null do nothing";
    /**
     * The writer's look-up in one round trip: a new key offered for every subject, kept where the subject has no live
     * one, and the live keys the statement's snapshot saw besides (a key made by another writer after that snapshot is
     * in neither, and is read again).
     */
    private static final String MAKE_OR_READ = "with made as (insert into subject_key (id, subject_ref, wrapped,"
            + " master_key) select * from unnest(?::uuid[], ?::varchar[], ?::bytea[], ?::varchar[])"
            + " on conflict (subject_ref) where wrapped is not null do nothing"
            + " returning id, subject_ref, wrapped, master_key)"
            + " select id, subject_ref, wrapped, master_key from made union all"
            + " select id, subject_ref, wrapped, master_key from subject_key"
            + " where subject_ref = any(?::varchar[]) and wrapped is not null";
    /**
     * A cached generic plan made while subject_key was small scans the whole table for ever after, unless statistics
     * are renewed (not where autovacuum is off): each look-up is planned for the array it is given. The chain writer
     * sets this with its lock, in the same round trip.
     */
    static final String PLAN_EACH_LOOKUP = "set local plan_cache_mode = force_custom_plan";

    private SubjectKeys() {}

    /**
     * The live data key of each subject, made for those that have none, each held {@code FOR SHARE}: for the writers
     * not under a lane's lock.
     */
    static Map<String, DataKey> live(Connection connection, Collection<String> subjectRefs, MasterKeys masterKeys)
            throws SQLException {
        Set<String> subjects = new LinkedHashSet<>(subjectRefs);
        try (Statement plans = connection.createStatement()) {
            plans.execute(PLAN_EACH_LOOKUP);
        }
        Map<String, DataKey> keys = select(connection, subjects, masterKeys, true);
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
        keys.putAll(select(connection, subjects, masterKeys, true));
        return keys;
    }

    /**
     * A chain writer's keys, under its lane's lock (an erasure takes every lane's, so no key it returns is being
     * wiped; a key another lane's writer makes at the same time is read once it committed), in one round trip, the
     * caller having set {@link #PLAN_EACH_LOOKUP}.
     */
    static Map<String, DataKey> forChain(Connection connection, Collection<String> subjectRefs, MasterKeys masterKeys)
            throws SQLException {
        // in one order for every writer: two lanes making keys for the same new subjects never wait on each other
        Set<String> subjects = new TreeSet<>(subjectRefs);
        Map<String, DataKey> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        int n = subjects.size();
        UUID[] ids = new UUID[n];
        byte[][] wrapped = new byte[n][];
        String[] masters = new String[n];
        Map<UUID, DataKey> offered = new HashMap<>();
        int i = 0;
        for (String subject : subjects) {
            MasterKeys.NewKey made = masterKeys.newDataKey();
            offered.put(made.key().id(), made.key());
            ids[i] = made.key().id();
            wrapped[i] = made.wrapped();
            masters[i++] = made.masterId();
        }
        String[] refs = subjects.toArray(String[]::new);
        try (PreparedStatement makeOrRead = connection.prepareStatement(MAKE_OR_READ)) {
            makeOrRead.setArray(1, connection.createArrayOf("uuid", ids));
            makeOrRead.setArray(2, connection.createArrayOf("varchar", refs));
            makeOrRead.setArray(3, connection.createArrayOf("bytea", wrapped));
            makeOrRead.setArray(4, connection.createArrayOf("varchar", masters));
            makeOrRead.setArray(5, connection.createArrayOf("varchar", refs));
            try (ResultSet rows = makeOrRead.executeQuery()) {
                while (rows.next()) {
                    // a key this statement made is the one offered: no need to unwrap what was just wrapped
                    DataKey made = offered.get(rows.getObject("id", UUID.class));
                    keys.put(rows.getString("subject_ref"), made != null ? made : unwrap(rows, masterKeys));
                }
            }
        }
        if (keys.size() < subjects.size()) {
            subjects.removeAll(keys.keySet());
            keys.putAll(select(connection, subjects, masterKeys, false));
        }
        return keys;
    }

    private static void read(ResultSet rows, Map<String, DataKey> keys, MasterKeys masterKeys) throws SQLException {
        while (rows.next()) {
            keys.put(rows.getString("subject_ref"), unwrap(rows, masterKeys));
        }
    }

    private static DataKey unwrap(ResultSet row, MasterKeys masterKeys) throws SQLException {
        return masterKeys.unwrap(row.getObject("id", UUID.class), row.getString("master_key"), row.getBytes("wrapped"));
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
                read(rows, keys, masterKeys);
            }
        }
        return keys;
    }
}
