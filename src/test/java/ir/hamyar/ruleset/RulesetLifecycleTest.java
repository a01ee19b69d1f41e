package ir.hamyar.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.hamyar.support.Api;
import ir.hamyar.support.RuleTrees;
import ir.hamyar.support.Rulesets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Policy staff change a rule through the API: draft, validation, activation, rollback, and the events of each. */
@QuarkusTest
class RulesetLifecycleTest {

    private static final String SON_AGE_LINE = "    2016-03-20: 12\nsafehouse.standardStayMonths:";

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void theSonAgeLimitRaisedTo14IsValidatedActivatedVisibleInTheNextDecisionAndRolledBack() throws IOException {
        int base = Rulesets.active();
        ObjectNode changes = Rulesets.changes(
                base,
                Map.of(
                        "safehouse/parameters.yaml",
                        parameters()
                                .replace(
                                        SON_AGE_LINE,
                                        "    2016-03-20: 12\n    2026-11-22: 14\n" + "safehouse.standardStayMonths:"),
                        "safehouse/son-age-14.scenarios.yaml",
                        fixture("son-age-14.scenarios.yaml")));

        io.restassured.response.ExtractableResponse<?> created = Rulesets.draft(changes)
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("compiled", equalTo(true))
                .body("errors", empty())
                .body("scenarios.failed", empty())
                .body("scenarios.passed", greaterThan(80))
                .body("existing", equalTo(false))
                .extract();
        int draft = created.path("version");
        assertThat(created.header("Location")).endsWith("/api/v1/rulesets/" + draft);

        assertThat(accompanyOfSon13()).containsEntry("version", base).containsEntry("value", "NOT_ALLOWED");

        Rulesets.activate(draft, "raise the son age limit to 14 (circular 1405/123)")
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("activatedBy", equalTo("policy"))
                .body("activatedAt", notNullValue());
        assertThat(accompanyOfSon13()).containsEntry("version", draft).containsEntry("value", "ALLOWED");
        Api.as("auditor").get("/api/v1/rulesets/" + base).then().body("status", equalTo("RETIRED"));

        Rulesets.activate(base, "roll back: the circular is not in force yet")
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertThat(accompanyOfSon13()).containsEntry("version", base).containsEntry("value", "NOT_ALLOWED");

        Api.as("auditor")
                .get("/api/v1/audit/events?version=" + draft)
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("ACTIVATED", "CREATED")))
                .body("items[0].actor", equalTo("policy"))
                .body("items[0].previousVersion", equalTo(base))
                .body("items[0].comment", equalTo("raise the son age limit to 14 (circular 1405/123)"));
        Api.as("auditor")
                .get("/api/v1/audit/events?version=" + base + "&action=ROLLED_BACK&size=1")
                .then()
                .body("items[0].previousVersion", equalTo(draft))
                .body("items[0].comment", equalTo("roll back: the circular is not in force yet"));
    }

    @Test
    void aRuleWithASyntaxErrorIsRejectedWithItsFileLineAndColumnAndKept() throws IOException {
        int before = Rulesets.count();
        String broken =
                "package safehouse;\n\nrule \"Broken\"\n    @reasonFa(\"x\") @reasonEn(\"x\") @reference(\"x\")\n"
                        + "when\n    this is not drl\nthen\nend\n";

        int rejected = Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of("safehouse/broken.drl", broken)))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:hamyar:problem:ruleset-invalid"))
                .body("status", equalTo("REJECTED"))
                .body("compiled", equalTo(false))
                .body("errors[0].file", equalTo("safehouse/broken.drl"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].column", notNullValue())
                .body("errors[0].message", notNullValue())
                .extract()
                .path("version");

        assertThat(Rulesets.count()).isEqualTo(before + 1);
        Api.as("auditor")
                .get("/api/v1/rulesets/" + rejected)
                .then()
                .body("status", equalTo("REJECTED"))
                .body("report.errors[0].file", equalTo("safehouse/broken.drl"));
        Rulesets.activate(rejected, "try anyway").statusCode(409).body("detail", containsString("rejected"));
        Api.as("auditor")
                .get("/api/v1/audit/events?version=" + rejected)
                .then()
                .body("items.action", equalTo(List.of("REJECTED")));
    }

    @Test
    void aDraftWhoseScenariosFailIsRejectedNamingTheScenarioWithExpectedAndActual() throws IOException {
        String raisedWithoutUpdatingScenarios = parameters().replace("    2016-03-20: 12\n", "    2016-03-20: 14\n");

        int rejected = Rulesets.draft(Rulesets.changes(
                        Rulesets.active(), Map.of("safehouse/parameters.yaml", raisedWithoutUpdatingScenarios)))
                .statusCode(422)
                .body("status", equalTo("REJECTED"))
                .body("compiled", equalTo(true))
                .body("scenarios.failed.file", hasItem("safehouse/admission.scenarios.yaml"))
                .body(
                        "scenarios.failed.scenario",
                        hasItem("a mother with a son of 12 and a son who turned 13 on the day of admission is admitted"
                                + " with the younger son only"))
                .body("scenarios.failed[0].failures[0].expected", notNullValue())
                .body("scenarios.failed[0].failures[0].actual", startsWith("the conclusions were"))
                .extract()
                .path("version");

        Rulesets.activate(rejected, "activate a failing draft").statusCode(409);
        assertThat(Rulesets.active()).isEqualTo(Rulesets.shipped());
    }

    @Test
    void aDraftWithARuleThatLoopsIsRejectedNamingTheRule() {
        Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of("helpers/loop.drl", RuleTrees.LOOPING_RULE)))
                .statusCode(422)
                .body("status", equalTo("REJECTED"))
                .body("compiled", equalTo(true))
                .body("scenarios.failed.file", hasItem("helpers/helpers.scenarios.yaml"))
                .body("scenarios.failed[0].failures[0].actual", containsString("helpers/EveryGenerationBreedsAnother"));
    }

    @Test
    void uploadingTheSameTreeTwiceAnswersTheFirstVersionAndStoresNothingNew() throws IOException {
        ObjectNode changes = Rulesets.changes(Rulesets.active(), Map.of());
        int first = Rulesets.draft(changes).statusCode(201).extract().path("version");
        int before = Rulesets.count();

        Rulesets.draft(changes)
                .statusCode(200)
                .body("version", equalTo(first))
                .body("existing", equalTo(true))
                .body("status", equalTo("DRAFT"));

        assertThat(Rulesets.count()).isEqualTo(before);
    }

    @Test
    void activationNeedsAComment() {
        int draft = Rulesets.draft(Rulesets.changes(Rulesets.active(), Map.of()))
                .statusCode(201)
                .extract()
                .path("version");

        Api.as("policy")
                .body("{}")
                .post("/api/v1/rulesets/" + draft + "/activate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        Api.as("policy")
                .body("{\"comment\":\"ok\",\"force\":true}")
                .post("/api/v1/rulesets/" + draft + "/activate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("force"));
        Rulesets.activate(Rulesets.active(), "again").statusCode(409);
        Rulesets.activate(999_999, "nothing").statusCode(404);
    }

    @Test
    void onlyPolicyStaffChangeRulesetsAndAuditorsOnlyRead() {
        ObjectNode changes = Rulesets.changes(Rulesets.active(), Map.of());
        for (String user : List.of("intake", "auditor")) {
            Api.as(user)
                    .body(changes.toString())
                    .post("/api/v1/rulesets")
                    .then()
                    .statusCode(403);
            Api.as(user)
                    .body("{\"comment\":\"x\"}")
                    .post("/api/v1/rulesets/" + Rulesets.active() + "/activate")
                    .then()
                    .statusCode(403);
        }
        Api.as("intake").get("/api/v1/rulesets").then().statusCode(403);
        Api.as("auditor").get("/api/v1/rulesets").then().statusCode(200);
        Api.as("policy").get("/api/v1/audit/events").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/rulesets").then().statusCode(401);
    }

    /** The ACCOMPANY conclusion for a son of 13 (born 2013-06-01) assessed on 2026-11-23, and the deciding version. */
    private static Map<String, Object> accompanyOfSon13() {
        String family =
                """
                {"familyRef":"T-SON13","assessedOn":"2026-11-23",
                 "members":[{"ref":"mother","role":"HEAD","sex":"FEMALE","birthDate":"1985-01-01"},
                            {"ref":"son13","role":"CHILD","sex":"MALE","birthDate":"2013-06-01"}],
                 "circumstances":["DOMESTIC_VIOLENCE"],
                 "safeHouse":{"applicantRef":"mother","admissionOn":"2026-11-23","immediateDanger":true}}
                """;
        io.restassured.path.json.JsonPath answer = Api.asIntake()
                .body(family)
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return Map.of(
                "version", answer.getInt("ruleset.version"),
                "value",
                        answer.getString("conclusions.find { it.type == 'ACCOMPANY' && it.subject == 'son13' }.value"));
    }

    private static String parameters() throws IOException {
        return Files.readString(Path.of("rules/safehouse/parameters.yaml"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RulesetLifecycleTest.class.getResourceAsStream("/fixtures/rulesets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
