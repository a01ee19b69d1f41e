package ir.hamyar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.calendar.SolarHijri;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import ir.hamyar.support.Rulesets;
import ir.hamyar.support.TwoOrganisationsProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Organisations (contract v1.1): each decision records its caller's organisation; intake reads its organisation's
 * decisions, an auditor of organisation A none of B's (search, full record, replay, failures, overrides, who looked,
 * rule statistics, reports), an auditor of {@code *} all of them; and every look at a record is on the reads list.
 */
@QuarkusTest
@TestProfile(TwoOrganisationsProfile.class)
class OrganisationScopeTest {

    @Test
    void anAuditorOfOneOrganisationSeesNothingOfAnother() {
        ObjectNode ofA = Fixtures.unique("family-safehouse.json");
        String refA = ofA.path("familyRef").asText();
        String idA = Api.decide("intake", ofA).getString("decisionId");
        ObjectNode ofB = Fixtures.unique("helper.json"); // B's families are ReportsTest's to count
        String refB = ofB.path("helperRef").asText();
        String idB = Api.decide("intake2", ofB).getString("decisionId");

        JsonPath full = Api.as("auditor")
                .get("/api/v1/audit/decisions/" + idB)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(full.getString("organisation")).isEqualTo(TwoOrganisationsProfile.B);
        assertThat(full.getString("caller")).isEqualTo("intake2");

        Api.as("auditor-a")
                .get("/api/v1/audit/decisions?subjectRef=" + refA)
                .then()
                .body("items", hasSize(1));
        Api.as("auditor-a")
                .get("/api/v1/audit/decisions?subjectRef=" + refB)
                .then()
                .body("items", empty());
        Api.as("auditor-a")
                .get("/api/v1/audit/decisions?from=" + IranTime.today())
                .then()
                .body("items.organisation.unique()", equalTo(List.of(TwoOrganisationsProfile.A)));
        Api.as("auditor")
                .get("/api/v1/audit/decisions?subjectRef=" + refB)
                .then()
                .body("items", hasSize(1));
        Api.as("auditor-a").get("/api/v1/audit/decisions/" + idB).then().statusCode(404);
        Api.as("auditor-a")
                .post("/api/v1/audit/decisions/" + idB + "/replay")
                .then()
                .statusCode(404);
        Api.as("auditor-a").get("/api/v1/decisions/" + idB).then().statusCode(404);
        Api.as("auditor-a").get("/api/v1/audit/decisions/" + idA).then().statusCode(200);
        Api.as("auditor-a")
                .post("/api/v1/audit/decisions/" + idA + "/replay")
                .then()
                .statusCode(200)
                .body("identical", equalTo(true));

        Api.as("auditor-a")
                .get("/api/v1/audit/reads?decisionId=" + idB)
                .then()
                .statusCode(200)
                .body("items", empty());
        Api.as("auditor")
                .get("/api/v1/audit/reads?decisionId=" + idB)
                .then()
                .body("items", hasSize(1))
                .body("items[0].reader", equalTo("auditor"))
                .body("items[0].action", equalTo("READ"))
                .body("items[0].organisation", equalTo("*"));
        Api.as("auditor")
                .get("/api/v1/audit/reads?decisionId=" + idA + "&reader=auditor-a")
                .then()
                .body("items.action", equalTo(List.of("REPLAY", "READ")))
                .body("items.organisation.unique()", equalTo(List.of(TwoOrganisationsProfile.A)));

        Api.as("auditor-a")
                .get("/api/v1/audit/rules?from=" + IranTime.today())
                .then()
                .statusCode(200)
                .body("decisions", equalTo(countOf("auditor", TwoOrganisationsProfile.A)));
        Api.as("auditor-a")
                .get("/api/v1/reports/safehouse?from=" + SolarHijri.firstOfMonth(IranTime.today()))
                .then()
                .statusCode(200)
                .body("organisation", equalTo(TwoOrganisationsProfile.A));
    }

    @Test
    void intakeReadsItsOrganisationsDecisionsOnly() {
        String idB = Api.decide("intake2", Fixtures.unique("helper.json")).getString("decisionId");
        Api.as("intake2").get("/api/v1/decisions/" + idB).then().statusCode(200);
        Api.as("intake").get("/api/v1/decisions/" + idB).then().statusCode(404).contentType(Api.PROBLEM_JSON);
        Api.as("intake")
                .body("{\"type\":\"TRAINING\",\"subject\":\"x\",\"value\":\"COMPLETE\",\"reason\":\"another house\"}")
                .post("/api/v1/decisions/" + idB + "/overrides")
                .then()
                .statusCode(404);
    }

