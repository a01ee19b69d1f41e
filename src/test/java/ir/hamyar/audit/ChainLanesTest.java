package ir.hamyar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import ir.hamyar.ledger.Checkpoints;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The decision chain in lanes (V13): two writers append at once, each to a lane of its own; what they record verifies
 * as one record, checkpointed lane by lane; an idempotency key used on two lanes at once is recorded once; an erasure
 * waits for every lane. The test holds lanes' locks itself, as another replica's writer would, to decide which lane
 * the service's writers find free. A database of its own: the last test breaks the chain on purpose.
 */
@QuarkusTest
@TestProfile(ChainLanesTest.OwnDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainLanesTest {

    private static final String PREFIX = "hamyar_lanes_";
    static final String DATABASE = PREFIX + ProcessHandle.current().pid();
    private static final long LANE = 1_000_000_000_000L;
    private static final int BURST = 400;

    @Inject
    Checkpoints checkpoints;

    @TestHTTPResource("/")
    URL base;

    @Test
    @Order(1)
    void oneIdempotencyKeyOnTwoLanesAtOnceIsRecordedOnce() throws Exception {
        String body = Fixtures.unique("family-safehouse.json").toString();
        String key = "lanes-" + UUID.randomUUID();
        CompletableFuture<Response> first;
        CompletableFuture<Response> second;
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                // the first request's writer inserts its decision and then waits, its transaction open
                statement.execute("lock table report_outcome in exclusive mode");
            }
            first = CompletableFuture.supplyAsync(() -> decide(body, key));
            awaitWaiting("relation", 1);
            // the other writer takes the second: another lane, the key not yet on record there, so it inserts too
            second = CompletableFuture.supplyAsync(() -> decide(body, key));
            awaitWaiting("transactionid", 1);
            holder.commit();
        }
        Response a = first.get();
        Response b = second.get();
        assertThat(a.statusCode()).as(a.asString()).isEqualTo(200);
        assertThat(b.statusCode()).as(b.asString()).isEqualTo(200);
        assertThat(b.jsonPath().getString("decisionId")).isEqualTo(a.jsonPath().getString("decisionId"));
        assertThat(count("select count(*) from decision where idempotency_key = '" + key + "'"))
                .isEqualTo(1);
        assertThat(verify().getBoolean("valid")).isTrue();
    }

    @Test
    @Order(2)
    void anErasureWaitsForEveryLane() throws Exception {
        var family = Fixtures.unique("family-safehouse.json");
        String ref = family.get("familyRef").asText();
        Api.decide("intake", family);
        CompletableFuture<Integer> erasure;
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(decision_chain_lock_key(5))");
            }
            erasure = CompletableFuture.supplyAsync(() -> Api.as("admin")
                    .body("{\"reason\":\"she asked to be forgotten\"}")
                    .post("/api/v1/subjects/" + ref + "/erasure")
                    .statusCode());
            awaitWaiting("advisory", 1);
            Thread.sleep(300);
            assertThat(erasure)
                    .as("erased while a writer could still seal on lane 5")
                    .isNotDone();
            holder.commit();
        }
        assertThat(erasure.get()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void twoWritersUnderABurstRecordEveryDecisionOnceOnOneValidRecord() throws Exception {
        long before = count("select count(*) from decision");
        var helper = Fixtures.unique("helper.json");
        String body = helper.toString();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                statuses.add(clients.submit(() -> Api.asIntake()
                        .body(body)
                        .post("/api/v1/decisions/helper")
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
        }
        assertThat(count("select count(*) from decision")).isEqualTo(before + BURST);
        assertThat(count("select count(distinct seq / " + LANE + ") from decision where subject_ref = '"
                        + helper.get("helperRef").asText() + "'"))
                .as("both writers appended, each to its lane")
                .isGreaterThanOrEqualTo(2);
        JsonPath verification = verify();
        assertThat(verification.getBoolean("valid")).as(verification.prettify()).isTrue();
        assertThat(verification.getLong("records")).isEqualTo(before + BURST);
    }

    @Test
    @Order(4)
    void recordsOfTwoLanesVerifyAsOneRecordAndEachLaneIsCheckpointed() throws Exception {
        long before = count("select count(*) from decision");
        List<String> secondLane = new ArrayList<>();
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(decision_chain_lock_key(0))");
            }
            for (int i = 0; i < 4; i++) {
                secondLane.add(
                        Api.decide("intake", Fixtures.unique("helper.json")).getString("decisionId"));
            }
            holder.commit();
        }
        for (int i = 0; i < 3; i++) {
            Api.decide("intake", Fixtures.unique("helper.json"));
        }
        assertThat(count("select count(*) from decision where seq > " + LANE + " and id in ('"
                        + String.join("', '", secondLane) + "')"))
                .as("decided while the first lane was taken: recorded on another")
                .isEqualTo(4);
        JsonPath valid = verify();
        assertThat(valid.getBoolean("valid")).as(valid.prettify()).isTrue();
        assertThat(valid.getLong("records")).isEqualTo(before + 7);

        assertThat(checkpoints.write()).isPresent();
        JsonPath checkpointed = verify();
        assertThat(checkpointed.getBoolean("valid")).isTrue();
        List<Long> otherLanes = checkpointed.getList("checkpoint.lanes.seq", Long.class);
        List<String> signedHeads = new ArrayList<>();
        signedHeads.add(checkpointed.getLong("checkpoint.seq") + ":" + checkpointed.getString("checkpoint.hash"));
        for (int i = 0; i < otherLanes.size(); i++) {
            signedHeads.add(otherLanes.get(i) + ":" + checkpointed.getString("checkpoint.lanes[" + i + "].hash"));
        }
        assertThat(String.join(",", signedHeads))
                .as("the checkpoint signs every lane's head")
                .isEqualTo(asSuperuser(
                        "select string_agg(seq || ':' || hash, ',' order by seq) from decision_chain_heads()"));
        assertThat(otherLanes).as("the checkpoint signs the other lane's head").anySatisfy(seq -> assertThat(seq)
                .isGreaterThan(LANE));
        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor").open("/console/audit/proof");
            assertThat(auditor.attribute("#chain", "data-valid")).isEqualTo("true");
            assertThat(auditor.text("#openssl"))
                    .as("the check by hand covers every lane's head")
                    .contains("seq = " + otherLanes.get(0))
                    .contains("|lanes|" + otherLanes.get(0) + ":");
            auditor.screenshot("audit-proof-lanes-fa");
            auditor.open("/console/language/en?to=/console/audit/proof");
            assertThat(auditor.text("#checkpoint")).contains("lane 1");
            auditor.screenshot("audit-proof-lanes-en");
            auditor.open("/console/audit/decisions/" + secondLane.get(0));
            assertThat(auditor.text("#chain-place"))
                    .as("a record names its lane")
                    .endsWith("(lane 1)");
            auditor.screenshot("audit-record-lane-en");
            auditor.open("/console/language/fa?to=/console/audit/decisions/" + secondLane.get(0));
            assertThat(auditor.text("#chain-place")).endsWith("(رشتهٔ ۱)");
            auditor.screenshot("audit-record-lane-fa");
        }

        String altered = secondLane.get(1);
        String original = asSuperuser("select subject_ref from decision where id = '" + altered + "'");
        asSuperuser("update decision set subject_ref = 'T-someone-else' where id = '" + altered + "'");
        JsonPath broken = verify();
        assertThat(broken.getBoolean("valid")).isFalse();
        assertThat(broken.getString("firstInvalidId")).isEqualTo(altered);
        assertThat(broken.getString("problem")).contains("altered");
        asSuperuser("update decision set subject_ref = '" + original + "' where id = '" + altered + "'");
        assertThat(verify().getBoolean("valid")).as("restored").isTrue();

        asSuperuser("delete from decision where seq = (select max(seq) from decision where seq > " + LANE
                + " and seq < " + 2 * LANE + ")");
        JsonPath shortened = verify();
        assertThat(shortened.getBoolean("valid")).isFalse();
        assertThat(shortened.getString("problem"))
                .contains("lane 1 of the chain ends at seq")
                .contains("newest records were removed");
        asSuperuser("delete from decision where seq > " + LANE);
        assertThat(verify().getString("problem"))
                .as("a whole lane removed")
                .contains("lane 1 of the chain ends at seq " + LANE + " ");
    }

    private static Response decide(String body, String key) {
        return Api.asIntake()
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/decisions/family")
                .andReturn();
    }

    private static JsonPath verify() {
        return Api.as("auditor")
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Waits until {@code backends} of the service wait on a lock of the kind ({@code wait_event}). */
    private static void awaitWaiting(String event, int backends) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count("select count(*) from pg_stat_activity where datname = '" + DATABASE
                        + "' and wait_event_type = 'Lock' and wait_event = '" + event + "'")
                < backends) {
            assertThat(System.nanoTime()).as("nobody waits on " + event).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(asSuperuser(sql));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(OwnDatabases.SERVER + DATABASE, "postgres", null);
    }

    private static String asSuperuser(String sql) throws SQLException {
        return OwnDatabases.asSuperuser(DATABASE, sql);
    }

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            OwnDatabases.named(PREFIX);
            return Map.of(
                    "quarkus.datasource.jdbc.url", OwnDatabases.SERVER + DATABASE,
                    "hamyar.audit.writers", "2",
                    // the test keeps writers waiting on its locks for a moment
                    "hamyar.audit.write-timeout", "20s",
                    "hamyar.audit.checkpoint.file", "target/" + DATABASE + "-checkpoints.jsonl",
                    "hamyar.audit.checkpoint.interval", "1h");
        }
    }
}
