package ir.hamyar.ledger;

import ir.hamyar.json.Sha256;
import ir.hamyar.privacy.DataKey;
import ir.hamyar.privacy.MasterKeys;
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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The SQL of appending one group of decisions to the chain, in the caller's transaction: take the advisory lock of
 * one of the chain's {@link Lanes} (the first free one from the writer's own; every writer of every replica appends
 * under a lane's lock, and an erasure takes them all), read the lane's head, look up in one query which idempotency
 * keys of the group are on record already (on any lane: a key recorded by another lane's writer after this look-up
 * breaks the unique index, and {@link ChainWriter} tries each request alone, finding it), take the new decisions'
 * subjects' data keys ({@link SubjectKeys}, made where missing; under the lock no erasure can wipe one meanwhile) and
 * their search terms' numbers ({@link SearchTermNumbers}, given where missing), then seal each new decision's input
 * and answer under its subject's key, chain them in order over the ciphertext and insert them in one JDBC batch, what
 * the reports count of the family decisions among them under each family's pseudonym ({@link ReportOutcomes}), and how
 * often each rule fired ({@link RuleFiringCounts}), neither with a link back to a decision.
 */
final class ChainAppend {

    private static final String INSERT = "insert into decision (" + AskedColumns.names("decided_at")
            + ", key_id, sealed_input, sealed_response, fired_rule_ids, concluded_ids, recorded_at, seq, previous_hash,"
            + " hash, chain_form)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + HashChain.LENGTH_PREFIXED + ")";
    private static final String EXISTING = "select " + DecisionRecords.COLUMNS + DecisionRecords.FROM
            + " where (d.caller, d.idempotency_key) in (select * from unnest(?::varchar[], ?::varchar[]))";

    private ChainAppend() {}

    /**
     * Appends each request's decisions; answers, per request and decision, the decision on record for it: itself, or
     * the one recorded earlier (or earlier in this group) under the same caller and idempotency key; and the search
     * terms' numbers it used, to remember once the transaction has committed.
     */
    static Appended append(
            Connection connection,
            List<List<Packed>> requests,
            Duration timeout,
            Instant recordedAt,
            MasterKeys masterKeys,
            SearchTermNumbers termNumbers,
            int lane)
            throws SQLException {
        ChainHead head = lockAndReadHead(connection, timeout, lane);
        long seq = head.seq();
        String previous = head.hash();
        Map<List<String>, Answered> taken = existing(connection, requests, masterKeys);
        Map<Subject, DataKey> keys = SubjectKeys.forChain(
                connection,
                requests.stream()
                        .flatMap(List::stream)
                        .map(Packed::decision)
                        .filter(decision -> !taken.containsKey(key(decision.asked())))
                        .map(decision -> Subject.of(decision.asked()))
                        .toList(),
                masterKeys);
        Map<String, Integer> numbers = termNumbers.of(
                connection,
                requests.stream()
                        .flatMap(List::stream)
                        .map(packed -> packed.decision().terms())
                        .flatMap(terms -> Stream.concat(terms.firedRules().stream(), terms.concluded().stream()))
                        .collect(Collectors.toSet()));
        List<List<Answered>> onRecord = new ArrayList<>(requests.size());
        ReportOutcomes outcomes = new ReportOutcomes();
        RuleFiringCounts firings = new RuleFiringCounts(lane);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (List<Packed> request : requests) {
                List<Answered> answers = new ArrayList<>(request.size());
                for (Packed packed : request) {
                    Answered decision = packed.decision();
                    List<String> key = key(decision.asked());
                    Answered earlier = key == null ? null : taken.get(key);
                    if (earlier != null) {
                        answers.add(earlier);
                        continue;
                    }
                    DataKey subjectKey = keys.get(Subject.of(decision.asked()));
                    SealedDecision sealed = SealedDecision.of(packed, subjectKey);
                    String hash = HashChain.link(previous, ++seq, sealed.chained(recordedAt));
                    bind(insert, seq, sealed, numbers, recordedAt, previous, hash);
                    insert.addBatch();
                    outcomes.add(decision, subjectKey);
                    firings.add(
                            decision.asked(),
                            SearchTermNumbers.numbered(decision.terms().firedRules(), numbers));
                    previous = hash;
                    if (key != null) {
                        taken.put(key, decision);
                    }
                    answers.add(decision);
                }
                onRecord.add(answers);
            }
            insert.executeBatch();
        }
        outcomes.insert(connection);
        firings.upsert(connection);
        return new Appended(onRecord, numbers);
    }

    record Appended(List<List<Answered>> onRecord, Map<String, Integer> termNumbers) {}

    /**
     * The group's time limits, a lane's lock (the first free one from {@code lane} on) and, under it, the lane's head,
     * in one round trip (a writer spends its time waiting on round trips, not computing). No JIT: the idempotency
     * look-up's estimated cost (a record never analysed, where autovacuum is off) passed PostgreSQL's JIT threshold,
     * and compiling it took 50–370 ms a group — with keys on every request, one writer fell behind at 1,000/s.
     */
    private static ChainHead lockAndReadHead(Connection connection, Duration timeout, int lane) throws SQLException {
        String setup = "set local statement_timeout = " + timeout.toMillis() + "; set local lock_timeout = "
                + timeout.toMillis() + "; set local jit = off; " + SubjectKeys.PLAN_EACH_LOOKUP + "; "
                + Lanes.lockAndReadHead(lane);
        ChainHead head = ChainHead.EMPTY;
        try (Statement statement = connection.createStatement()) {
            boolean rows = statement.execute(setup);
            while (rows || statement.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        head = ChainHead.from(result);
                    }
                }
                rows = statement.getMoreResults();
            }
        }
        return head;
    }

    /** The decisions already on record under the idempotency keys of the group, by (caller, key). */
    private static Map<List<String>, Answered> existing(
            Connection connection, List<List<Packed>> requests, MasterKeys masterKeys) throws SQLException {
        List<String> callers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<List<String>, Asked> asked = new HashMap<>();
        for (List<Packed> request : requests) {
            for (Packed packed : request) {
                List<String> key = key(packed.decision().asked());
                if (key != null) {
                    callers.add(key.get(0));
                    keys.add(key.get(1));
                    asked.putIfAbsent(key, packed.decision().asked());
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
                    Answered recorded = DecisionRecords.row(rows, masterKeys).answered();
                    existing.put(
                            key(recorded.asked()),
                            sameRequestAs(
                                    recorded, asked.get(key(recorded.asked())), SealedRows.key(rows, masterKeys)));
                }
            }
        }
        return existing;
    }

    /**
     * The recorded decision, its request digest given as the one now asked when the record's HMAC of it matches (a
     * resent request), so that the caller compares digests as before; a record's digest that is no HMAC (a form
     * before {@link HashChain#LENGTH_PREFIXED}) is the plain sha256 already, and one whose key is erased matches none.
     */
    private static Answered sameRequestAs(Answered recorded, Asked now, DataKey key) {
        String digest = recorded.asked().requestSha256();
        if (now == null || !RequestDigests.sameRequest(key, digest, now.requestSha256())) {
            return recorded;
        }
        return new Answered(
                recorded.asked().withRequestSha256(now.requestSha256()),
                recorded.response(),
                recorded.terms(),
                recorded.tally());
    }

    private static List<String> key(Asked asked) {
        return asked.idempotencyKey() == null ? null : List.of(asked.caller(), asked.idempotencyKey());
    }

    private static void bind(
            PreparedStatement insert,
            long seq,
            SealedDecision sealed,
            Map<String, Integer> numbers,
            Instant recordedAt,
            String previous,
            String hash)
            throws SQLException {
        Answered decision = sealed.decision();
        AskedColumns.bind(insert, sealed.asked());
        insert.setObject(12, sealed.key().id());
        insert.setBytes(13, sealed.input());
        insert.setBytes(14, sealed.response());
        insert.setObject(15, SearchTermNumbers.numbered(decision.terms().firedRules(), numbers));
        insert.setObject(16, SearchTermNumbers.numbered(decision.terms().concluded(), numbers));
        insert.setTimestamp(17, Timestamp.from(recordedAt));
        insert.setLong(18, seq);
        insert.setString(19, previous);
        insert.setString(20, hash);
    }

    /**
     * A decision's input and answer sealed under its subject's data key, for this record and field only, and what was
     * asked as it is recorded: its request digest an HMAC under that key.
     */
    private record SealedDecision(Answered decision, Asked asked, DataKey key, byte[] input, byte[] response) {

        static SealedDecision of(Packed packed, DataKey key) {
            Asked asked = packed.decision().asked();
            UUID id = asked.id();
            return new SealedDecision(
                    packed.decision(),
                    asked.withRequestSha256(RequestDigests.recorded(key, asked.requestSha256())),
                    key,
                    key.sealCompressed(packed.input(), DecisionRecords.about(id, "input")),
                    key.sealCompressed(packed.response(), DecisionRecords.about(id, "response")));
        }

        HashChain.Chained chained(Instant recordedAt) {
            return new HashChain.Chained(
                    asked,
                    recordedAt,
                    Sha256.hex(input),
                    Sha256.hex(response),
                    key.id(),
                    decision.terms().firedRules(),
                    HashChain.LENGTH_PREFIXED);
        }
    }
}
