package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Decisions waiting for their record hold no worker thread: with the record stalled (the decision table locked by
 * someone else) and more decisions waiting than the service has worker threads, a request served by a worker is
 * still answered at once, not after the write timeout frees the workers.
 */
@QuarkusTest
@TestProfile(StalledRecordTest.FewWorkers.class)
class StalledRecordTest {

    private static final int WORKERS = 4;
    private static final int WAITING = 3 * WORKERS;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(6);

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    @Test
    void aRequestIsAnsweredWhileMoreDecisionsThanWorkersWaitForTheirRecord() throws Exception {
        // both users signed in once: a first sign-in checks the password on a worker thread
        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200);
        Api.as("policy").get("/api/v1/rulesets").then().statusCode(200);
        ExecutorService clients = Executors.newFixedThreadPool(WAITING);
        List<Future<Integer>> waiting = new ArrayList<>();
        Duration answeredIn;
        try (Connection locker = owner.getConnection();
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("lock table decision in exclusive mode");
            for (int i = 0; i < WAITING; i++) {
                String body = Fixtures.unique("helper.json").toString();
                waiting.add(clients.submit(() -> Api.asIntake()
                        .body(body)
                        .post("/api/v1/decisions/helper")
                        .statusCode()));
            }
            awaitWriterBlocked(lock);
            Thread.sleep(500); // the other decisions reach the writer's queue meanwhile
            long started = System.nanoTime();
            Api.as("policy").get("/api/v1/rulesets").then().statusCode(200);
            answeredIn = Duration.ofNanos(System.nanoTime() - started);
            locker.rollback();
        }
        for (Future<Integer> status : waiting) {
            assertThat(status.get()).isIn(200, 503);
        }
        clients.shutdown();
        assertThat(answeredIn).isLessThan(WRITE_TIMEOUT.dividedBy(3));
    }

    /** Until the chain's writer waits for the lock this test holds. */
    private static void awaitWriterBlocked(Statement statement) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try (ResultSet blocked = statement.executeQuery(
                    "select count(*) from pg_locks where relation = 'decision'::regclass and not granted")) {
                blocked.next();
                if (blocked.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the chain's writer never waited for the locked decision table");
    }

    /** Fewer worker threads than decisions in flight, and a write timeout long enough to tell the two apart. */
    public static class FewWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.thread-pool.max-threads",
                    String.valueOf(WORKERS),
                    "hamyar.audit.write-timeout",
                    WRITE_TIMEOUT.toSeconds() + "s");
        }
    }
}
