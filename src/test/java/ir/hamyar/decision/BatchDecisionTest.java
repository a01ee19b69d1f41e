package ir.hamyar.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.hamyar.support.Api;
import ir.hamyar.support.Fixtures;
import ir.hamyar.support.Records;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchDecisionTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneBadItemFailsAloneAndTheOthersAreDecidedInOrder() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        ObjectNode badFamily =
                Fixtures.with(Fixtures.unique("family-safehouse.json"), "/members/0/birthDate", "\"2026-02-30\"");
        ObjectNode helper = Fixtures.unique("helper.json");
        ObjectNode batch = batch(
                item("family", null, family),
                item("family", null, badFamily),
                item("helper", null, helper),
                item("boat", null, helper));

        JsonPath results = Api.asIntake()
                .body(batch.toString())
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();

        assertThat(results.getList("results")).hasSize(4);
        assertThat(results.getString("results[0].subjectRef"))
                .isEqualTo(family.get("familyRef").asText());
        assertThat(results.getInt("results[1].status")).isEqualTo(400);
        assertThat(results.getList("results[1].errors.field")).containsExactly("items[1].profile.members[0].birthDate");
        assertThat(results.getString("results[2].kind")).isEqualTo("helper");
        assertThat(results.getList("results[3].errors.field")).containsExactly("items[3].kind");
        assertThat(Records.decision(dataSource, results.getString("results[0].decisionId")))
                .isPresent();
        assertThat(Records.decision(dataSource, results.getString("results[2].decisionId")))
                .isPresent();
        assertThat(Records.countForSubject(
                        dataSource, badFamily.get("familyRef").asText()))
                .isZero();
    }

    @Test
    void itemsResentWithTheirKeysAnswerTheOriginalDecisions() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        String key = "sync-" + family.get("familyRef").asText();
        ObjectNode batch = batch(item("family", key, family));

        String first = firstDecisionIdOf(batch);
        String again = firstDecisionIdOf(batch);
        String single = Api.asIntake()
                .header("Idempotency-Key", key)
                .body(family.toString())
                .when()
                .post("/api/v1/decisions/family")
                .then()
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .extract()
                .path("decisionId");

        assertThat(again).isEqualTo(first);
        assertThat(single).isEqualTo(first);
        assertThat(Records.countForSubject(dataSource, family.get("familyRef").asText()))
                .isEqualTo(1);
    }

    @Test
    void aKeyReusedForAnotherProfileConflictsForThatItemOnly() {
        ObjectNode family = Fixtures.unique("family-safehouse.json");
        ObjectNode other = Fixtures.unique("family-safehouse.json");
        String key = "dup-" + family.get("familyRef").asText();

        Api.asIntake()
                .body(batch(item("family", key, family), item("family", key, other), item("family", null, other))
                        .toString())
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(200)
                .body("results[1].status", equalTo(409))
                .body("results[2].subjectRef", equalTo(other.get("familyRef").asText()));
    }

    @Test
    void aBatchMustHoldOneTo500ItemsAndNothingElse() {
        Api.asIntake()
                .body("{\"items\": []}")
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", hasItem("items"));
        ObjectNode tooMany = Fixtures.JSON.createObjectNode();
        ArrayNode items = tooMany.putArray("items");
        for (int i = 0; i < 501; i++) {
            items.add(item("helper", null, Fixtures.load("helper.json")));
        }
        Api.asIntake()
                .body(tooMany.toString())
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("items"));
        Api.asIntake()
                .body("{\"items\": [], \"device\": \"x\"}")
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("device"));
    }

    private static String firstDecisionIdOf(ObjectNode batch) {
        return Api.asIntake()
                .body(batch.toString())
                .when()
                .post("/api/v1/decisions/batch")
                .then()
                .statusCode(200)
                .extract()
                .path("results[0].decisionId");
    }

    private static ObjectNode batch(ObjectNode... items) {
        ObjectNode batch = Fixtures.JSON.createObjectNode();
        ArrayNode array = batch.putArray("items");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return batch;
    }

    private static ObjectNode item(String kind, String key, ObjectNode profile) {
        ObjectNode item = Fixtures.JSON.createObjectNode().put("kind", kind);
        if (key != null) {
            item.put("idempotencyKey", key);
        }
        item.set("profile", profile);
        return item;
    }
}
