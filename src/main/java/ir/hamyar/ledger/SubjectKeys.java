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
 * The live data keys of subjects (table {@code subject_key}), each a ref within an organisation ({@link Subject}), in
 * the caller's transaction. Nothing may be sealed under
 * a key an erasure is wiping: a decision writer looks its keys up under its lane's advisory lock, and an erasure takes
 * every lane's; the rarer writers (failed evaluations, overrides) take each key {@code FOR SHARE} until they commit,
 * which an erasure's {@code FOR UPDATE} waits for — a writer that waited on an erasure finds no live key and makes
 * the subject a new one.
 */
final class SubjectKeys {

    /** A subject's live key, unless shared by two organisations' records before subjects were per organisation. */
    private static final String LIVE_KEY = " wrapped is not null and not shared";

    private static final String CONFLICT = " on conflict ((coalesce(organisation, '')), subject_ref) where" + LIVE_KEY;
    private static final String LIVE = "select id, organisation, subject_ref, wrapped, master_key from subject_key"
            + " where (coalesce(organisation, ''), subject_ref) in (select * from unnest(?::varchar[], ?::varchar[]))"
            + " and" + LIVE_KEY;
    private static final String MAKE = "insert into subject_key (id, organisation, subject_ref, wrapped, master_key)"
            + " values (?, nullif(?, ''), ?, ?, ?)" + CONFLICT + " do nothing";
    /**
     * The writer's look-up in one round trip: a new key offered for every subject, kept where the subject has no live
     * one, and the live keys the statement's snapshot saw besides (a key made by another writer after that snapshot is
     * in neither, and is read again).
     */
    private static final String MAKE_OR_READ = "with made as (insert into subject_key (id, organisation, subject_ref,"
            + " wrapped, master_key) select id, nullif(organisation, ''), subject_ref, wrapped, master_key"
            + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::bytea[], ?::varchar[])"
            + " u (id, organisation, subject_ref, wrapped, master_key)" + CONFLICT + " do nothing"
            + " returning id, organisation, subject_ref, wrapped, master_key)"
            + " select id, organisation, subject_ref, wrapped, master_key from made union all"
            + " select id, organisation, subject_ref, wrapped, master_key from subject_key"
            + " where (coalesce(organisation, ''), subject_ref) in (select * from unnest(?::varchar[], ?::varchar[]))"
            + " and" + LIVE_KEY;
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
    static Map<Subject, DataKey> live(Connection connection, Collection<Subject> subjectRefs, MasterKeys masterKeys)
            throws SQLException {
        Set<Subject> subjects = new LinkedHashSet<>(subjectRefs);
        try (Statement plans = connection.createStatement()) {
            plans.execute(PLAN_EACH_LOOKUP);
        }
        Map<Subject, DataKey> keys = select(connection, subjects, masterKeys, true);
        if (keys.size() == subjects.size()) {
            return keys;
        }
        try (PreparedStatement make = connection.prepareStatement(MAKE)) {
            for (Subject subject : subjects) {
                if (!keys.containsKey(subject)) {
                    MasterKeys.NewKey made = masterKeys.newDataKey();
                    make.setObject(1, made.key().id());
                    make.setString(2, subject.organisationKey());
                    make.setString(3, subject.ref());
                    make.setBytes(4, made.wrapped());
                    make.setString(5, made.masterId());
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
    static Map<Subject, DataKey> forChain(Connection connection, Collection<Subject> subjectRefs, MasterKeys masterKeys)
            throws SQLException {
        // in one order for every writer: two lanes making keys for the same new subjects never wait on each other
        Set<Subject> subjects = new TreeSet<>(subjectRefs);
        Map<Subject, DataKey> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        int n = subjects.size();
        UUID[] ids = new UUID[n];
        byte[][] wrapped = new byte[n][];
        String[] masters = new String[n];
        Map<UUID, DataKey> offered = new HashMap<>();
        int i = 0;
        for (Subject subject : subjects) {
            MasterKeys.NewKey made = masterKeys.newDataKey();
            offered.put(made.key().id(), made.key());
            ids[i] = made.key().id();
            wrapped[i] = made.wrapped();
            masters[i++] = made.masterId();
        }
        String[] organisations = subjects.stream().map(Subject::organisationKey).toArray(String[]::new);
        String[] refs = subjects.stream().map(Subject::ref).toArray(String[]::new);
        try (PreparedStatement makeOrRead = connection.prepareStatement(MAKE_OR_READ)) {
            makeOrRead.setArray(1, connection.createArrayOf("uuid", ids));
            makeOrRead.setArray(2, connection.createArrayOf("varchar", organisations));
            makeOrRead.setArray(3, connection.createArrayOf("varchar", refs));
            makeOrRead.setArray(4, connection.createArrayOf("bytea", wrapped));
            makeOrRead.setArray(5, connection.createArrayOf("varchar", masters));
            makeOrRead.setArray(6, connection.createArrayOf("varchar", organisations));
            makeOrRead.setArray(7, connection.createArrayOf("varchar", refs));
            try (ResultSet rows = makeOrRead.executeQuery()) {
                while (rows.next()) {
                    // a key this statement made is the one offered: no need to unwrap what was just wrapped
                    DataKey made = offered.get(rows.getObject("id", UUID.class));
                    keys.put(Subject.of(rows), made != null ? made : unwrap(rows, masterKeys));
                }
            }
        }
        if (keys.size() < subjects.size()) {
            subjects.removeAll(keys.keySet());
            keys.putAll(select(connection, subjects, masterKeys, false));
        }
        return keys;
    }

    private static void read(ResultSet rows, Map<Subject, DataKey> keys, MasterKeys masterKeys) throws SQLException {
        while (rows.next()) {
            keys.put(Subject.of(rows), unwrap(rows, masterKeys));
        }
    }

    private static DataKey unwrap(ResultSet row, MasterKeys masterKeys) throws SQLException {
        return masterKeys.unwrap(row.getObject("id", UUID.class), row.getString("master_key"), row.getBytes("wrapped"));
    }

    private static Map<Subject, DataKey> select(
            Connection connection, Set<Subject> subjects, MasterKeys masterKeys, boolean share) throws SQLException {
        Map<Subject, DataKey> keys = new HashMap<>();
        if (subjects.isEmpty()) {
            return keys;
        }
        try (PreparedStatement select = connection.prepareStatement(share ? LIVE + " for share" : LIVE)) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "varchar",
                            subjects.stream().map(Subject::organisationKey).toArray()));
            select.setArray(
                    2,
                    connection.createArrayOf(
                            "varchar", subjects.stream().map(Subject::ref).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                read(rows, keys, masterKeys);
            }
        }
        return keys;
    }
}
