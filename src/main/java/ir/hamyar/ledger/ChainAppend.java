package ir.hamyar.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of appending one group of decisions to the chain, in the caller's transaction: take the chain's advisory
 * lock (every writer of every replica appends under it), read the head, look up in one query which idempotency keys
 * of the group are on record already, then chain the new decisions in order and insert them in one JDBC batch, and
 * what the reports count of the family decisions among them in another ({@code decision_outcome}).
 */
final class ChainAppend {

    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('hamyar_decision_chain'))";

    private static final String INSERT = "insert into decision (" + AskedColumns.withInput("decided_at")
            + ", recorded_at, response, seq, previous_hash, hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)";
    private static final String TALLY = "insert into decision_outcome (seq, decided_at, organisation, subject_ref,"
            + " tier, safe_house, stay, sons_not_allowed) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String EXISTING = "select " + DecisionRecords.COLUMNS + " from decision"
            + " where (caller, idempotency_key) in (select * from unnest(?::varchar[], ?::varchar[]))";

    private ChainAppend() {}

    /**
     * Appends each request's decisions; answers, per request and decision, the decision on record for it: itself, or
     * the one recorded earlier (or earlier in this group) under the same caller and idempotency key.
     */
    static List<List<Answered>> append(
            Connection connection, List<List<Answered>> requests, Duration timeout, Instant recordedAt)
            throws SQLException {
        try (Statement limits = connection.createStatement()) {
            limits.execute("set local statement_timeout = " + timeout.toMillis());
            limits.execute("set local lock_timeout = " + timeout.toMillis());
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.execute();
        }
        ChainHead head = ChainHead.read(connection, ChainHead.DECISIONS);
        long seq = head.seq();
        String previous = head.hash();
        Map<List<String>, Answered> taken = existing(connection, requests);
        List<List<Answered>> onRecord = new ArrayList<>(requests.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement tally = connection.prepareStatement(TALLY)) {
            boolean tallied = false;
            for (List<Answered> request : requests) {
                List<Answered> answers = new ArrayList<>(request.size());
                for (Answered decision : request) {
                    List<String> key = key(decision.asked());
                    Answered earlier = key == null ? null : taken.get(key);
                    if (earlier != null) {
                        answers.add(earlier);
                        continue;
                    }
                    String hash = HashChain.link(previous, ++seq, decision, recordedAt);
                    bind(insert, seq, decision, recordedAt, previous, hash);
                    insert.addBatch();
                    if (decision.tally().counted()) {
                        bind(tally, seq, decision);
                        tally.addBatch();
                        tallied = true;
                    }
                    previous = hash;
                    if (key != null) {
                        taken.put(key, decision);
                    }
                    answers.add(decision);
                }
                onRecord.add(answers);
            }
            insert.executeBatch();
            if (tallied) {
                tally.executeBatch();
            }
        }
        return onRecord;
    }

    /** The decisions already on record under the idempotency keys of the group, by (caller, key). */
    private static Map<List<String>, Answered> existing(Connection connection, List<List<Answered>> requests)
            throws SQLException {
        List<String> callers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (List<Answered> request : requests) {
            for (Answered decision : request) {
                List<String> key = key(decision.asked());
                if (key != null) {
                    callers.add(key.get(0));
                    keys.add(key.get(1));
                }
            }
        }
        Map<List<String>, Answered> existing = new HashMap<>();
        if (keys.isEmpty()) {
            return existing;
        }
        try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
            select.setArray(1, connection.createArrayOf("varchar", callers.toArray()));
            select.setArray(2, connection.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Answered recorded = DecisionRecords.row(rows).answered();
                    existing.put(key(recorded.asked()), recorded);
                }
            }
        }
        return existing;
    }

    private static List<String> key(Asked asked) {
        return asked.idempotencyKey() == null ? null : List.of(asked.caller(), asked.idempotencyKey());
    }

    private static void bind(PreparedStatement insert, long seq, Answered decision) throws SQLException {
        Asked asked = decision.asked();
        Tally tally = decision.tally();
        insert.setLong(1, seq);
        insert.setTimestamp(2, Timestamp.from(asked.at()));
        insert.setString(3, asked.organisation());
        insert.setString(4, asked.subjectRef());
        insert.setString(5, tally.tier());
        insert.setString(6, tally.safeHouse());
        insert.setString(7, tally.stay());
        insert.setShort(8, (short) tally.sonsNotAllowed());
    }

    private static void bind(
            PreparedStatement insert, long seq, Answered decision, Instant recordedAt, String previous, String hash)
            throws SQLException {
        AskedColumns.bind(insert, decision.asked());
        insert.setTimestamp(13, Timestamp.from(recordedAt));
        insert.setString(14, decision.response());
        insert.setLong(15, seq);
        insert.setString(16, previous);
        insert.setString(17, hash);
    }
}
