package ir.hamyar.decision;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ir.hamyar.audit.AuditChain;
import ir.hamyar.audit.AuditConfig;
import ir.hamyar.audit.ChainedRecord;
import ir.hamyar.problem.Problem;
import ir.hamyar.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Records decisions on the audit hash chain. Requests hand their decisions to one writer thread, which appends
 * everything waiting in one transaction under a PostgreSQL advisory lock (group commit): the chain stays one line
 * across replicas, and concurrent requests share a commit instead of queueing for the lock one decision at a time.
 * A decision whose idempotency key the caller already used is not recorded again: the one on record is returned
 * instead. Nothing is answered unless the transaction committed. A write that waits longer than
 * {@code hamyar.audit.write-timeout} (a locked table, a stuck database) is rolled back and its requests get 503; while
 * the database cannot be reached, requests fail at once and one attempt a second finds out when it is back.
 */
@ApplicationScoped
public class DecisionStore {

    static final int MAX_GROUP = 1000;
    /** After the database could not be reached, appends fail at once for this long instead of each waiting on it. */
    static final long UNREACHABLE_PAUSE_MS = 1000;

    private static final Logger LOG = Logger.getLogger(DecisionStore.class);
    private static final String LOCK = "select pg_advisory_xact_lock(hashtext('hamyar_decision_chain'))";
    private static final String HEAD = "select seq, hash from decision order by seq desc limit 1";
    private static final String INSERT =
            """
            insert into decision (id, kind, subject_ref, assessed_on, decided_at, recorded_at, caller, idempotency_key,
                                  request_sha256, ruleset_version, ruleset_sha256, input, response,
                                  seq, previous_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)""";
    private static final String EXISTING =
            """
            select caller, idempotency_key, request_sha256, response::text from decision
            where (caller, idempotency_key) in (select * from unnest(?::varchar[], ?::varchar[]))""";

