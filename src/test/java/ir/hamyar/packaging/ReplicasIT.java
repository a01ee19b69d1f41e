package ir.hamyar.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.support.PackagedDeployment;
import ir.hamyar.support.PackagedService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of the packaged service on one database: an activation (and a rollback) made through one is served
 * by both within two seconds, measured from the activation call; decisions recorded through both at once, on two lanes
 * of the chain, verify as one record.
 */
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONVERGENCE = Duration.ofSeconds(2);
    private static final int DECISIONS = 400;

    @RegisterExtension
    final PackagedDeployment deployment = new PackagedDeployment();

    @Test
    void anActivationOnOneReplicaIsServedByBothWithinTwoSeconds() throws Exception {
        try (PackagedService a =
                        deployment.start("a", PackagedService.withTestUsers()).awaitListening();
                PackagedService b =
                        deployment.start("b", PackagedService.withTestUsers()).awaitListening()) {
            assertThat(servedVersion(a)).isEqualTo(1);
            assertThat(servedVersion(b)).isEqualTo(1);
            String parameters = Files.readString(Path.of("rules/safehouse/parameters.yaml"));
            String changes = JSON.writeValueAsString(JSON.createObjectNode()
                    .put("baseVersion", 1)
                    .put("comment", "standard stay described more plainly")
                    .set(
                            "files",
                            JSON.createObjectNode()
                                    .put(
                                            "safehouse/parameters.yaml",
                                            parameters.replace(
                                                    "Standard residential stay in Solar Hijri months",
                                                    "Standard residential stay, in Solar Hijri months"))));
            JsonNode draft = JSON.readTree(a.post("/api/v1/rulesets", "policy", "application/json", changes)
                    .body());
            int version = draft.get("version").asInt();
            String sha256 = draft.get("sha256").asText();
            awaitCompiledReady(b, sha256);
            // the packaged service requires a second officer's approval before a draft goes live (four eyes)
            var approval = b.post("/api/v1/rulesets/" + version + "/approve", "policy2", "application/json", "{}");
            assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);

            long switched = activateAndAwaitBoth(a, version, a, b);
            long rolledBack = activateAndAwaitBoth(b, 1, a, b);

            System.out.printf(
                    "ReplicasIT: activation served by both replicas after %d ms, rollback after %d ms%n",
                    switched, rolledBack);
            assertThat(switched).isLessThan(CONVERGENCE.toMillis());
            assertThat(rolledBack).isLessThan(CONVERGENCE.toMillis());
        }
    }

    @Test
    void twoReplicasDecidingAtOnceKeepOneValidChain() throws Exception {
        try (PackagedService a =
                        deployment.start("a", PackagedService.withTestUsers()).awaitListening();
                PackagedService b =
                        deployment.start("b", PackagedService.withTestUsers()).awaitListening()) {
            String helper = Files.readString(Path.of("src/test/resources/fixtures/helper.json"));
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < DECISIONS; i++) {
                PackagedService replica = i % 2 == 0 ? a : b;
                statuses.add(clients.submit(
                        () -> replica.post("/api/v1/decisions/helper", "intake", "application/json", helper)
                                .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
            clients.shutdown();

            JsonNode verification =
                    JSON.readTree(a.get("/api/v1/audit/verify", "auditor").body());
            assertThat(verification.get("valid").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(verification.get("records").asInt()).isEqualTo(DECISIONS);
            assertThat(lanesUsed())
                    .as("each replica's writer appends to the first free lane: at once, they use two")
                    .isGreaterThanOrEqualTo(2);
        }
    }

    /** How many of the chain's lanes hold records (lane n: seq from n * 10^12 + 1). */
    private long lanesUsed() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/" + deployment.database(), "postgres", null);
                Statement statement = connection.createStatement();
                ResultSet lanes = statement.executeQuery("select count(distinct seq / 1000000000000) from decision")) {
            lanes.next();
            return lanes.getLong(1);
        }
    }

    /** Milliseconds from the activation call on {@code via} until every replica reports {@code version} ready. */
    private static long activateAndAwaitBoth(PackagedService via, int version, PackagedService... replicas)
            throws Exception {
        long started = System.nanoTime();
        var answer = via.post(
                "/api/v1/rulesets/" + version + "/activate",
                "policy",
                "application/json",
                "{\"comment\":\"replica test\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        long deadline = started + Duration.ofSeconds(30).toNanos();
        for (PackagedService replica : replicas) {
            while (servedVersion(replica) != version) {
                assertThat(System.nanoTime()).as("replica never switched").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static int servedVersion(PackagedService replica) throws Exception {
        return ruleset(replica).path("data").path("version").asInt();
    }

    /** A replica compiles a new draft as soon as it hears of it, so that activating it is only a swap. */
    private static void awaitCompiledReady(PackagedService replica, String sha256) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ruleset(replica).path("data").path("compiledReady").asText().contains(sha256)) {
            assertThat(System.nanoTime())
                    .as("the draft was never compiled on the replica")
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static JsonNode ruleset(PackagedService replica) throws Exception {
        JsonNode health = JSON.readTree(replica.get("/q/health/ready").body());
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals("ruleset")) {
                return check;
            }
        }
        throw new AssertionError("no ruleset check in " + health);
    }
}
