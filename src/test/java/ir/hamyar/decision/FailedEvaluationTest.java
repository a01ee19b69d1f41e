package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ruleset whose rules fail for some profiles: the request ends with a 500-class problem naming the ruleset version
 * and the rule, no decision is recorded, and auditors find the failed evaluation with its input.
 */
@QuarkusTest
class FailedEvaluationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("owner")
    AgroalDataSource owner;

    private int troubled;

    @BeforeEach
    void activateTroubledRules() {
        troubled = Rulesets.draft(
                        Rulesets.changes(Rulesets.active(), Map.of("helpers/troubled.drl", RuleTrees.TROUBLED_RULES)))
                .statusCode(201)
                .extract()
                .path("version");
        Rulesets.activate(troubled, "rules that fail for 11 and 13 families").statusCode(200);
    }

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void aLoopingRuleEndsTheRequestWithAProblemNamingVersionAndRuleAndIsKeptAsAFailedEvaluation() throws IOException {
        ObjectNode helper = helperWith(13);
        String helperRef = helper.get("helperRef").asText();

        JsonPath problem = Api.asIntake()
                .header("Idempotency-Key", "loop-" + helperRef)
                .body(helper.toString())
                .when()
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(500)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:rules-failed"))
                .extract()
                .jsonPath();

        String failureId = problem.getString("failureId");
        assertThat(problem.getString("detail"))
                .contains("ruleset version " + troubled)
                .contains("helpers/EveryOffspringBreedsAnother")
                .contains(failureId)
                .doesNotContain(helperRef);
        assertThat(Records.countForSubject(dataSource, helperRef)).isZero();

        JsonPath failure = Api.as("auditor")
                .get("/api/v1/audit/failures/" + failureId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(failure.getString("subjectRef")).isEqualTo(helperRef);
        assertThat(failure.getString("kind")).isEqualTo("helper");
        assertThat(failure.getString("caller")).isEqualTo("intake");
        assertThat(failure.getString("idempotencyKey")).isEqualTo("loop-" + helperRef);
        assertThat(failure.getInt("ruleset.version")).isEqualTo(troubled);
        assertThat(failure.getString("rule")).isEqualTo("helpers/EveryOffspringBreedsAnother");
        assertThat(failure.getString("reason")).contains("10000 times without settling");
        assertThat(Fixtures.JSON.readTree(failure.getString("input"))).isEqualTo(helper);
        assertThat(failure.getString("organisation")).isEqualTo("safe-house-tehran");

        Api.as("auditor")
                .get("/api/v1/audit/reads?decisionId=" + failureId)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("FAILURE"))
                .body("items[0].failureId", equalTo(failureId))
                .body("items[0].reader", equalTo("auditor"))
                .body("items[0].organisation", equalTo("*"));

        Api.as("admin")
                .body("{\"reason\":\"retention period of the helper's file ended\"}")
                .post("/api/v1/subjects/" + helperRef + "/erasure")
                .then()
                .statusCode(200)
                .body("decisions", equalTo(0));
        JsonPath erased = Api.as("auditor")
                .get("/api/v1/audit/failures/" + failureId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(erased.getString("input")).isNull();
        assertThat(erased.getString("erased.by")).isEqualTo("admin");
        assertThat(erased.getString("erased.reason")).isEqualTo("retention period of the helper's file ended");
        assertThat(erased.getString("rule")).isEqualTo("helpers/EveryOffspringBreedsAnother");
    }

    @Test
    void aFailingRuleInABatchFailsOnlyItsItemAndAuditorsFindItByRuleAndVersion() {
        ObjectNode failing = helperWith(11);
        ObjectNode sound = helperWith(9);
        String batch = "{\"items\":[{\"kind\":\"helper\",\"profile\":" + failing + "},{\"kind\":\"helper\",\"profile\":"
                + sound + "}]}";

        List<Map<String, Object>> results = Api.asIntake()
                .body(batch)
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("results");

        assertThat(results.get(0))
                .containsEntry("type", "urn:hamyar:problem:rules-failed")
                .containsEntry("status", 500);
        assertThat(results.get(1)).containsKey("decisionId");
        assertThat(Records.countForSubject(dataSource, failing.get("helperRef").asText()))
                .isZero();
        assertThat(Records.countForSubject(dataSource, sound.get("helperRef").asText()))
                .isEqualTo(1);

        List<Map<String, Object>> found = Api.as("auditor")
                .queryParam("rulesetVersion", troubled)
                .queryParam("rule", "helpers/AHelperWithElevenFamiliesDividesByZero")
                .get("/api/v1/audit/failures")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(found).anySatisfy(item -> {
            assertThat(item)
                    .containsEntry("failureId", results.get(0).get("failureId"))
                    .containsEntry("subjectRef", failing.get("helperRef").asText())
                    .containsEntry("reason", "rule helpers/AHelperWithElevenFamiliesDividesByZero failed")
                    .doesNotContainKey("input");
        });
    }

    @Test
    void failedEvaluationsCanBeNeitherChangedNorRemovedByTheServiceOrTheOwner() {
        Api.asIntake()
                .body(helperWith(11).toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(500);

        for (String sql : List.of(
                "update evaluation_failure set reason = 'nothing happened'",
                "delete from evaluation_failure",
                "truncate evaluation_failure")) {
            assertThatThrownBy(() -> execute(dataSource, sql))
                    .as("service role: " + sql)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(owner, sql))
                    .as("owner: " + sql)
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
                    .hasMessageContaining("not allowed");
        }
    }

    @Test
    void aFilterThatIsNotAVersionNumberIsRefusedNamingIt() {
        Api.as("auditor")
                .queryParam("rulesetVersion", "seven")
                .get("/api/v1/audit/failures")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors[0].field", equalTo("rulesetVersion"));
    }

    private static void execute(AgroalDataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static ObjectNode helperWith(int focusedFamilies) {
        ObjectNode helper = Fixtures.unique("helper.json");
        helper.put("inServiceTrainingHours", 40);
        helper.put("focusedFamilies", focusedFamilies);
        return helper;
    }
}
