package ir.hamyar.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Browser;
import ir.hamyar.support.Fixtures;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Erasure by crypto-shredding, through the API and down to the rows: a subject's inputs, answers and override reasons
 * are stored only as ciphertext; erasing her wipes her data key, after which no read shows them, replay and resend
 * are 409, searches by conclusion or fired rule no longer find her, and the record still verifies. Another subject's records are untouched, and her next decision is sealed under a new key.
 */
@QuarkusTest
class ErasureTest {

    private static final String REASON = "{\"reason\":\"she asked to be forgotten (request 1405/07/12)\"}";

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anErasedSubjectCanNoLongerBeReadButTheRecordStillVerifies() throws SQLException {
        ObjectNode first = Fixtures.tieredFamily(1);
        String ref = first.get("familyRef").asText();
        String kept = Api.decide("intake", first).getString("decisionId");
        ObjectNode second = Fixtures.tieredFamily(3).put("familyRef", ref);
        String resentKey = "erase-" + ref;
        String decision = Api.asIntake()
                .header("Idempotency-Key", resentKey)
                .body(second.toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .path("decisionId");
        ObjectNode other = Fixtures.tieredFamily(1);
        String otherDecision = Api.decide("intake", other).getString("decisionId");
        JsonPath concluded = Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decision)
                .then()
                .extract()
                .jsonPath();
        String tier = concluded.getString("conclusions.find { it.type == 'TIER' }.value");
        String firedRule = concluded.getString("firedRules[0].rule");
        String subject = concluded.getString("conclusions.find { it.type == 'TIER' }.subject");
        String tierOverride = "{\"type\":\"TIER\"" + (subject == null ? "" : ",\"subject\":\"" + subject + "\"")
                + ",\"value\":\"%s\",\"reason\":\"%s\"}";
        String override = Api.asIntake()
                .body(tierOverride.formatted(
                        tier.equals("STABLE") ? "AT_RISK" : "STABLE", "the caseworker visited the family at home"))
                .post("/api/v1/decisions/" + decision + "/overrides")
                .then()
                .statusCode(201)
                .extract()
                .path("overrideId");

        assertThat(sql(
                        "select count(*) from decision where subject_ref = ? and input is null and response is null"
                                + " and position(convert_to('indicators', 'UTF8') in sealed_input) = 0",
                        ref))
                .as("stored only as ciphertext")
                .isEqualTo(2);
        assertThat(sql(
                        "select count(*) from decision_override where id = ?::uuid and reason is null"
                                + " and sealed_reason is not null",
                        override))
                .isEqualTo(1);
        Api.as("auditor")
                .get("/api/v1/audit/decisions?type=TIER&value=" + tier + "&subjectRef=" + ref)
                .then()
                .body("items.decisionId", hasItem(decision));

        Api.as("intake")
                .body(REASON)
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(403);
        Api.as("admin")
                .body("{\"reason\":\" \"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors[0].field", equalTo("reason"));
        Api.as("admin")
                .body("{\"reason\":\"she asked to be forgotten\",\"name\":\"x\"}")
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        Api.as("admin")
                .body(REASON)
                .post("/api/v1/subjects/" + "bad%20ref" + "/erasure")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("subjectRef"));
        assertThat(sql("select count(*) from erasure where subject_ref = ?", ref))
                .as("nothing half-written by the refused requests")
                .isZero();

        JsonPath erased = Api.as("admin")
                .body(REASON)
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(erased.getString("subjectRef")).isEqualTo(ref);
        assertThat(erased.getInt("decisions")).isEqualTo(2);
        assertThat(erased.getString("erasedAt")).isNotBlank();
        assertThat(sql("select count(*) from subject_key where subject_ref = ? and wrapped is not null", ref))
                .as("her data key is wiped")
                .isZero();

