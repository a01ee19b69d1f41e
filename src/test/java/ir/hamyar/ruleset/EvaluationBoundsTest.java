package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One evaluation is bounded in time (hamyar.rules.max-evaluation-ms, here 1500): with a firing cap too large to
 * stop them, a rule that never settles and one that is merely slow are both stopped by the clock, answered
 * rules-failed, while valid decisions sent meanwhile are answered; compiles and activations work afterwards.
 */
@QuarkusTest
@TestProfile(EvaluationBoundsTest.LargeFiringCap.class)
class EvaluationBoundsTest {

    /** A firing cap no rule here reaches, so that only the clock can stop them, and a clock of 1.5 s. */
    public static class LargeFiringCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hamyar.engine.max-firings", "5000000", "hamyar.rules.max-evaluation-ms", "1500");
        }
    }

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void longRunningRulesAreStoppedByTheClockWhileOtherDecisionsAreAnswered() throws Exception {
        int version = Rulesets.draft(
                        Rulesets.changes(Rulesets.active(), Map.of("relief/long.drl", RuleTrees.LONG_RUNNING_RULES)))
                .statusCode(201)
                .extract()
                .path("version");
        Rulesets.activate(version, "rules that run long for two families").statusCode(200);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Timed>> stopped = new ArrayList<>();
            for (String ref : List.of("F-FOREVER", "F-SLOW", "F-FOREVER", "F-SLOW")) {
                stopped.add(CompletableFuture.supplyAsync(() -> decide(ref), callers));
            }
            AtomicInteger answered = new AtomicInteger();
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String familyRef = "F-" + UUID.randomUUID().toString().substring(0, 8);
                others.add(CompletableFuture.runAsync(
                        () -> {
                            if (decide(familyRef).status() == 200) {
                                answered.incrementAndGet();
                            }
                        },
                        callers));
            }
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();

            assertThat(answered.get()).isEqualTo(60);
            for (CompletableFuture<Timed> call : stopped) {
                Timed timed = call.join();
                assertThat(timed.status()).isEqualTo(500);
                assertThat(timed.body())
                        .contains("urn:hamyar:problem:rules-failed")
                        .contains("ran past the bound of 1500 ms")
                        .contains("relief/EveryRoundBeforeTheLastStartsTheNext");
                assertThat(timed.took()).isLessThan(Duration.ofSeconds(8));
            }
        } finally {
            callers.shutdownNow();
        }

        Rulesets.restoreShipped();
        assertThat(Rulesets.active()).isEqualTo(Rulesets.shipped());
        Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of())).statusCode(201);
    }

    private static Timed decide(String familyRef) {
        ObjectNode family = Fixtures.load("family-safehouse.json");
        family.put("familyRef", familyRef);
        long started = System.nanoTime();
        Response response = Api.asIntake().body(family.toString()).post("/api/v1/decisions/family");
        return new Timed(response.statusCode(), response.asString(), Duration.ofNanos(System.nanoTime() - started));
    }

    private record Timed(int status, String body, Duration took) {}
}
