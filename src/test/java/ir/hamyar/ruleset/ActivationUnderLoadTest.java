package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switching versions while decisions run: no request fails, and every decision is made wholly under the one version
 * it reports (a son of 13 is refused under the shipped rules and allowed under the raised limit, never mixed).
 */
@QuarkusTest
class ActivationUnderLoadTest {

    private static final int THREADS = 4;
    private static final int DECISIONS_PER_PHASE = 60;

    @TestHTTPResource("/api/v1/decisions/family")
    URI familyDecisions;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void threeSwitchesUnderContinuousDecisionsFailNoRequestAndNeverMixVersions() throws Exception {
        int shipped = Rulesets.active();
        int raised = Rulesets.draft(Rulesets.changes(shipped, Map.of("safehouse/parameters.yaml", raisedLimit())))
                .statusCode(201)
                .extract()
                .path("version");
        String subject = "T-LOAD-" + UUID.randomUUID().toString().substring(0, 8);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger decided = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(clients.submit(() -> decideUntilStopped(subject, running, outcomes, decided)));
        }
        try {
            awaitMore(decided, DECISIONS_PER_PHASE);
            Rulesets.activate(raised, "load test: switch 1").statusCode(200);
            awaitMore(decided, DECISIONS_PER_PHASE);
            Rulesets.activate(shipped, "load test: switch 2").statusCode(200);
            awaitMore(decided, DECISIONS_PER_PHASE);
            Rulesets.activate(raised, "load test: switch 3").statusCode(200);
            awaitMore(decided, DECISIONS_PER_PHASE);
        } finally {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            clients.shutdown();
        }

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(200));
        assertThat(outcomes)
                .allSatisfy(outcome -> assertThat(outcome.version()).isIn(shipped, raised))
                .allSatisfy(outcome -> assertThat(outcome.sonOf13())
                        .as("decided under version %d", outcome.version())
                        .isEqualTo(outcome.version() == raised ? "ALLOWED" : "NOT_ALLOWED"));
        assertThat(outcomes).filteredOn(outcome -> outcome.version() == shipped).isNotEmpty();
        assertThat(outcomes).filteredOn(outcome -> outcome.version() == raised).isNotEmpty();
        assertThat(Records.countForSubject(dataSource, subject)).isEqualTo(outcomes.size());
    }

    private void decideUntilStopped(
            String subject, AtomicBoolean running, ConcurrentLinkedQueue<Outcome> outcomes, AtomicInteger decided) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = sonOf13(subject);
        String auth =
                "Basic " + Base64.getEncoder().encodeToString("intake:intake-test".getBytes(StandardCharsets.UTF_8));
        while (running.get()) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(familyDecisions)
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                outcomes.add(Outcome.of(response));
            } catch (Exception e) {
                outcomes.add(new Outcome(-1, -1, e.toString()));
            }
            decided.incrementAndGet();
        }
    }

    private static void awaitMore(AtomicInteger decided, int more) throws InterruptedException {
        int target = decided.get() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (decided.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static String sonOf13(String subject) {
        return """
                {"familyRef":"%s","assessedOn":"2026-11-23",
                 "members":[{"ref":"mother","role":"HEAD","sex":"FEMALE","birthDate":"1985-01-01"},
                            {"ref":"son13","role":"CHILD","sex":"MALE","birthDate":"2013-06-01"}],
                 "circumstances":["DOMESTIC_VIOLENCE"],
                 "safeHouse":{"applicantRef":"mother","admissionOn":"2026-11-23","immediateDanger":true}}
                """
                .formatted(subject);
    }

    private static String raisedLimit() throws java.io.IOException {
        return Files.readString(Path.of("rules/safehouse/parameters.yaml"))
                .replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-11-22: 14\n");
    }

    private record Outcome(int status, int version, String sonOf13) {

        static Outcome of(HttpResponse<String> response) throws java.io.IOException {
            if (response.statusCode() != 200) {
                return new Outcome(response.statusCode(), -1, response.body());
            }
            JsonNode answer = Fixtures.JSON.readTree(response.body());
            String value = null;
            for (JsonNode conclusion : answer.get("conclusions")) {
                if (conclusion.get("type").asText().equals("ACCOMPANY")
                        && conclusion.get("subject").asText().equals("son13")) {
                    value = conclusion.get("value").asText();
                }
            }
            return new Outcome(200, answer.get("ruleset").get("version").asInt(), value);
        }
    }
}