        JsonPath record = Api.as("auditor")
                .get("/api/v1/audit/decisions/" + decision)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(record.getString("input")).isNull();
        assertThat(record.getString("response")).isNull();
        assertThat(record.getList("conclusions")).isNull();
        assertThat(record.getString("erased.by")).isEqualTo("admin");
        assertThat(record.getString("erased.reason")).isEqualTo("she asked to be forgotten (request 1405/07/12)");
        assertThat(record.getString("erased.at")).isNotBlank();
        assertThat(record.getString("kind")).isEqualTo("family");
        assertThat(record.getList("firedRules"))
                .as("the fired rules are sealed with the rest")
                .isEmpty();
        assertThat(record.getString("hash")).hasSize(64);
        assertThat(record.getString("overrides[0].reason")).isNull();
        assertThat(record.getString("overrides[0].erased.by")).isEqualTo("admin");

        try (Browser auditor = new Browser(base.toString())) {
            auditor.signIn("auditor").open("/console/audit/decisions/" + decision);
            assertThat(auditor.text("#erasure-reason")).isEqualTo("she asked to be forgotten (request 1405/07/12)");
            assertThat(auditor.has("#input")).as("no input shown").isFalse();
            assertThat(auditor.has("#replay-button")).as("no replay offered").isFalse();
            assertThat(auditor.text("#hash")).isEqualTo(record.getString("hash"));
            auditor.screenshot("audit-record-erased-fa");
        }
        Api.as("auditor")
                .post("/api/v1/audit/decisions/" + decision + "/replay")
                .then()
                .statusCode(409)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:erased"));
        JsonPath read = Api.asIntake()
                .get("/api/v1/decisions/" + decision)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(read.getString("erased.by")).isEqualTo("admin");
        assertThat(read.getList("conclusions")).isNull();
        Api.asIntake()
                .header("Idempotency-Key", resentKey)
                .body(second.toString())
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:hamyar:problem:erased"));
        Api.asIntake()
                .body(tierOverride.formatted(tier, "back to what the rules said"))
                .post("/api/v1/decisions/" + decision + "/overrides")
                .then()
                .statusCode(409);
        Api.as("auditor")
                .get("/api/v1/audit/decisions?subjectRef=" + ref)
                .then()
                .body("items.size()", equalTo(2))
                .body("items[0].erased.by", equalTo("admin"))
                .body("items[0].conclusions.size()", equalTo(0));
        Api.as("auditor")
                .get("/api/v1/audit/decisions?type=TIER&subjectRef=" + ref)
                .then()
                .body("items.size()", equalTo(0));
        Api.as("auditor")
                .get("/api/v1/audit/decisions?rule=" + firedRule + "&subjectRef=" + ref)
                .then()
                .body("items.size()", equalTo(0));

        Api.as("auditor").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        Api.as("policy")
                .body("{\"limit\":5}")
                .post("/api/v1/rulesets/active/impact")
                .then()
                .statusCode(200); // the latest decisions that can still be read are replayed, erased ones skipped

        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + otherDecision)
                .then()
                .statusCode(200)
                .body("conclusions.size()", org.hamcrest.Matchers.greaterThan(0));
        assertThat(kept).isNotEqualTo(decision);

        String again = Api.decide("intake", Fixtures.tieredFamily(1).put("familyRef", ref))
                .getString("decisionId");
        Api.as("auditor")
                .get("/api/v1/audit/decisions/" + again)
                .then()
                .statusCode(200)
                .body("conclusions.size()", org.hamcrest.Matchers.greaterThan(0));
        Api.as("admin")
                .body(REASON)
                .post("/api/v1/subjects/" + ref + "/erasure")
                .then()
                .statusCode(200)
                .body("decisions", equalTo(1));
        Api.as("auditor").get("/api/v1/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void theServiceMayOnlyEraseAndNeverRewriteOrRemove() {
        String decision = Api.decide("intake", Fixtures.tieredFamily(3)).getString("decisionId");
        for (String change : List.of(
                "update decision set subject_ref = 'X' where id = '" + decision + "'",
                "update decision set input = null, erasure_id = 1 where id = '" + decision + "'",
                "update decision set concluded_ids = null where id = '" + decision + "'",
                "update subject_key set wrapped = null",
                "delete from subject_key",
                "update report_outcome set tier = 'X'",
                "update rule_firing_count set firings = 0",
                "delete from erasure")) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(change)) {
                statement.execute();
                throw new AssertionError("allowed: " + change);
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).as(change).isEqualTo("42501");
            }
        }
    }

    private int sql(String query, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