    private final AgroalDataSource dataSource;
    private final Duration writeTimeout;
    private final DistributionSummary groupSizes;
    private final Timer appends;
    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<Append> waiting = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeForever, "hamyar-decision-writer");
    private volatile boolean running = true;
    private long unreachableUntil;

    public DecisionStore(AgroalDataSource dataSource, AuditConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.writeTimeout = config.writeTimeout();
        this.groupSizes = DistributionSummary.builder("hamyar.audit.group.decisions")
                .description("decisions appended to the chain per commit")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
        this.appends = Timer.builder("hamyar.audit.append")
                .description("one group's transaction: lock, chain head, idempotency look-up, insert, commit")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    @PostConstruct
    void start() {
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    List<RecordedDecision> record(List<NewDecision> decisions) {
        if (decisions.isEmpty()) {
            return List.of();
        }
        Append append = new Append(decisions, new CompletableFuture<>());
        waiting.add(append);
        try {
            return append.recorded().get();
        } catch (ExecutionException e) {
            throw notRecorded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded();
        }
    }

    private void writeForever() {
        while (running) {
            List<Append> group = new ArrayList<>();
            try {
                group.add(waiting.take());
            } catch (InterruptedException e) {
                break;
            }
            int size = group.get(0).decisions().size();
            for (Append next = waiting.peek();
                    next != null && size + next.decisions().size() <= MAX_GROUP;
                    next = waiting.peek()) {
                group.add(waiting.poll());
                size += next.decisions().size();
            }
            write(group, size);
        }
        waiting.forEach(append -> append.recorded().completeExceptionally(new IllegalStateException("stopped")));
    }

    private void write(List<Append> group, int size) {
        if (System.currentTimeMillis() < unreachableUntil) {
            group.forEach(append -> append.recorded().completeExceptionally(new IllegalStateException("unreachable")));
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<List<RecordedDecision>> results = append(connection, group);
                connection.commit();
                appends.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                groupSizes.record(size);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).recorded().complete(results.get(i));
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                unreachableUntil = System.currentTimeMillis() + UNREACHABLE_PAUSE_MS;
            }
            LOG.errorf(
                    "Recording %d decision(s) failed: %s",
                    size,
                    e instanceof SQLException sql
                            ? "SQLState " + sql.getSQLState()
                            : e.getClass().getName());
            group.forEach(append -> append.recorded().completeExceptionally(e));
        }
    }

    /**
     * Appends the group under the chain's lock: decisions whose idempotency key is already on record (or taken by an
     * earlier decision of the same group) get that decision back; the others are chained in order and inserted in
     * one batch, one round trip for the whole group.
     */
    private List<List<RecordedDecision>> append(Connection connection, List<Append> group) throws SQLException {
        try (Statement limits = connection.createStatement()) {
            limits.execute("set local statement_timeout = " + writeTimeout.toMillis());
            limits.execute("set local lock_timeout = " + writeTimeout.toMillis());
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
            lock.execute();
        }
        long seq = 0;
        String previous = AuditChain.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(HEAD);
                ResultSet result = head.executeQuery()) {
            if (result.next()) {
                seq = result.getLong(1);
                previous = result.getString(2);
            }
        }
        Map<List<String>, RecordedDecision> taken = existing(connection, group);
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<List<RecordedDecision>> results = new ArrayList<>(group.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Append append : group) {
                List<RecordedDecision> recorded =
                        new ArrayList<>(append.decisions().size());
                for (NewDecision decision : append.decisions()) {
                    List<String> key = key(decision);
                    RecordedDecision earlier = key == null ? null : taken.get(key);
                    if (earlier != null) {
                        recorded.add(earlier);
                        continue;
                    }
                    ChainedRecord record = chained(++seq, decision, recordedAt);
                    String hash = AuditChain.link(previous, record);
                    bind(insert, record, previous, hash);
                    insert.addBatch();
                    previous = hash;
                    if (key != null) {
                        taken.put(key, new RecordedDecision(false, decision.requestSha256(), decision.responseJson()));
                    }
                    recorded.add(new RecordedDecision(true, decision.requestSha256(), decision.responseJson()));
                }
                results.add(recorded);
            }
            insert.executeBatch();
        }
        return results;
    }

    /** The decisions already on record under the idempotency keys of the group, by (caller, key). */
    private static Map<List<String>, RecordedDecision> existing(Connection connection, List<Append> group)
            throws SQLException {
        List<String> callers = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Append append : group) {
            for (NewDecision decision : append.decisions()) {
                List<String> key = key(decision);
                if (key != null) {
                    callers.add(key.get(0));
                    keys.add(key.get(1));
                }
            }
        }
        Map<List<String>, RecordedDecision> existing = new HashMap<>();
        if (keys.isEmpty()) {
            return existing;
        }
        try (PreparedStatement select = connection.prepareStatement(EXISTING)) {
            select.setArray(1, connection.createArrayOf("varchar", callers.toArray()));
            select.setArray(2, connection.createArrayOf("varchar", keys.toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    existing.put(
                            List.of(result.getString(1), result.getString(2)),
                            new RecordedDecision(false, result.getString(3), result.getString(4)));
                }
            }
        }
        return existing;
    }

    private static List<String> key(NewDecision decision) {
        return decision.idempotencyKey() == null ? null : List.of(decision.caller(), decision.idempotencyKey());
    }

    private static ChainedRecord chained(long seq, NewDecision decision, Instant recordedAt) {
        return new ChainedRecord(
                seq,
                decision.id(),
                decision.kind(),
                decision.subjectRef(),
                decision.assessedOn(),
                decision.decidedAt(),
                recordedAt,
                decision.caller(),
                decision.idempotencyKey(),
                decision.requestSha256(),
                decision.rulesetVersion(),
                decision.rulesetSha256(),
                decision.input(),
                decision.responseJson());
    }

    private static void bind(PreparedStatement insert, ChainedRecord record, String previous, String hash)
            throws SQLException {
        insert.setObject(1, record.id());
        insert.setString(2, record.kind());
        insert.setString(3, record.subjectRef());
        insert.setDate(4, Date.valueOf(record.assessedOn()));
        insert.setTimestamp(5, Timestamp.from(record.decidedAt()));
        insert.setTimestamp(6, Timestamp.from(record.recordedAt()));
        insert.setString(7, record.caller());
        insert.setString(8, record.idempotencyKey());
        insert.setString(9, record.requestSha256());
        insert.setInt(10, record.rulesetVersion());
        insert.setString(11, record.rulesetSha256());
        insert.setString(12, record.input());
        insert.setString(13, record.response());
        insert.setLong(14, record.seq());
        insert.setString(15, previous);
        insert.setString(16, hash);
    }

    private static ProblemException notRecorded() {
        return new ProblemException(Problem.of(
                503,
                "storage-unavailable",
                "Decision not recorded",
                "the decision could not be recorded and was not made; retry with the same Idempotency-Key"));
    }

    /** Decisions of one request, and where their outcome is delivered. */
    private record Append(List<NewDecision> decisions, CompletableFuture<List<RecordedDecision>> recorded) {}
}
