package ir.hamyar.ruleset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessShowsTheActiveRulesetAndTheDatabase() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'ruleset' }.data.sha256", matchesPattern("[0-9a-f]{64}"))
                .body("checks.find { it.name == 'ruleset' }.data.version", org.hamcrest.Matchers.greaterThan(0))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessWatchesEveryBackgroundWorker() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'workers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'workers' }.data.'hamyar-decision-writer-0'", equalTo("running"))
                .body("checks.find { it.name == 'workers' }.data.'hamyar-ruleset-follower'", equalTo("running"))
                .body("checks.find { it.name == 'workers' }.data.'hamyar-audit-checkpoints'", equalTo("running"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryRequestAndResponse() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/decisions/family"))
                .body("paths", hasKey("/api/v1/decisions/batch"))
                .body("paths", hasKey("/api/v1/decisions/{decisionId}"))
                .body("components.schemas", hasKey("FamilyProfile"))
                .body("components.schemas", hasKey("GroupProfile"))
                .body("components.schemas", hasKey("HelperProfile"))
                .body("components.schemas", hasKey("Decision"))
                .body("components.schemas", hasKey("Problem"));
        given().when().get("/q/swagger-ui/").then().statusCode(401);
        given().when().get("/q/metrics").then().statusCode(401);
        Api.as("intake").get("/q/metrics").then().statusCode(403);
        Api.as("admin").get("/q/swagger-ui/").then().statusCode(200);
        Api.as("admin").get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metricsShowHowTheChainWriterGroupsDecisions() {
        Api.asIntake()
                .body(Fixtures.unique("helper.json").toString())
                .post("/api/v1/decisions/helper")
                .then()
                .statusCode(200);

        Api.as("admin")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("hamyar_audit_group_decisions_count"))
                .body(containsString("hamyar_audit_group_decisions{quantile=\"0.99\"}"))
                .body(containsString("hamyar_audit_append_seconds_count"));
    }
}
