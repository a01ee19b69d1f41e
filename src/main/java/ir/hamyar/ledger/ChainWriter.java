package ir.hamyar.ledger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ir.hamyar.privacy.MasterKeys;
import ir.hamyar.problem.DomainException;
import ir.hamyar.workers.Worker;
import ir.hamyar.workers.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Appends decisions to the hash chain (the SQL is {@link ChainAppend}'s). Requests hand their decisions to the
 * writer threads ({@code hamyar.audit.writers}), each of which appends everything waiting in one transaction (group
 * commit) to a lane of the chain of its own ({@link Lanes}): concurrent requests share a commit instead of queueing
 * for a lock one decision at a time; with more than one writer, while one waits on its commit another takes what came.
 * A decision whose idempotency key the caller already used is not recorded again: the one on record is returned
 * instead. Nothing returns unless the transaction committed. A write that waits longer than
 * {@code hamyar.audit.write-timeout} (a locked table, a stuck database) is rolled back and its requests get 503; while
 * the database cannot be reached, requests fail at once and one attempt a second finds out when it is back.
 */
@ApplicationScoped
public class ChainWriter {

    static final int MAX_GROUP = 1000;
    private static final String UNIQUE_VIOLATION = "23505";
    /** After the database could not be reached, appends fail at once for this long instead of each waiting on it. */
    static final long UNREACHABLE_PAUSE_MS = 1000;

    private static final Logger LOG = Logger.getLogger(ChainWriter.class);

    private final AgroalDataSource dataSource;
    private final MasterKeys masterKeys;
    private final Duration writeTimeout;
    private final DistributionSummary groupSizes;
    private final Timer appends;
    private final Clock clock = Clock.systemUTC();
    private final SearchTermNumbers termNumbers = new SearchTermNumbers();
    private final BlockingQueue<Append> waiting = new LinkedBlockingQueue<>();
    private final Workers workers;
    private final int writerCount;
    private final List<Worker> writers = new ArrayList<>();
    private volatile long unreachableUntil;
    private volatile boolean stopped;

    public ChainWriter(
            AgroalDataSource dataSource,
            LedgerConfig config,
            MeterRegistry metrics,
            Workers workers,
            MasterKeys masterKeys) {
        this.dataSource = dataSource;
        this.masterKeys = masterKeys;
        this.workers = workers;
        this.writeTimeout = config.writeTimeout();
        this.writerCount = config.writers();
        if (writerCount < 1 || writerCount > Lanes.COUNT) {
            throw new IllegalStateException("hamyar.audit.writers must be from 1 to " + Lanes.COUNT + ", not "
                    + writerCount + " (the chain has " + Lanes.COUNT + " lanes, one writer appends to one at a time)");
        }
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
        for (int lane = 0; lane < writerCount; lane++) {
            int own = lane;
            writers.add(workers.start(
                    "hamyar-decision-writer-" + lane,
                    Duration.ofMillis(100),
                    worker -> writeUntilStopped(worker, own)));
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        writers.forEach(workers::stop);
        failWaiting();
    }

    private void failWaiting() {
        for (Append append = waiting.poll(); append != null; append = waiting.poll()) {
            append.recorded().completeExceptionally(new IllegalStateException("stopped"));
        }
    }

    /**
     * Appends the decisions of one request and answers, for each, the decision now on record for it: itself, or the
     * one recorded earlier under the same caller and idempotency key. 503 when they could not be recorded.
     */
    public List<Answered> append(List<Answered> decisions) {
        try {
            return appendLater(decisions).join();
        } catch (CompletionException e) {
            throw notRecorded();
        }
    }

    /**
     * As {@link #append}, without waiting: the answer completes once the group the decisions joined has committed (on
     * the writer's thread: what depends on it should be quick), or fails with 503 when they could not be recorded.
     * For callers that must not block, such as an event loop.
     */
    public CompletableFuture<List<Answered>> appendLater(List<Answered> decisions) {
        if (decisions.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Append append = new Append(decisions.stream().map(Packed::of).toList(), new CompletableFuture<>());
        waiting.add(append);
        if (stopped) { // stop() may have emptied the queue before this was added: nobody else would answer it
            failWaiting();
        }
        return append.recorded().exceptionallyCompose(failure -> CompletableFuture.failedFuture(notRecorded()));
    }

    /**
     * A writer's loop, appending to {@code lane} when it is free; whatever fails in it, the requests of the group it
     * held are answered, never left waiting.
     */
    private void writeUntilStopped(Worker worker, int lane) throws InterruptedException {
        Append carried = null; // taken from the queue but too large for the group it was taken for: the next one's
        try {
            while (!worker.stopping()) {
                List<Append> group = new ArrayList<>();
                group.add(carried != null ? carried : waiting.take());
                carried = null;
                int size = group.get(0).decisions().size();
                // poll, never peek and then poll: another writer may take what was peeked
                for (Append next = waiting.poll(); next != null; next = waiting.poll()) {
                    if (size + next.decisions().size() > MAX_GROUP) {
                        carried = next;
                        break;
                    }
                    group.add(next);
                    size += next.decisions().size();
                }
                try {
                    write(group, size, lane, true);
                } catch (RuntimeException | Error e) {
                    group.forEach(append -> append.recorded().completeExceptionally(e));
                    throw e;
                }
            }
        } finally {
            if (carried != null) {
                waiting.add(carried); // for another writer, this one once restarted, or stop() to answer
                if (stopped) {
                    failWaiting();
                }
            }
        }
    }

    /**
     * Appends the group in one transaction. When a record of it cannot be stored (a data exception), or another lane's
     * writer got in the way (a unique key it took first, such as an idempotency key used on two replicas at once, or a
     * deadlock between the two), each request is tried alone, once, so that the others are recorded and a repeated
     * key answers the decision on record.
     */
    private void write(List<Append> group, int size, int lane, boolean mayRetry) {
        if (System.currentTimeMillis() < unreachableUntil) {
            group.forEach(append -> append.recorded().completeExceptionally(new IllegalStateException("unreachable")));
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ChainAppend.Appended appended = ChainAppend.append(
                        connection,
                        group.stream().map(Append::decisions).toList(),
                        writeTimeout,
                        clock.instant().truncatedTo(ChronoUnit.MICROS),
                        masterKeys,
                        termNumbers,
                        lane);
                connection.commit();
                termNumbers.remember(appended.termNumbers());
                List<List<Answered>> onRecord = appended.onRecord();
                appends.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                groupSizes.record(size);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).recorded().complete(onRecord.get(i));
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
            if (state.startsWith("08")) {
                unreachableUntil = System.currentTimeMillis() + UNREACHABLE_PAUSE_MS;
            }
            if (isAboutOneRecord(state) && group.size() > 1 || mayRetry && isARace(state)) {
                LOG.warnf(
                        "Recording a group of %d requests failed (SQLState %s): each is tried alone",
                        group.size(), state);
                group.forEach(append ->
                        write(List.of(append), append.decisions().size(), lane, mayRetry && group.size() > 1));
                return;
            }
            LOG.errorf(
                    e instanceof SQLException ? null : e, // a bug: its stack trace (which holds no data) says where
                    "Recording %d decision(s) failed: %s",
                    size,
                    e instanceof SQLException sql
                            ? "SQLState " + sql.getSQLState()
                            : e.getClass().getName());
            group.forEach(append -> append.recorded().completeExceptionally(e));
        }
    }

    /**
     * A data exception (class 22, e.g. a character PostgreSQL cannot store) or a constraint broken (class 23) is
     * about a record of the group, not the database: the others must not fail with it.
     */
    private static boolean isAboutOneRecord(String sqlState) {
        return sqlState.startsWith("22") || sqlState.startsWith("23");
    }

    /**
     * A unique key another lane's writer took first, or a deadlock or serialisation failure between two lanes' writers
     * (class 40: PostgreSQL rolled the transaction back): worth trying again, since the other has committed.
     */
    private static boolean isARace(String sqlState) {
        return sqlState.equals(UNIQUE_VIOLATION) || sqlState.startsWith("40");
    }

    private static DomainException.Unavailable notRecorded() {
        return new DomainException.Unavailable(
                "storage-unavailable",
                "Decision not recorded",
                "the decision could not be recorded and was not made; retry with the same Idempotency-Key");
    }

    /** Decisions of one request, and where the decisions on record for them are delivered. */
    private record Append(List<Packed> decisions, CompletableFuture<List<Answered>> recorded) {}
}
