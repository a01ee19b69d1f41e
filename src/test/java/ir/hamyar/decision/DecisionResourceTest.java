package ir.hamyar.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DecisionResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMotherWithASonOf12AndASonWhoTurned13OnAdmissionIsAdmittedWithTheYoungerOnly() throws Exception {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String body = family.toPrettyString();
        String ref = family.get("familyRef").asText();

        String answered = Api.asIntake()
                .body(body)
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        JsonPath decision = JsonPath.from(answered);

        assertThat(decision.getString("kind")).isEqualTo("family");
        assertThat(decision.getString("subjectRef")).isEqualTo(ref);
        assertThat(decision.getString("assessedOnJalali")).isEqualTo("1405-08-29");
        assertThat(conclusion(decision, "SAFE_HOUSE", "m1"))
                .containsEntry("value", "RESIDENTIAL")
                .containsEntry("rule", "safehouse/EligibleApplicantInImmediateDangerIsOfferedResidence");
        Map<String, Object> stay = conclusion(decision, "STAY", "m1");
        assertThat(stay).containsEntry("value", "STANDARD");
        assertThat((Map<String, Object>) stay.get("details"))
                .containsEntry("approvedMonths", 4)
                .containsEntry("exitOn", "2027-03-20")
                .containsEntry("exitOnJalali", "1405-12-29")
                .containsEntry("latestExitOn", "2027-07-21")
                .containsEntry("latestExitOnJalali", "1406-04-30");
        assertThat(conclusion(decision, "ACCOMPANY", "m2"))
                .containsEntry("value", "ALLOWED")
                .containsEntry("rule", "safehouse/SonWithinTheAgeLimitAccompaniesHisMother");
        assertThat(conclusion(decision, "ACCOMPANY", "m3"))
                .containsEntry("value", "NOT_ALLOWED")
                .containsEntry("rule", "safehouse/SonPastTheAgeLimitCannotAccompanyHisMother");
        Map<String, Object> limit = conclusion(decision, "AGE_LIMIT_DURING_STAY", "m2");
        assertThat((Map<String, Object>) limit.get("details"))
                .containsEntry("reachesLimitOn", "2027-01-15")
                .containsEntry("reachesLimitOnJalali", "1405-10-25");
        assertThat(decision.getList("conclusions.findAll { it.subject == 'm3' && it.type == 'AGE_LIMIT_DURING_STAY' }"))
                .isEmpty();
        List<Map<String, Object>> conclusions = decision.getList("conclusions");
        assertThat(conclusions).allSatisfy(c -> {
            Map<String, String> reason = (Map<String, String>) c.get("reason");
            assertThat(reason.get("fa")).isNotBlank().doesNotContain("{");
            assertThat(reason.get("en")).isNotBlank().doesNotContain("{");
            assertThat((String) c.get("reference")).contains("default policy §");
        });
        assertThat(conclusions)
                .filteredOn(c -> ((String) c.get("rule")).startsWith("safehouse/"))
                .hasSize(5)
                .allSatisfy(c -> assertThat((String) c.get("reference")).contains("default policy §2"));
        assertThat(decision.getString("conclusions.find { it.subject == 'm3' }.reason.en"))
                .contains("13")
                .contains("alternative care");
        List<Integer> seq = decision.getList("firedRules.seq", Integer.class);
        assertThat(seq)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, seq.size())
                        .boxed()
                        .toList());
        assertThat(decision.getList("firedRules.rule", String.class))
                .contains(
                        "safehouse/SonWhoPassesTheAgeLimitBeforeExitIsFlagged",
                        "tiering/FewerAnsweredIndicatorsThanTheCoverageLineIsInsufficientData");

        Map<String, Object> row =
                Records.decision(dataSource, decision.getString("decisionId")).orElseThrow();
        assertThat(row)
                .containsEntry("kind", "family")
                .containsEntry("subject_ref", ref)
                .containsEntry("caller", "intake")
                .containsEntry("sealed", true)
                .containsEntry("input", body)
                .containsEntry("ruleset_sha256", decision.getString("ruleset.sha256"));
        assertThat(Fixtures.JSON.readTree((String) row.get("response"))).isEqualTo(Fixtures.JSON.readTree(answered));
    }

    @Test
    void theRulesetReportedIsTheOneReadinessShows() {
        String sha = given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .extract()
                .path("checks.find { it.name == 'ruleset' }.data.sha256");

        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200)
                .body("ruleset.sha256", equalTo(sha))
                .body("ruleset.version", not(equalTo(0)));
    }

    @Test
    void aSolarHijriRequestWithPersianAndArabicIndicDigitsIsDecided() {
        Api.asIntake()
                .body(Fixtures.unique("family-jalali.json").toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body("assessedOn", equalTo("2026-11-20"))
                .body("assessedOnJalali", equalTo("1405-08-29"))
                .body("conclusions.find { it.type == 'STAY' }.details.exitOnJalali", equalTo("1405-12-29"))
                .body(
                        "conclusions.find { it.type == 'AGE_LIMIT_DURING_STAY' }.details.reachesLimitOnJalali",
                        equalTo("1405-10-25"));
    }

    @Test
    void groupAndHelperProfilesAreDecidedAndRecorded() {
        for (String kind : List.of("group", "helper")) {
            ObjectNode profile = Fixtures.unique(kind + ".json");
            String id = Api.asIntake()
                    .body(profile.toString())
                    .when()
                    .post("/api/v1/decisions/" + kind)
                    .then()
                    .statusCode(200)
                    .body("kind", equalTo(kind))
                    .body("decisionId", not(emptyString()))
                    .extract()
                    .path("decisionId");

            assertThat(Records.decision(dataSource, id))
                    .hasValueSatisfying(row -> assertThat(row).containsEntry("kind", kind));
        }
    }

    @Test
    void aRecordedDecisionIsReadByItsCallerAndAuditorsOnly() {
        String id = decideFamily("intake", null);
        String answered =
                Records.decision(dataSource, id).orElseThrow().get("response").toString();

        String read = Api.as("intake")
                .when()
                .get("/api/v1/decisions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(read).isEqualTo(answered);
        Api.as("auditor")
                .when()
                .get("/api/v1/decisions/" + id)
                .then()
                .statusCode(200)
                .body("decisionId", equalTo(id));
        Api.as("admin").when().get("/api/v1/decisions/" + id).then().statusCode(200);
        Api.as("intake2")
                .when()
                .get("/api/v1/decisions/" + id)
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        Api.as("policy")
                .when()
                .get("/api/v1/decisions/" + id)
                .then()
                .statusCode(403)
                .contentType(Api.PROBLEM_JSON);
        Api.as("auditor")
                .when()
                .get("/api/v1/decisions/01a207e6-0000-7000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        Api.as("auditor").when().get("/api/v1/decisions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void resendingWithTheSameKeyAnswersTheOriginalDecisionAndRecordsNothingNew() throws Exception {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String key = "device-7:" + family.get("familyRef").asText();

        String first = Api.asIntake()
                .header("Idempotency-Key", key)
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "false")
                .extract()
                .asString();
        String again = Api.asIntake()
                .header("Idempotency-Key", key)
                .body(family.toPrettyString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract()
                .asString();

        assertThat(Fixtures.JSON.readTree(again)).isEqualTo(Fixtures.JSON.readTree(first));
        assertThat(Records.countForKey(dataSource, "intake", key)).isEqualTo(1);
        assertThat(Records.countForSubject(dataSource, family.get("familyRef").asText()))
                .isEqualTo(1);
    }

    @Test
    void theSameRequestResentManyTimesAtOnceIsDecidedAndRecordedOnce() throws Exception {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String key = "burst-" + family.get("familyRef").asText();
        ExecutorService devices = Executors.newFixedThreadPool(8);
        List<Future<io.restassured.response.Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                sent.add(devices.submit(() -> Api.asIntake()
                        .header("Idempotency-Key", key)
                        .body(family.toString())
                        .post("/api/v1/decisions/family")));
            }
            List<String> decisionIds = new ArrayList<>();
            List<String> replayed = new ArrayList<>();
            for (Future<io.restassured.response.Response> answer : sent) {
                io.restassured.response.Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                decisionIds.add(response.path("decisionId"));
                replayed.add(response.header("Idempotent-Replayed"));
            }

            assertThat(decisionIds).containsOnly(decisionIds.get(0));
            assertThat(replayed).containsOnlyOnce("false");
            assertThat(Records.countForKey(dataSource, "intake", key)).isEqualTo(1);
        } finally {
            devices.shutdownNow();
        }
    }

    @Test
    void reusingAKeyForAnotherBodyIsAConflictAndRecordsNothing() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String key = "k-" + family.get("familyRef").asText();
        Api.asIntake()
                .header("Idempotency-Key", key)
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200);

        Api.asIntake()
                .header("Idempotency-Key", key)
                .body(Fixtures.with(family, "/safeHouse/requestedMonths", "6").toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(409)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:idempotency-conflict"));

        assertThat(Records.countForSubject(dataSource, family.get("familyRef").asText()))
                .isEqualTo(1);
    }

    @Test
    void keysBelongToTheDeviceThatSentThem() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String key = "shared-" + family.get("familyRef").asText();

        String first = decide("intake", key, family);
        String second = decide("intake2", key, family);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aMalformedIdempotencyKeyIsRefused() {
        Api.asIntake()
                .header("Idempotency-Key", "has spaces and is far too long ".repeat(3))
                .body(Fixtures.unique("helper.json").toString())
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void anAdmissionDatedBeforeThePolicyBeganIsRefusedNamingTheAdmissionDate() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        Fixtures.with(family, "/safeHouse/admissionOn", "\"2010-01-01\"");

        Api.asIntake()
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("safeHouse.admissionOn"));
    }

    @Test
    void aProfileAssessedBeforeThePolicyBeganIsRefusedNamingItsAssessmentDate() {
        ObjectNode helper = Fixtures.unique("helper.json");
        Fixtures.with(helper, "/assessedOn", "\"2010-01-01\"");
        Fixtures.with(helper, "/serviceYearStartedOn", "\"2009-03-21\"");

        Api.asIntake()
                .body(helper.toString())
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("assessedOn"));
    }

    private String decideFamily(String user, String key) {
        return decide(user, key, Fixtures.unique("family-safehouse.json"));
    }

    private static String decide(String user, String key, ObjectNode body) {
        var request = Api.as(user).body(body.toString());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
    }

    private static Map<String, Object> conclusion(JsonPath decision, String type, String subject) {
        Map<String, Object> found =
                decision.getMap("conclusions.find { it.type == '" + type + "' && it.subject == '" + subject + "' }");
        assertThat(found).as(type + " for " + subject).isNotNull();
        return found;
    }
}
