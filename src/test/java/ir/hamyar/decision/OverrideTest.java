package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.json.Json;
import ir.hamyar.json.Sha256;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.OwnDatabases;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Caseworker overrides (contract v1.1): a person decides otherwise, says why, and it is on the record. */
@QuarkusTest
class OverrideTest {

    private static final String DAY_SERVICES_RULE = "safehouse/EligibleApplicantNotInDangerIsOfferedDayServices";
    private static final String REASON = "مادر دیشب دوباره تهدید شد؛ تا یافتن جای امن دیگر، پذیرش شبانه لازم است.";

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void aCaseworkerAdmitsAMotherTheRulesSentToDayServicesAndEveryReaderSeesIt() throws java.sql.SQLException {
        String decision = decideDayServices("intake");
        String key = "tablet-3:" + UUID.randomUUID();

        JsonPath made = override(decision, "intake", key, body("RESIDENTIAL", REASON))
                .statusCode(201)
                .body("decisionId", equalTo(decision))
                .body("type", equalTo("SAFE_HOUSE"))
                .body("subject", equalTo("m1"))
                .body("from", equalTo("DAY_SERVICES"))
                .body("to", equalTo("RESIDENTIAL"))
                .body("rule", equalTo(DAY_SERVICES_RULE))
                .body("reason", equalTo(REASON))
                .body("overriddenBy", equalTo("intake"))
                .body("overriddenAt", notNullValue())
                .extract()
                .jsonPath();
        String overrideId = made.getString("overrideId");

        override(decision, "intake", key, body("RESIDENTIAL", REASON))
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("overrideId", equalTo(overrideId));
        override(decision, "intake", key, body("RESIDENTIAL", REASON + " و کودک بیمار است"))
                .statusCode(409)
                .contentType(Api.PROBLEM_JSON);
        String plainDigest = Sha256.hex((decision + "\n" + Json.canonical(Json.readOwn(body("RESIDENTIAL", REASON))))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(OwnDatabases.asSuperuser(
                        "hamyar_test",
                        "select count(*) from decision_override where id = '" + overrideId + "' and request_sha256 = '"
                                + plainDigest + "'"))
                .as("the request digest kept for the resend is an HMAC, not the plain sha256 of a guessable request"
                        + " (failed before the change)")
                .isEqualTo("0");

        Api.asIntake()
                .get("/api/v1/decisions/" + decision)
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'SAFE_HOUSE' }.value", equalTo("DAY_SERVICES"))
                .body("overrides", hasSize(1))
                .body("overrides[0].overrideId", equalTo(overrideId));
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decision)
                .then()
                .statusCode(200)
                .body("overrides[0].reason", equalTo(REASON));
        Api.as("auditor")
                .get("/api/v1/audit/overrides?rule=" + DAY_SERVICES_RULE + "&type=SAFE_HOUSE&size=500")
                .then()
                .statusCode(200)
                .body("items.overrideId", hasItem(overrideId));
        Api.as("auditor")
                .get("/api/v1/audit/rules")
                .then()
                .statusCode(200)
                .body(
                        "rules.find { it.rule == '" + DAY_SERVICES_RULE + "' }.overridden",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        Api.as("auditor")
                .post("/api/v1/audit/decisions/" + decision + "/replay")
                .then()
                .statusCode(200)
                .body("identical", equalTo(true));
        JsonPath verification = Api.as("auditor")
                .get("/api/v1/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getBoolean("overrides.valid")).isTrue();
        assertThat(verification.getLong("overrides.records")).isPositive();
        assertThat(Api.as("admin").get("/q/metrics").asString())
                .contains("hamyar_overrides_total{type=\"SAFE_HOUSE\"}");
    }

    @Test
    void aLaterOverrideOfTheSameConclusionSupersedesTheEarlierOneAndBothStay() {
        String decision = decideDayServices("intake");
        override(decision, "intake", null, body("RESIDENTIAL", REASON)).statusCode(201);
        override(decision, "intake", null, body("DAY_SERVICES", "خطر برطرف شد؛ خدمات روزانه کافی است."))
                .statusCode(201)
                .body("from", equalTo("RESIDENTIAL"))
                .body("to", equalTo("DAY_SERVICES"));
        override(decision, "intake", null, body("DAY_SERVICES", "دوباره همان تصمیم را ثبت می‌کنم."))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("value")));
        Api.asIntake()
                .get("/api/v1/decisions/" + decision)
                .then()
                .body("overrides.to", equalTo(List.of("RESIDENTIAL", "DAY_SERVICES")));
    }

    @Test
    void eachMistakeIsRefusedNamingItsFieldAndNothingIsRecorded() {
        String decision = decideDayServices("intake");
        refused(
                decision,
                "{\"type\":\"TIER\",\"subject\":\"m1\",\"value\":\"STABLE\",\"reason\":\"" + REASON + "\"}",
                "type");
        refused(decision, body("HOTEL", REASON), "value");
        refused(decision, body("DAY_SERVICES", REASON), "value");
        refused(decision, body("RESIDENTIAL", "کوتاه"), "reason");
        refused(decision, "{\"type\":\"SAFE_HOUSE\",\"subject\":\"m1\",\"value\":\"RESIDENTIAL\"}", "reason");
        refused(
                decision,
                "{\"type\":\"SAFE_HOUSE\",\"subject\":\"m1\",\"value\":\"RESIDENTIAL\",\"reason\":\"" + REASON
                        + "\",\"nationalId\":\"0012345678\"}",
                "nationalId");
        Api.asIntake().get("/api/v1/decisions/" + decision).then().body("overrides", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void onlyTheDevicesOwnDecisionsCanBeOverriddenAndOnlyByIntake() {
        String decision = decideDayServices("intake");
        override(decision, "intake2", null, body("RESIDENTIAL", REASON))
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        override(UUID.randomUUID().toString(), "intake", null, body("RESIDENTIAL", REASON))
                .statusCode(404);
        override(decision, "policy", null, body("RESIDENTIAL", REASON)).statusCode(403);
        override(decision, "auditor", null, body("RESIDENTIAL", REASON)).statusCode(403);
    }

    @Test
    void aDraftThatWouldDecideAsTheCaseworkerDidIsSeenToAgreeWithHer() {
        String decision = decideDayServices("intake");
        override(decision, "intake", null, body("RESIDENTIAL", REASON)).statusCode(201);
        String eligibility = RuleTrees.shipped().text("safehouse/eligibility.drl");
        int draft = Rulesets.draft(Rulesets.changes(
                        Rulesets.active(),
                        Map.of(
                                "safehouse/eligibility.drl",
                                eligibility.replace(
                                        "Conclusion.of(\"SAFE_HOUSE\", $ref, \"DAY_SERVICES\")",
                                        "Conclusion.of(\"SAFE_HOUSE\", $ref, \"RESIDENTIAL\")"))))
                .extract()
                .path("version");

        JsonPath impact = Api.as("auditor")
                .body("{\"limit\":20}")
                .post("/api/v1/rulesets/" + draft + "/impact")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(impact.getList("overridden.findAll { it.decisionId == '" + decision + "' }.agreesWithOverride"))
                .containsExactly(true);
        assertThat(impact.getLong("overridesAgreed")).isPositive();
        assertThat(impact.getLong("overridesReplayed")).isGreaterThanOrEqualTo(impact.getLong("overridesAgreed"));
        assertThat(impact.getList("changes.findAll { it.decisionId == '" + decision + "' }.agreesWithOverride"))
                .containsExactly(true);
    }

    private static void refused(String decision, String body, String field) {
        override(decision, "intake", null, body)
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", hasItem(field));
    }

    private static String decideDayServices(String user) {
        return Api.as(user)
                .body(Fixtures.unique("family-day-services.json").toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .body("conclusions.find { it.type == 'SAFE_HOUSE' }.value", equalTo("DAY_SERVICES"))
                .extract()
                .path("decisionId");
    }

    private static String body(String value, String reason) {
        return "{\"type\":\"SAFE_HOUSE\",\"subject\":\"m1\",\"value\":\"" + value + "\",\"reason\":\"" + reason + "\"}";
    }

    private static io.restassured.response.ValidatableResponse override(
            String decision, String user, String key, String body) {
        var request = Api.as(user).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/decisions/" + decision + "/overrides").then();
    }
}
