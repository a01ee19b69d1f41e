package ir.hamyar.ruleset;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import ir.hamyar.support.Api;
import ir.hamyar.support.FourEyesProfile;
import ir.hamyar.support.Rulesets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Four eyes (contract v1.1): a draft is activated only after a policy user other than its author approved it. */
@QuarkusTest
@TestProfile(FourEyesProfile.class)
class ApprovalTest {

    @AfterEach
    void restore() {
        Rulesets.restoreShipped();
    }

    @Test
    void aDraftIsActivatedOnlyOnceAnotherPolicyUserApprovedIt() {
        int base = Rulesets.active();
        int draft = newDraft(base);

        Api.as("policy")
                .body("{\"comment\":\"mine is fine\"}")
                .post("/api/v1/rulesets/" + draft + "/approve")
                .then()
                .statusCode(403)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:own-draft"));
        Rulesets.activate(draft, "before anyone approved")
                .statusCode(409)
                .contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("urn:hamyar:problem:approval-missing"))
                .body("detail", containsString("0 of the 1 approval(s) required"));

        Api.as("policy2")
                .body("{\"comment\":\"checked the scenarios\"}")
                .post("/api/v1/rulesets/" + draft + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("approvals", hasSize(1))
                .body("approvals[0].by", equalTo("policy2"))
                .body("approvals[0].comment", equalTo("checked the scenarios"));
        Api.as("policy2")
                .post("/api/v1/rulesets/" + draft + "/approve")
                .then()
                .statusCode(409)
                .contentType(Api.PROBLEM_JSON);
        Api.as("policy")
                .get("/api/v1/rulesets/" + draft)
                .then()
                .statusCode(200)
                .body("approvals[0].by", equalTo("policy2"));

        Rulesets.activate(draft, "approved by a second officer").statusCode(200);
        Api.as("policy2")
                .post("/api/v1/rulesets/" + draft + "/approve")
                .then()
                .statusCode(409)
                .body("detail", containsString("only a DRAFT can be approved"));
        Api.as("auditor")
                .get("/api/v1/audit/events?version=" + draft + "&action=APPROVED")
                .then()
                .statusCode(200)
                .body("items.actor", hasItem("policy2"));
    }

    @Test
    void aRollbackToARetiredVersionNeedsNoApproval() {
        int shipped = Rulesets.shipped();
        int draft = newDraft(Rulesets.active());
        Api.as("policy2").post("/api/v1/rulesets/" + draft + "/approve").then().statusCode(200);
        Rulesets.activate(draft, "approved").statusCode(200);

        Rulesets.activate(shipped, "rollback without approval").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anApprovalBodyIsReadStrictly() {
        int draft = newDraft(Rulesets.active());
        Api.as("policy2")
                .body("{\"comment\":\"ok\",\"by\":\"someone else\"}")
                .post("/api/v1/rulesets/" + draft + "/approve")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM_JSON)
                .body("errors.field", hasItem("by"));
        Api.as("intake").post("/api/v1/rulesets/" + draft + "/approve").then().statusCode(403);
    }

    private static int newDraft(int base) {
        ObjectNode changes = Rulesets.changes(base, Map.of());
        return Rulesets.draft(changes).statusCode(201).extract().path("version");
    }
}
