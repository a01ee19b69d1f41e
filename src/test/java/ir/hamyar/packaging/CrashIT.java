package ir.hamyar.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.support.PackagedDeployment;
import ir.hamyar.support.PackagedService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of the packaged service under load, several times: every decision a client was answered 200 for,
 * and every caseworker's override answered 201, is on record after the restarts, and both hash chains verify. {@code -Dhamyar.crash.rounds=10} for the full check.
 */
class CrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = Integer.getInteger("hamyar.crash.rounds", 3);
    private static final int CLIENTS = 8;

    @RegisterExtension
    final PackagedDeployment deployment = new PackagedDeployment();

    @Test
    void noAcknowledgedDecisionIsLostToAKillAndTheChainVerifies() throws Exception {
        String helper = Files.readString(Path.of("src/test/resources/fixtures/helper.json"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> overridden = ConcurrentHashMap.newKeySet();
        int unanswered = 0;
        for (int round = 0; round < ROUNDS; round++) {
            PackagedService service = deployment
                    .start("round-" + round, PackagedService.withTestUsers())
                    .awaitListening();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<java.util.concurrent.Future<Integer>> failures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                failures.add(
                        clients.submit(() -> decideUntilStopped(service, helper, running, acknowledged, overridden)));
            }
            Thread.sleep(1500);
            service.process().destroyForcibly();
            service.process().waitFor(20, TimeUnit.SECONDS);
            running.set(false);
            clients.shutdown();
            for (var failed : failures) {
                unanswered += failed.get();
            }
        }

        try (PackagedService last =
                deployment.start("last", PackagedService.withTestUsers()).awaitListening()) {
            HttpResponse<String> verify = last.get("/api/v1/audit/verify", "auditor");
            JsonNode verification = JSON.readTree(verify.body());
            System.out.printf(
                    "CrashIT: %d kills, %d decisions and %d overrides acknowledged, %d requests cut off, chain %s"
                            + " over %d records%n",
                    ROUNDS,
                    acknowledged.size(),
                    overridden.size(),
                    unanswered,
                    verification.get("valid").asBoolean() ? "valid" : "INVALID",
                    verification.get("records").asLong());
            assertThat(verification.get("valid").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(acknowledged).isNotEmpty();
            assertThat(missing(acknowledged, "decision"))
                    .as("acknowledged decisions not on record")
                    .isEmpty();
            assertThat(overridden).isNotEmpty();
            assertThat(missing(overridden, "decision_override"))
                    .as("acknowledged overrides not on record")
                    .isEmpty();
            assertThat(verification.get("overrides").get("valid").asBoolean()).isTrue();
        }
    }

    /**
     * Sends decisions, and a caseworker's override of each one's TRAINING conclusion, until stopped; returns how many
     * got no answer (the service was killed under them).
     */
    private static int decideUntilStopped(
            PackagedService service,
            String body,
            AtomicBoolean running,
            Set<String> acknowledged,
            Set<String> overridden) {
        int unanswered = 0;
        while (running.get()) {
            try {
                HttpResponse<String> response =
                        service.post("/api/v1/decisions/helper", "intake", "application/json", body);
                if (response.statusCode() == 200) {
                    JsonNode decision = JSON.readTree(response.body());
                    acknowledged.add(decision.get("decisionId").asText());
                    HttpResponse<String> override = service.post(
                            "/api/v1/decisions/" + decision.get("decisionId").asText() + "/overrides",
                            "intake",
                            "application/json",
                            trainingOverride(decision));
                    if (override.statusCode() == 201) {
                        overridden.add(
                                JSON.readTree(override.body()).get("overrideId").asText());
                    }
                }
            } catch (Exception e) {
                unanswered++;
                if (!service.process().isAlive()) {
                    return unanswered;
                }
            }
        }
        return unanswered;
    }

    /** The override of the decision's TRAINING conclusion to another value of its type. */
    private static String trainingOverride(JsonNode decision) {
        for (JsonNode conclusion : decision.get("conclusions")) {
            if (conclusion.get("type").asText().equals("TRAINING")) {
                String to = conclusion.get("value").asText().equals("COMPLETE") ? "IN_SERVICE_IN_PROGRESS" : "COMPLETE";
                return JSON.createObjectNode()
                        .put("type", "TRAINING")
                        .put("subject", conclusion.get("subject").asText())
                        .put("value", to)
                        .put("reason", "certificate seen at the visit; the record is behind")
                        .toString();
            }
        }
        throw new IllegalStateException("a helper decision concludes TRAINING");
    }

    private List<String> missing(Set<String> acknowledged, String table) throws Exception {
        List<String> missing = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/" + deployment.database(), "postgres", null);
                PreparedStatement exists = connection.prepareStatement("select 1 from " + table + " where id = ?")) {
            for (String id : acknowledged) {
                exists.setObject(1, UUID.fromString(id));
                try (ResultSet result = exists.executeQuery()) {
                    if (!result.next()) {
                        missing.add(id);
                    }
                }
            }
        }
        return missing;
    }
}
