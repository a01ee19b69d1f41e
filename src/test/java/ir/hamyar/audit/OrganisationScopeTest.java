package ir.hamyar.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import ir.hamyar.calendar.IranTime;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.TwoOrganisationsProfile;
import java.util.List;
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
                .get("/api/v1/reports/safehouse?from=" + IranTime.today())
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