    @Test
    void aPolicyUserSeesCountsOfADraftsImpactAndAnAuditorOnlyHerOrganisationsChangedDecisionsWhichAreRecorded()
            throws IOException {
        String ofA = Api.decide("intake", helperAssessedAfterTheScenarios()).getString("decisionId");
        String ofB = Api.decide("intake2", helperAssessedAfterTheScenarios()).getString("decisionId");
        int draft = Rulesets.draft(Rulesets.changes(
                        Rulesets.active(), Map.of("helpers/parameters.yaml", moreHoursBeforeService())))
                .statusCode(201)
                .extract()
                .path("version");

        String counts = Api.as("policy")
                .body("{\"limit\":50}")
                .post("/api/v1/rulesets/" + draft + "/impact")
                .then()
                .statusCode(200)
                .body("changed", greaterThanOrEqualTo(2))
                .body("transitions", not(anEmptyMap()))
                .body("$", not(hasKey("changes")))
                .body("$", not(hasKey("overridden")))
                .extract()
                .asString();
        assertThat(counts).doesNotContain(ofA).doesNotContain(ofB).doesNotContain("H-");

        JsonPath seen = Api.as("auditor-a")
                .body("{\"limit\":50}")
                .post("/api/v1/rulesets/" + draft + "/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(seen.getList("changes.decisionId", String.class))
                .contains(ofA)
                .doesNotContain(ofB);
        Api.as("auditor")
                .get("/api/v1/audit/reads?decisionId=" + ofA)
                .then()
                .body("items.action", equalTo(List.of("IMPACT")))
                .body("items.reader", equalTo(List.of("auditor-a")));
        Api.as("auditor").get("/api/v1/audit/reads?decisionId=" + ofB).then().body("items", empty());
    }

    @Test
    void anAuditorsReadOfADecisionThroughTheDecisionsEndpointIsRecorded() {
        String id = Api.decide("intake", Fixtures.unique("helper.json")).getString("decisionId");
        Api.as("intake").get("/api/v1/decisions/" + id).then().statusCode(200);
        Api.as("auditor-a").get("/api/v1/decisions/" + id).then().statusCode(200);

        Api.as("auditor")
                .get("/api/v1/audit/reads?decisionId=" + id)
                .then()
                .body("items.reader", equalTo(List.of("auditor-a")))
                .body("items.action", equalTo(List.of("READ")));
    }

    /** Failed before the change: keys and erasure went by the ref alone, so A's erasure wiped B's helper too. */
    @Test
    void anErasureByOneOrganisationNeverTouchesTheSameRefInAnother() {
        ObjectNode helper = Fixtures.unique("helper.json");
        String ref = helper.path("helperRef").asText();
        String ofA = Api.decide("intake", helper).getString("decisionId");
        String ofB = Api.decide("intake2", helper.deepCopy()).getString("decisionId");

        Api.as("admin")
                .body("{\"reason\":\"she asked the house to forget her\",\"organisation\":\""
                        + TwoOrganisationsProfile.A + "\"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(200)
                .body("decisions", equalTo(1))
                .body("organisation", equalTo(TwoOrganisationsProfile.A));

        Api.as("intake").get("/api/v1/decisions/" + ofA).then().statusCode(200).body("erased.by", equalTo("admin"));
        Api.as("intake2")
                .get("/api/v1/decisions/" + ofB)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("erased")))
                .body("conclusions", not(empty()));
        Api.as("admin")
                .body("{\"reason\":\"she asked the house to forget her\",\"organisation\":\"*\"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("organisation"));
    }

    /**
     * With one heavy read running and none allowed to wait (this profile), a second is refused at once: the first
     * is held inside its walk of the record by a lock the test takes on the decision table.
     */
    @Test
    void anImpactBeyondTheHeavyReadsAReplicaTakesIsRefusedWith429AndRetryAfter() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Connection lock = DriverManager.getConnection(OwnDatabases.SERVER + "hamyar_test", "postgres", null)) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table decision in access exclusive mode");
            Future<Integer> verify = other.submit(
                    () -> Api.as("auditor").get("/api/v1/audit/verify").statusCode());
            awaitWaitingOnALock(lock, verify);

            Api.as("policy")
                    .body("{\"limit\":5}")
                    .post("/api/v1/rulesets/active/impact")
                    .then()
                    .statusCode(429)
                    .contentType(Api.PROBLEM_JSON)
                    .header("Retry-After", notNullValue());
            lock.rollback();
            assertThat(verify.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            other.shutdownNow();
        }
        Api.as("policy")
                .body("{\"limit\":5}")
                .post("/api/v1/rulesets/active/impact")
                .then()
                .statusCode(200);
    }

    /**
     * Until a session waits for the lock on the decision table (pg_locks: the waiting statement may not be in
     * pg_stat_activity yet, for a table is locked while the statement is parsed).
     */
    private static void awaitWaitingOnALock(Connection lock, Future<Integer> verify) throws Exception {
        for (int tries = 0; tries < 200 && !verify.isDone(); tries++) {
            try (ResultSet waiting = lock.createStatement()
                    .executeQuery("select count(*) from pg_locks where not granted"
                            + " and relation = 'decision'::regclass")) {
                waiting.next();
                if (waiting.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("verify never reached the locked decision table"
                + (verify.isDone() ? ": it answered " + verify.get() : ""));
    }

    /** Helpers must have trained an hour more before service from 2026-11-21, after the helpers' scenarios. */
    private static String moreHoursBeforeService() throws IOException {
        return Files.readString(Path.of("rules/helpers/parameters.yaml"))
                .replaceFirst("    2016-03-20: 40\n", "    2016-03-20: 40\n    2026-11-21: 41\n");
    }

    private static ObjectNode helperAssessedAfterTheScenarios() {
        return Fixtures.with(Fixtures.unique("helper.json"), "/assessedOn", "\"2026-11-25\"");
    }

    /** Decisions of the organisation made today, counted through the search an auditor of every one can do. */
    private static int countOf(String auditor, String organisation) {
        return Api.as(auditor)
                .get("/api/v1/audit/decisions?size=500&from=" + IranTime.today())
                .then()
                .extract()
                .jsonPath()
                .getList("items.findAll { it.organisation == '" + organisation + "' }")
                .size();
    }
}
