package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Rulesets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Try a profile" (contract v1.1): what a version would decide, the active one or a draft; nothing is recorded. */
@QuarkusTest
class DryRunTest {

    private static final String SON_OF_13 = "conclusions.find { it.type == 'ACCOMPANY' && it.subject == 'm3' }.value";

    @Test
    void aDryRunAnswersAsADecisionWouldAndRecordsNothing() {
        long recordedBefore = recordedDecisions();

        Api.as("policy")
                .body(Fixtures.load("family-safehouse.json").toString())
                .post("/api/v1/rulesets/active/evaluate/family")
                .then()
                .statusCode(200)
                .body("recorded", equalTo(false))
                .body("decisionId", nullValue())
                .body("ruleset.version", equalTo(Rulesets.active()))
                .body("assessedOnJalali", equalTo("1405-08-29"))
                .body(SON_OF_13, equalTo("NOT_ALLOWED"))
                .body("firedRules.rule", hasItem("safehouse/SonPastTheAgeLimitCannotAccompanyHisMother"))
                .body("conclusions[0].reason.fa", notNullValue());

        assertThat(recordedDecisions()).isEqualTo(recordedBefore);
    }

    @Test
    void aDraftIsTriedBeforeItIsActive() throws IOException {
        String parameters = Files.readString(Path.of("rules/safehouse/parameters.yaml"))
                .replace("    2016-03-20: 12\n", "    2016-03-20: 12\n    2026-03-21: 14\n");
        ObjectNode changes = Rulesets.changes(Rulesets.active(), Map.of("safehouse/parameters.yaml", parameters));
        int draft = Rulesets.draft(changes).statusCode(422).extract().path("version");

        Api.as("policy")
                .body(Fixtures.load("family-safehouse.json").toString())
                .post("/api/v1/rulesets/" + draft + "/evaluate/family")
                .then()
                .statusCode(200)
                .body("ruleset.version", equalTo(draft))
                .body(SON_OF_13, equalTo("ALLOWED"));
    }

    @Test
    void aBadProfileOrKindIsRefusedAsADecisionWouldBe() {
        Api.as("policy")
                .body(Fixtures.with(Fixtures.load("family-safehouse.json"), "/members/0/name", "\"x\"")
                        .toString())
                .post("/api/v1/rulesets/active/evaluate/family")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", equalTo(List.of("members[0].name")));
        Api.as("policy")
                .body("{}")
                .post("/api/v1/rulesets/active/evaluate/person")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        Api.as("policy")
                .body("{}")
                .post("/api/v1/rulesets/999999/evaluate/family")
                .then()
                .statusCode(404)
                .contentType(Api.PROBLEM_JSON);
        Api.as("intake")
                .body(Fixtures.load("family-safehouse.json").toString())
                .post("/api/v1/rulesets/active/evaluate/family")
                .then()
                .statusCode(403);
    }

    private static long recordedDecisions() {
        return ((Number) Api.as("auditor")
                        .get("/api/v1/audit/verify")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("records"))
                .longValue();
    }
}
